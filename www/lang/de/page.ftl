# Die Wörter von pos-playground auf Deutsch. Fehlt ein Text, wird er auf Englisch gezeigt.
# Fluent-Syntax (https://projectfluent.org): `schlüssel = Text`, `{ $name }` für einen Wert, den die
# Seite einsetzt, `{ $count -> [one] … *[other] … }` für Pluralformen. Behalte jeden Schlüssel und
# jedes `{ $name }`; übersetze den Rest. docs/languages.md erklärt, wie man eine Sprache hinzufügt.

## Das Sprachmenü
language-label = Sprache
language-missing = { $language }: { $count ->
        [one] ein Text fehlt, er wird auf Englisch gezeigt
       *[other] { $count } Texte fehlen, sie werden auf Englisch gezeigt
    }

## Der obere Teil der Seite
app-lede = Eine Proof-of-Stake-Kette, die in diesem Tab läuft. Jeder gestakte Token ist ein Lotterielos: Der Knoten, dessen Los der Referenz des Blocks am nächsten liegt, schmiedet den nächsten Block.
netbar =
    .aria-label = Netzwerk
netbar-nodes = { $count ->
        [one] Knoten hier
       *[other] Knoten hier
    }
netbar-blocks = { $count ->
        [one] Block
       *[other] Blöcke
    }
netbar-agree = alle Knoten sind sich einig
netbar-catching-up = Knoten holen auf…
netbar-latency = Verbindungen mit { $ms } ms
add-node = + Knoten hinzufügen
new-network = Neues Netzwerk…
    .title = Mit einer neuen Genesis von vorn beginnen (fragt vorher nach)
remove-node = − Knoten entfernen

## Ein gespeicherter Playground, der nicht zurückkommen kann
recovery-title = Der gespeicherte Playground konnte nicht wiederhergestellt werden
recovery-reason = Was der Browser für diesen Tab gespeichert hat, ist kein gültiger Playground: { $reason }.
recovery-nothing-overwritten = Nichts wird überschrieben, bis du dich entscheidest. Behalte eine Kopie der gespeicherten Daten, wenn du sie dir ansehen willst, und fang dann neu an.
recovery-download = Eine Kopie herunterladen
recovery-start-fresh = Neu anfangen

## Der Fuß der Seite
footer-console = Konsole:
footer-readme = — siehe README.

## Die Karte eines Knotens
card-host = Host
    .title = hält den Genesis-Schlüssel und die Börse
card-forges-next = schmiedet als Nächstes
card-crashed = abgestürzt
card-adversary = Angreifer
card-balance = Guthaben
card-stake = Stake
card-pool = Pool
card-height = Höhe
card-tip = Spitze
card-actions = Aktionen von { $node }
card-action = Aktion
card-buy = Kaufen
card-transfer = Überweisen
card-stake-verb = Staken
card-amount = Betrag
card-to = An
card-send = Senden
card-forge = Jetzt schmieden
    .title = Jetzt einen Block schmieden (nur der Gewinner der Ziehung darf das)
card-not-a-number = Abgelehnt: „{ $amount }“ ist keine ganze Zahl von Token

## Kettendateien
files =
    .aria-label = Ketten speichern und teilen
files-export = Kette von { $node } exportieren
files-with-keys = mit geheimen Schlüsseln
files-keys-confirm = Geheime Schlüssel mitspeichern? Wer die Datei bekommt, kann die Token dieses Knotens ausgeben (und auf dem Host auch die der Börse).
files-import = Eine Kettendatei importieren:
file-choose = Datei wählen…

## Das Netzwerk der Tabs
net =
    .aria-label = Netzwerk der Tabs
net-network = Netzwerk
net-tab = Tab
net-role-solo = dieser Tab läuft allein
net-role-discovering = suche Netzwerk „{ $name }“…
net-role-host = dieser Tab ist Host des Netzwerks (Genesis und Börse)
net-role-member = dieser Tab ist Mitglied
net-hint-open = Um Tabs oder Fenster zu einem Netzwerk zu verbinden, öffne
net-hint-each = in jedem davon.
net-no-tabs = noch keine anderen Tabs
net-the-server = der Klassenserver
net-tab-named = Tab { $tab }
# $role ist die Rolle des Tabs, wie die Konsole sie nennt (host, member); $via: webrtc, relay oder here.
net-peer = { $who } · { $role } · Höhe { $height }{ $via ->
        [webrtc] { " " }· anderer Rechner
        [relay] { " " }· über den Server weitergeleitet
       *[here] {""}
    }
net-more-tabs = und { $count } weitere (die Liste im Bereich Klasse zeigt alle)
net-refused = { $count ->
        [one] { $count } Nachricht abgelehnt
       *[other] { $count } Nachrichten abgelehnt
    }
net-conflict = Tab { $tab } betreibt ein anderes Netzwerk namens „{ $name }“ (Genesis { $genesis }…, Höhe { $height }). Beide können nicht eine einzige Kette sein.
net-join-theirs = Dem anderen Netzwerk beitreten (die Kette dieses Tabs verwerfen)
net-keep-mine = Meins behalten (diesen Tab ignorieren)

## Die Klassenleiste (eine Seite eines Klassenservers mit einer Lehrkraft)
class-bar = Klasse
    .aria-label = Klasse
class-you-lead = Du leitest die Klasse
class-taking-lead = Übernehme die Leitung…
class-not-leading = Du leitest nicht: { $reason }
class-pace =
    .aria-label = Wer das Tempo vorgibt
class-follow-me = Folgt mir
class-free = Frei
class-clock =
    .aria-label = Die Uhr der Klasse
class-resume = ▶ Fortsetzen
class-step = Einen Block weiter
    .title = Genau ein Block mehr: der des rechtmäßigen Forgers
class-pause = ‖ Pause
    .title = Kein Knoten der Klasse schmiedet, bis du fortsetzt
class-speed = Tempo
# $who: teacher (die Leiste der Lehrkraft) oder student (die Leiste von Schülerinnen und Schülern, die die Uhr nennt).
class-clock-paused-at = { $who ->
        [student] Uhr der Klasse: angehalten bei Block #{ $height }
       *[teacher] Angehalten bei Block #{ $height }
    }
class-clock-paused = { $who ->
        [student] Uhr der Klasse: angehalten
       *[teacher] Angehalten
    }
class-clock-running = { $who ->
        [student] Uhr der Klasse: läuft { $speed } (ein Slot dauert { $slot })
       *[teacher] Läuft { $speed } (ein Slot dauert { $slot })
    }
class-following = { $following } { $following ->
        [one] folgt
       *[other] folgen
    } · { $exploring } { $exploring ->
        [one] erkundet
       *[other] erkunden
    }
class-call-back = Alle zurückholen
class-refused = { $count ->
        [one] { $count } Leitungsnachricht anderer Seiten abgelehnt
       *[other] { $count } Leitungsnachrichten anderer Seiten abgelehnt
    }
class-no-teacher = Gerade leitet keine Lehrkraft die Klasse
class-free-explore = Frei: Die Lehrkraft lässt alle selbst erkunden
class-exploring = Du erkundest auf eigene Faust
class-following-at = Du folgst der Lehrkraft · { $step }
class-following-teacher = Du folgst der Lehrkraft
class-follow-teacher = Der Lehrkraft folgen
class-explore = Selbst erkunden
class-whole = Der ganze Playground ↓

## Die nächste Ziehung aus Sicht der Schülerin oder des Schülers
my-draw-next = Die nächste Ziehung
my-draw-nobody = Noch stakt niemand: Die Lose des ersten Stakers werden die ganze Ziehung sein.
my-draw-title = Die Ziehung für Block #{ $height }
my-draw-lots = Deine Lose
my-draw-no-lots = keine: stake Token, um mitzumachen
my-draw-lots-of = { $lots } von { $total ->
        [one] { $total } Los
       *[other] { $total } Losen
    }
my-draw-chance = Deine Chance
my-draw-reference = Die Referenz
my-draw-winner = Der Gewinner
my-draw-you-won = { " " }— du: Du schmiedest den nächsten Block
my-draw-every-lot = Alle Lose dieser Ziehung ↓

## Fehler: Stör das Netzwerk und sieh, wie es heilt
faults = Stör das Netzwerk und sieh, wie es heilt
    .aria-label = Das Netzwerk stören
faults-subtitle = { " " }— Fehler und Angreifer für die Knoten dieses Tabs
faults-latency = Latenz
faults-jitter = Jitter
faults-lost = verloren
faults-apply = Anwenden
faults-now = jetzt: { $latency } ms, ±{ $jitter } ms, { $lost } % verloren
faults-node = Knoten
faults-group = Gruppe
faults-power = An/Aus
faults-behaviour = Verhalten
faults-group-of = { $node }: Gruppe { $group }
faults-restart = Neu starten
faults-crash = Abstürzen lassen
faults-behaviour-of = Verhalten von { $node }
# $behaviour ist der Name eines Verhaltens im Kern (der der Konsole): eine Zeile für jedes.
faults-behaviour-option = { $behaviour ->
        [forgeOutOfTurn] Angreifer: schmiedet Blöcke, wenn er nicht an der Reihe ist
        [doubleSpend] Angreifer: gibt dieselben Token zweimal aus, je eine Ausgabe an jede Hälfte seiner Peers
        [forgedSignature] Angreifer: sendet Blöcke im Namen des Gewinners mit gefälschter Signatur
        [equivocate] Angreifer: schmiedet zwei verschiedene Blöcke, wann immer er einen schmieden darf
        [tamperedChain] Angreifer: bietet Knoten, die von ihm synchronisieren, eine manipulierte Kette an
       *[honest] ehrlich
    }
faults-split = In A | B aufteilen
faults-heal = Heilen
faults-split-now = Netzwerk gespalten: { $groups }
faults-one-network = ein Netzwerk: Jeder Knoten hört jeden anderen

## Der Bereich Klasse und seine Liste
class-connected = Mit dem Klassenserver verbunden: { $webrtc ->
        [one] { $webrtc } Seite
       *[other] { $webrtc } Seiten
    } direkt über WebRTC verbunden, { $relayed ->
        [one] { $relayed } Seite
       *[other] { $relayed } Seiten
    } über den Server weitergeleitet.
class-connecting = Verbinde mit dem Klassenserver…
class-every-laptop = Jeder Laptop öffnet
class-or-scan = oder scannt den Code (klicke darauf, um ihn groß zu zeigen):
class-qr =
    .title = Den Code groß zeigen, für den Beamer (noch einmal klicken zum Verkleinern)
class-qr-alt = QR-Code von { $address }
roster-caption = Alle in diesem Netzwerk: Stake und geschmiedete Blöcke auf der Kette dieses Tabs.
roster-who = Wer
roster-stake = Stake
roster-forged = Geschmiedete Blöcke
roster-path = Verbunden über
roster-online = Online
roster-follows = Folgt
roster-own = { $node } (dieser Tab)
roster-tab = Tab { $tab }
roster-account = Konto { $address }
roster-path-this-tab = dieser Tab
roster-path-channel = Kanal
roster-path-webrtc = WebRTC
roster-path-relay = Relais
roster-path-server = Server
roster-path-connecting = verbindet
roster-path-overlay = über andere
roster-path-offline = offline
roster-path-elsewhere = ein anderer Tab oder Rechner
roster-follows-teacher = Lehrkraft
roster-follows-following = folgt
roster-follows-exploring = erkundet
yes = ja
no = nein

## Die Zeitleiste der Blöcke
timeline = Blöcke
timeline-subtitle = { " " }— Punkte: Knoten, die den Block haben
timeline-txs = { $count } Tx
timeline-held = bei { $held } von { $nodes } Knoten
timeline-holds = { $node }: hat ihn
timeline-not-yet = { $node }: noch nicht

## Rechner verbinden (WebRTC, eingefügte Einladungen)
links = Rechner verbinden
    .aria-label = Verbindungen zu anderen Rechnern
# $server: yes, wenn der Klassenserver die Verbindungen hergestellt hat; $open: wie viele offen sind.
links-summary = { $server ->
        [yes] WebRTC-Verbindungen vom Klassenserver
       *[no] WebRTC, ohne Server
    } · dieser Tab ist { $tab } · { $open ->
        [one] { $open } offene Verbindung
       *[other] { $open } offene Verbindungen
    }
links-hint-server = Der Klassenserver verbindet diese Seite von selbst mit einigen anderen und leitet für Paare weiter, deren Verbindung sich nicht öffnen lässt; nichts muss eingefügt werden. Ein Rechner ohne den Server lässt sich hier trotzdem von Hand verbinden.
links-hint-alone = Tabs dieses Browsers teilen das Netzwerk von selbst. Um einen anderen Computer dazuzuholen: Erstelle hier eine Einladung, füge sie dort im Bereich „Rechner verbinden“ ein und nimm sie an, dann füge seine Antwort hier ein.
links-invite-title = Einen anderen Rechner einladen
links-invite = Eine Einladung erstellen
links-its-answer = Seine Antwort
links-answer-in =
    .placeholder = pos1:… (die Antwort vom anderen Rechner)
links-complete = Verbindung abschließen
links-accept-title = Eine Einladung annehmen
links-the-invitation = Die Einladung
links-invitation-in =
    .placeholder = pos1:… (die Einladung vom anderen Rechner)
links-accept = Annehmen und eine Antwort erstellen
links-invitation-ready = Einladung bereit: Kopiere sie auf den anderen Rechner, nimm sie dort an und füge seine Antwort unten ein.
links-answer-ready = Antwort bereit: Kopiere sie zurück auf den Rechner, der diesen eingeladen hat, und füge sie dort ein.
links-no-invitation = Keine Einladung: { $reason }
links-answer-taken = Antwort übernommen: Verbindung { $link } wird aufgebaut.
links-link = Verbindung { $link }
link-state = { $state ->
        [connecting] wird aufgebaut
        [open] offen
        [closed] geschlossen
       *[failed] fehlgeschlagen
    }
links-since = { $side } · seit { $since }
links-frames-in = empfangene Frames: { $count }
links-remove = Entfernen
links-cancel = Abbrechen
links-unknown-tab = Tab (noch unbekannt)
links-invited = Einladung an { $who }
links-accepted = Einladung von { $who } angenommen
links-no-stun = Kein STUN-Server: Rechner verbinden sich, wenn sie in einem Netzwerk sind, in dem sie miteinander sprechen können (dasselbe LAN oder WLAN ohne Client-Isolierung). Sonst hänge ?stun=host:port an die Adresse der Seite an.
links-stun = { $count ->
        [one] STUN-Server
       *[other] STUN-Server
    }: { $servers }.
links-not-redialled = Eine geschlossene oder fehlgeschlagene Verbindung wird nicht neu aufgebaut: Erstelle eine neue Einladung. Der Tab arbeitet mit den Peers weiter, die er hat.
# Warum eine Verbindung dort steht, wo sie steht.
link-reason = { $reason ->
        [waiting] warte auf die Antwort: Füge sie hier ein, sobald der andere Rechner angenommen hat
        [answerMade] Antwort erstellt: warte, bis der andere Rechner sie einfügt
        [answerPasted] Antwort eingefügt: Die beiden Rechner suchen einen Weg
        [open] Datenkanal offen
        [trying] die beiden Rechner probieren die Adressen aus Einladung und Antwort
        [interrupted] Verbindung unterbrochen: Der Browser versucht weiter, den anderen Rechner zu erreichen
        [noRoute] die beiden Rechner haben keinen Weg zueinander gefunden (ICE fehlgeschlagen): Wurde die Antwort auf dem einladenden Rechner eingefügt? Beide müssen in einem Netzwerk sein, das sie miteinander reden lässt (gleiches LAN oder WLAN ohne Client-Isolation), oder einen STUN-Server nutzen (?stun=)
        [noAddress] der Browser hat keine Netzwerkadresse zum Anbieten gefunden: Ist dieser Rechner in einem Netzwerk?
        [closed] die Verbindung wurde geschlossen
        [channelClosed] der Datenkanal wurde geschlossen (der andere Rechner hat seinen Tab geschlossen, schläft oder hat das Netzwerk verloren)
        [goodbye] der Tab des anderen Rechners wurde geschlossen oder neu geladen (er hat sich verabschiedet)
        [stuck] nach 30 Minuten keine Verbindung: Erstelle eine neue Einladung
       *[failed] es konnte keine Einladung oder Antwort erstellt werden
    }
# Warum eine Einladung, eine Antwort oder eine Verbindung nicht erstellt werden konnte. $detail: die
# Worte des Browsers selbst; $why: der Grund; $step: was der Browser gerade tat; $seconds: wie lange er Zeit hatte.
link-error = { $reason ->
        [browser] der Browser sagt: { $detail }
        [timeout] der Browser hat es nicht geschafft, { $step ->
            [gather] seine Netzwerkadressen zu sammeln
            [offer] ein Angebot zu erstellen
            [ownOffer] sein eigenes Angebot zu übernehmen
            [theirOffer] das Angebot der Einladung zu übernehmen
            [answer] eine Antwort zu erstellen
            [ownAnswer] seine eigene Antwort zu übernehmen
           *[takeAnswer] die Antwort zu übernehmen
        } (in { $seconds } s)
        [noDescription] der Browser hat keine Beschreibung erstellt
        [noWebRtc] dieser Browser kann keine WebRTC-Verbindungen aufbauen: { $detail }
        [noInvitation] es konnte keine Einladung erstellt werden: { $why }
        [noAnswer] es konnte keine Antwort erstellt werden: { $why }
        [badInvitation] Diese Einladung kann nicht verwendet werden: { $why }
        [badAnswer] Diese Antwort kann nicht verwendet werden: { $why }
        [refusedOffer] der Browser hat das Angebot der Einladung abgelehnt: { $why }
        [gone] die Verbindung dieser Einladung gibt es nicht mehr: Erstelle eine neue
       *[refusedAnswer] der Browser hat diese Antwort abgelehnt: { $why } (ist es die Antwort auf diese Einladung?)
    }
# $what: invitation oder answer.
links-handover = { $what ->
        [answer] Antwort
       *[invitation] Einladung
    }
links-characters = { $count } Zeichen
links-show-qr = Als QR-Code zeigen
links-qr-of = QR-Code der { $what ->
        [answer] Antwort
       *[invitation] Einladung
    }
links-qr-scanning = Zum Scannen braucht der andere Rechner eine Kamera und einen QR-Leser (ein Handy kann den Text weitergeben); diese Seite scannt nicht. Es reicht, den Text einzufügen.
links-qr-too-long = Zu lang für einen QR-Code: Kopiere den Text und füge ihn auf dem anderen Rechner ein.

## Namen, die die Seite Knoten und Adressen gibt
# $number: die Nummer des Knotens in diesem Tab, ab 1.
node-name = Knoten { $number }
name-exchange = Börse
name-class-server = der Klassenserver
name-genesis = Genesis
name-nobody = niemand
# $address: eine kurze Adresse oder Peer-ID (Hexziffern).
name-address = { $address }
# $node: der Name eines Knotens; $tab: die ID des anderen Tabs.
name-peer-of-tab = { $node } @{ $tab }

## Der Aktivitätsverlauf („Was passiert ist“); $node ist der Name eines Knotens, $peer der Knoten, von dem die Nachricht kam
activity = Was passiert ist
    .aria-label = Aktivität
feed-forged = { $node } hat die Ziehung gewonnen und Block #{ $height } mit { $count ->
        [one] { $count } Transaktion
       *[other] { $count } Transaktionen
    } geschmiedet
feed-forged-in-slot = { $node } hat Block #{ $height } in Slot { $slot } geschmiedet: Er lag in der Ziehung auf Rang { $rank }, und die Knoten vor ihm blieben still
# $tip: der gekürzte Hash der neuen Spitze; $depth: rückgängig gemachte Blöcke; $returned: Transaktionen zurück im Pool.
feed-reorg = { $node } ist auf einen besseren Zweig gewechselt (Spitze { $tip }): { $depth ->
        [one] { $depth } Block
       *[other] { $depth } Blöcke
    } rückgängig gemacht, { $returned ->
        [one] { $returned } Transaktion
       *[other] { $returned } Transaktionen
    } zurück in seinem Pool
feed-equivocation = { $node } hat { $forger } dabei ertappt, { $count } verschiedene Blöcke auf Höhe { $height } zu schmieden: Beweis aufbewahrt, die Fork-Choice-Regel behält einen
# $behaviour: der Name des Verhaltens im Kern (siehe faults-behaviour-option).
feed-misbehaved = { $node } ({ faults-behaviour-option }) hat auf Höhe { $height } gehandelt
feed-chain-replaced = { $node } lag zurück (Höhe { $old }) und hat die Kette bis Höhe { $new } übernommen, die { $peer } hatte
# $why: der Grund, in den Worten von refusal-tx, refusal-block, refusal-chain oder refusal-message.
feed-tx-refused = { $node } hat eine Transaktion abgelehnt, die { $peer } geschickt hat: { $why }
feed-tx-dropped = { $node } hat eine Transaktion aus seinem Pool verworfen: { $why }
feed-block-refused = { $node } hat Block #{ $height } abgelehnt, den { $peer } geschickt hat: { $why }
feed-chain-refused = { $node } hat die Kette abgelehnt, die { $peer } angeboten hat: { $why }
feed-message-dropped = { $node } hat eine Nachricht verworfen, die { $peer } geschickt hat: { $why }
feed-peer-lost = { $node } und { $peer } haben keinen Kontakt mehr
feed-node-joined = { $node } ist dem Netzwerk beigetreten
feed-node-left = { $node } hat das Netzwerk verlassen
# $amount: Token; $to: wer sie bekommt.
feed-asked = { $node } hat bei der Börse { $amount } Token angefragt
feed-staked = { $node } hat { $amount } Token gestakt
feed-sent = { $node } hat { $amount } Token an { $to } gesendet
feed-links-now = Verbindungen jetzt: { $latency } ms Latenz, { $jitter } ms Jitter, { $lost } % verloren
# $groups: Knotennummern, Gruppen getrennt durch „|“.
feed-split = Das Netzwerk ist gespalten: { $groups }
feed-healed = Die Spaltung ist geheilt: Jeder Knoten hört wieder jeden anderen
feed-crashed = { $node } ist abgestürzt
feed-restarted = { $node } wurde neu gestartet und holt auf
feed-behaviour-now = { $node } { $behaviour ->
        [forgeOutOfTurn] schmiedet jetzt Blöcke, wenn er nicht an der Reihe ist
        [doubleSpend] gibt jetzt dieselben Token zweimal aus, je eine Ausgabe an jede Hälfte seiner Peers
        [forgedSignature] sendet jetzt Blöcke im Namen des Gewinners mit gefälschter Signatur
        [equivocate] schmiedet jetzt zwei verschiedene Blöcke, wann immer er einen schmieden darf
        [tamperedChain] bietet jetzt Knoten, die von ihm synchronisieren, eine manipulierte Kette an
       *[honest] folgt jetzt dem Protokoll
    }
# $network: der Name des Netzwerks.
feed-joined-network = Dieser Tab ist dem Netzwerk „{ $network }“ beigetreten und lädt seine Kette
feed-new-network = Dieser Tab hat ein neues Netzwerk „{ $network }“ gestartet und ist Host für Genesis und Börse
feed-started-network = Noch niemand betreibt „{ $network }“: Dieser Tab hat es gestartet und ist Host für Genesis und Börse
feed-restored = Dieser Tab wurde aus dem Speicher des Browsers wiederhergestellt: Höhe { $height }, jeder Block erneut geprüft
feed-imported = Neues Netzwerk aus einer importierten Kette gestartet: { $count ->
        [one] { $count } Block
       *[other] { $count } Blöcke
    }, jeder einzelne geprüft
feed-server-new-chain = Der Klassenserver hat eine neue Kette gestartet (er wurde neu gestartet): Diese Seite tritt ihr bei und behält ihre Schlüssel
feed-conflict = Tab { $tab } betreibt ein anderes Netzwerk unter demselben Namen: Wähle, welches du behalten willst
feed-invitation-conflict = Die Einladung von Tab { $tab } gilt für ein anderes Netzwerk, und dieser Tab hat eigene Blöcke: Wähle, welches du behalten willst
feed-linked = Mit Tab { $tab } auf einem anderen Rechner verbunden (WebRTC)
# $word: wie die Verbindung endete (closed oder failed); $reason: warum (link-reason).
feed-link-over = Die Verbindung zu Tab { $tab } { $word ->
        [closed] wurde geschlossen
       *[failed] ist fehlgeschlagen
    }: { $reason }. Dieser Tab arbeitet mit den Peers weiter, die er hat; eine neue Einladung verbindet ihn wieder
feed-class-paused-at = Die Uhr der Klasse ist angehalten: kein Block über #{ $height }, bis die Lehrkraft einen Schritt macht oder fortsetzt
feed-class-paused = Die Uhr der Klasse ist angehalten
# $speed: etwa ×0.25; $slot: etwa 16 s.
feed-class-runs = Die Uhr der Klasse läuft mit { $speed }: Ein Slot dauert { $slot }
feed-called-back = Die Lehrkraft hat alle zurückgeholt: Du folgst wieder der Lehrkraft
feed-not-leading = Der Klassenserver lässt sich nicht von hier aus leiten: { $reason }
feed-ignored-lesson = Lektion „{ $lesson }“ der Lehrkraft ignoriert: { $reason }
feed-ignored-lesson-unknown = Lektion „{ $lesson }“ der Lehrkraft ignoriert: Das Lektionsmenü dieser Seite hat keine solche Lektion
feed-ignored-block = Block #{ $height } der Lehrkraft ignoriert: Die Kette dieser Seite endet bei #{ $tip }, und die Ziehung für #{ $next } ist das Weiteste, was sie zeigen kann

## Was die Karte eines Knotens nach einer Aktion sagt
result-asked = { $amount } Token bei der Börse angefragt
result-staking = { $amount } Token werden gestakt: Warten auf einen Block
result-staked = { $amount } Token in Block #{ $height } gestakt
result-sending = { $amount } Token werden an { $to } gesendet: Warten auf einen Block
result-sent = { $amount } Token in Block #{ $height } an { $to } gesendet
result-forged = Block #{ $height } geschmiedet
result-refused = Abgelehnt: { $why }
card-to-node = → { $node }

## Ablehnungen: warum ein Knoten etwas abgelehnt hat. Jede wählt nach $reason, dem Namen der Regel.
refusal-no-node = es gibt keinen Knoten { $index }
refusal-no-answer = der Knoten hat nicht geantwortet
refusal-nothing-happened = nichts ist passiert
refusal-not-the-winner = { $node } hat die Ziehung für den nächsten Block nicht gewonnen: { $winner } hat sie gewonnen
# Eine Transaktion. $expected/$got: Transaktionsnummern; $balance/$amount: Token; $nonce, $with: die andere Transaktion.
refusal-tx = { $reason ->
        [zeroAmount] der Betrag muss größer als null sein
        [badSignature] die Signatur ist nicht die des Absenders
        [duplicate] diese Transaktion ist schon im Pool
        [alreadyOnChain] diese Transaktion ist schon in der Kette
        [nonceGap] falsche Reihenfolge: Die nächste Transaktionsnummer des Absenders ist { $expected }, diese hat { $got }
        [insufficientBalance] nicht genug Token: Der Absender hat { $balance } verfügbar, braucht aber { $amount }
        [selfTransfer] eine Überweisung muss an jemand anderen gehen
        [stakeForOther] ein Stake muss in den eigenen Stake des Absenders gehen
        [notExchange] nur die Börse kann Token verkaufen
        [exchangeOnlySells] das Konto der Börse kann Token nur verkaufen, nicht überweisen oder staken
        [overflow] der Betrag würde ein Guthaben überlaufen lassen
        [poolFull] der Transaktionspool ist voll
        [conflict] doppelte Ausgabe: Die Transaktionsnummer { $nonce } des Absenders ist schon durch { $with } belegt
       *[other] { $reason }
    }
# Ein Block. $forger, $expected, $got: kurze Adressen; $why: die Ablehnung einer Transaktion (refusal-tx);
# $future: wie viele ms ein Block höchstens voraus sein darf; $most: wie viele Transaktionen höchstens in einen Block passen.
refusal-block = { $reason ->
        [wrongHeight] falsche Höhe: erwartet { $expected }, erhalten { $got }
        [unknownParent] sein Vorgänger-Hash ist nicht die Spitze dieser Kette
        [notTheForger] geschmiedet von { $got }, aber die Lotterie hat { $expected } gewählt
        [outOfTurn] außer der Reihe geschmiedet: { $forger } liegt in der Ziehung auf Rang { $rank }, darf also ab Slot { $rank } schmieden, aber der Block ist in Slot { $slot }
        [badSignature] die Signatur des Forgers ist ungültig
        [timestampBeforeParent] sein Zeitstempel ist früher als der seines Vorgängers
        [fromTheFuture] sein Zeitstempel liegt { $ahead } ms vor der Uhr dieses Knotens (höchstens { $future })
        [tooManyTransactions] mehr als { $most } Transaktionen
        [transaction] Transaktion { $index }: { $why }
        [noStakers] niemand hat Stake
        [notAStaker] geschmiedet von { $forger }, der keinen Stake hat, also kein Los in der Ziehung
        [belowHorizon] auf Höhe { $height }, zu weit unter der Spitze dieses Knotens bei { $tip }, um noch zu zählen
        [drawPending] die Ziehung auf seinem Vorgänger { $seed } ist noch nicht berechnet
       *[other] { $reason }
    }
# Eine Kette. $why: die Ablehnung ihres Blocks (refusal-block).
refusal-chain = { $reason ->
        [empty] die Kette hat keine Blöcke
        [badGenesis] Block 0 ist nicht der Genesis-Block
        [otherNetwork] die Kette gehört zu einem anderen Netzwerk
        [block] Block { $height }: { $why }
       *[other] { $reason }
    }
# Eine Nachricht. $why: warum sie nicht gelesen werden konnte (refusal-decode).
refusal-message = { $reason ->
        [decode] { $why }
        [otherNetwork] die Nachricht gehört zu einem anderen Netzwerk
        [badBuySignature] eine Kaufanfrage, die nicht von ihrem Käufer signiert ist
        [badBuyAmount] eine Kaufanfrage über einen abgelehnten Betrag
       *[other] { $reason }
    }
# $len: die Bytes der Nachricht; $most: wie viele eine Nachricht höchstens haben darf; $found/$version: Protokollversionen.
refusal-decode = { $reason ->
        [tooLarge] die Nachricht mit { $len } Bytes überschreitet { $most }
        [malformed] fehlerhafte Nachricht: { $detail }
        [version] Protokollversion { $found }, erwartet { $version }
       *[other] { $reason }
    }
# Was die eigene Aktion eines Knotens verletzt hat. $why: die Ablehnung der Transaktion (refusal-tx); $max: Token.
refusal-action = { $reason ->
        [transaction] { $why }
        [buyLimit] die Börse verkauft höchstens { $max } Token auf einmal
       *[other] { $reason }
    }
## Ablehnungen dessen, was jemand auf dieser Seite getan hat (die Leisten für Fehler, Dateien und
## Verbindungen, die Klassenleiste, das „Ausführen“ einer Lektion, die Zeitleiste). Die Konsole
## gibt dieselben Ablehnungen auf Englisch.
refusal-busy = beschäftigt: versuch es noch einmal
refusal-nothing-done = nichts wurde getan
refusal-runs-alone = dieser Tab läuft allein
refusal-most-nodes = ein Tab betreibt höchstens { $most } Knoten
refusal-host-stays = der Host-Knoten bleibt: Er hält die Genesis und die Börse
refusal-step-paused = ein Schritt geht nur, während das Netzwerk angehalten ist
# $what: was von einem mit anderen verbundenen Tab verlangt wurde (pause, speed oder step).
refusal-linked = { $what ->
        [pause] dieser Tab ist mit anderen verbunden: Er kann das gemeinsame Netzwerk nicht anhalten (seine Zeitleiste zeigt nur seine eigene Vergangenheit)
        [step] dieser Tab ist mit anderen verbunden: Er kann das gemeinsame Netzwerk nicht schrittweise weiterlaufen lassen (seine Zeitleiste zeigt nur seine eigene Vergangenheit)
       *[speed] dieser Tab ist mit anderen verbunden: Er kann die Geschwindigkeit des gemeinsamen Netzwerks nicht ändern (seine Zeitleiste zeigt nur seine eigene Vergangenheit)
    }
refusal-view-at-present = die Ansicht dieses Tabs ist in der Gegenwart: das Netzwerk läuft weiter
refusal-class-paused = die Uhr der Klasse ist angehalten: Niemand schmiedet, bis die Lehrkraft einen Schritt macht oder fortsetzt
# $most: Millisekunden.
refusal-latency = Latenz und Jitter gehen bis höchstens { $most } ms
refusal-drop = der Verlust ist der Anteil verlorener Nachrichten, von 0 bis 0,9
refusal-no-group = gib mindestens eine Gruppe von Knotenindizes an, z. B. [[0,1],[2,3]]
refusal-already-down = { $node } ist schon abgestürzt
refusal-running = { $node } läuft schon
# $name: was verlangt wurde; $names: die Namen der Verhaltensweisen, wie die Konsole sie kennt.
refusal-behaviour = unbekanntes Verhalten „{ $name }“: nimm eines davon: { $names }
refusal-no-class = diese Seite wurde nicht von einem Klassenserver geöffnet
refusal-not-teacher = nur die Seite der Lehrkraft führt (geöffnet über die Adresse der Lehrkraft, die der Klassenserver ausgegeben hat)
refusal-class-offline = der Klassenserver ist nicht verbunden: versuch es gleich noch einmal
refusal-class-step = ein Schritt geht nur, während die Uhr der Klasse angehalten ist
refusal-teacher-leads = die Seite der Lehrkraft führt; sie folgt nicht
refusal-no-conflict = kein Konflikt mit Tab { $tab }
refusal-download = der Browser hat den Download abgelehnt
# $height: der erste ungültige Block einer Kettendatei (0: die Datei selbst).
refused-at-block = Abgelehnt bei Block { $height }: { $why }
no-randomness = Dieser Browser hat keinen sicheren Zufall geliefert, also können keine Schlüssel erzeugt werden
# Ein gespeicherter Zustand oder eine Kettendatei. $detail: die Worte des Lesers (auf Englisch); $why:
# die Ablehnung eines Blocks oder einer Kette.
refusal-load = { $reason ->
        [unreadable] der Text kann nicht gelesen werden: { $detail }
        [notOurs] das ist keine Datei von pos-playground
        [version] sie wurde von einer anderen Version des Playgrounds geschrieben (Format { $found }; diese liest { $expected })
        [badKey] ein gespeicherter Schlüssel ist beschädigt
        [block] Block { $height } ist ungültig: { $why }
       *[other] { $why }
    }

## Ablehnungen von Verbindungen zwischen Rechnern. $link: die Kennung einer Verbindung (L1); $tab, $me: Tabs.
refusal-discovering = dieser Tab sucht noch sein Netzwerk von Tabs: versuch es in einer Sekunde noch einmal
refusal-most-links = dieser Tab hat schon { $most } aktive Verbindungen: Schließ eine, bevor du eine neue erstellst
refusal-own-invitation = das ist die Einladung dieses Tabs selbst: Nimm sie auf einem anderen Rechner an
refusal-accepted-already = diese Einladung wurde schon angenommen (Verbindung { $link }): Der andere Rechner braucht seine Antwort oder erstellt eine neue Einladung
refusal-answer-elsewhere = diese Antwort gehört zu einer Einladung von Tab { $tab }, nicht von diesem Tab ({ $me })
refusal-no-invitation = keine Einladung { $link } wartet in diesem Tab (Einladungen enden, wenn die Seite neu geladen wird): Erstelle eine neue
refusal-not-invited = Verbindung { $link } wurde nicht durch eine Einladung dieses Tabs erstellt
# $state: closed oder failed; $why: wie sie geendet hat.
refusal-invitation-over = Einladung { $link } { $state ->
        [closed] ist geschlossen
       *[failed] ist fehlgeschlagen
    } ({ $why }): Erstelle eine neue
refusal-completed-already = Einladung { $link } wurde schon abgeschlossen
# Eine eingefügte Einladung oder Antwort. $len, $most: Bytes; $prefix: ihr Anfang (pos1:);
# $detail: die Worte des Lesers (auf Englisch); $expected: invitation oder answer.
refusal-signal = { $reason ->
        [empty] es wurde nichts eingefügt
        [tooLong] der Text ist { $len } Bytes lang, mehr als die { $most }, die eine Einladung oder Antwort haben kann
        [noPrefix] das ist weder eine Einladung noch eine Antwort von pos-playground: Sie beginnen mit „{ $prefix }“
        [badBase64] der Text ist beschädigt: Nach „{ $prefix }“ dürfen nur Buchstaben, Ziffern, - und _ folgen (wurde er beim Kopieren abgeschnitten?)
        [badJson] der Text ist beschädigt oder stammt von einer anderen Version: { $detail }
        [wrongKind] { $expected ->
            [invitation] das ist eine Antwort (füge sie auf dem Rechner ein, der die Einladung erstellt hat), aber hier wird eine Einladung gebraucht
           *[answer] das ist eine Einladung (nimm sie auf einem anderen Rechner an und füge dann hier seine Antwort ein), aber hier wird eine Antwort gebraucht
        }
       *[badField] { $flaw ->
            [offerTooLong] ihr Verbindungsangebot ist zu lang
            [answerTooLong] ihre Verbindungsantwort ist zu lang
            [offerNotSdp] ihr Verbindungsangebot ist keine Beschreibung eines WebRTC-Datenkanals
            [answerNotSdp] ihre Verbindungsantwort ist keine Beschreibung eines WebRTC-Datenkanals
            [linkId] ihre Verbindungskennung hat nicht 1 bis 16 Buchstaben und Ziffern
            [tabId] ihre Tab-Kennung hat nicht 1 bis 16 Buchstaben und Ziffern
            [networkName] ihr Netzwerkname ist leer oder zu lang
            [genesisName] ihre Genesis hat einen falschen Netzwerknamen
           *[answers] die Einladung, auf die sie antwortet, ist nicht richtig benannt
        }
    }

## Ablehnungen der Zeitleiste. $asked, $last: Ereignisse; $branch: ein Zweig; $height: ein Block.
refusal-history = { $reason ->
        [noEvent] es gibt kein Ereignis { $asked }: Dieser Zweig hat die Ereignisse 0 bis { $last }
        [noBranch] es gibt keinen Zweig { $branch }
        [noBlock] in diesem Zweig der Geschichte wurde kein Block #{ $height } geschmiedet
       *[tooManyBranches] die Geschichte behält höchstens { $most } Zweige: Geh zurück zur Gegenwart, um zu handeln
    }
# $size, $most: Bytes; $why: die Ablehnung des Anfangs (refusal-load); $index: ein Eintrag (ab 0);
# $detail: was daran falsch ist, in den Begriffen der Datei (auf Englisch).
refusal-recording = { $reason ->
        [tooBig] die Aufnahme hat { $size } Bytes; eine Aufnahme hat höchstens { $most } Bytes (8 MiB)
        [start] ihr Anfang: { $why }
       *[entry] Eintrag { $index }: { $detail }
    }
history-cannot-open = Diese Aufnahme kann nicht geöffnet werden: { $why }
history-cannot-save = { $reason ->
        [linked] diese Geschichte enthält, was andere Tabs, Rechner oder der Klassenserver gesagt haben: Nur die Geschichte eines Tabs, der allein läuft, kann gespeichert werden
        [tooLong] diese Geschichte ist länger, als eine Aufnahme fasst (6 Stunden)
       *[unwritable] diese Geschichte konnte nicht als Datei geschrieben werden
    }

## Die Live-Region: was ein Screenreader hört, höchstens alle paar Sekunden
# $line: eine Zeile des Aktivitätsverlaufs.
announce-line = { $line }.
announce-blocks = { $count } Blöcke geschmiedet; der neueste: { $line }.
announce-branches = { $count } Wechsel auf einen besseren Zweig; der neueste: { $line }.
announce-refusals = { $count } Ablehnungen; die neueste: { $line }.
# $name: der Name des Gewinners.
announce-next = { $name } hat die Ziehung für Block #{ $height } gewonnen.

## Zahlen mit ihren Wörtern, überall, wo die Seite sie schreibt
# $value: ein Anteil mit zwei Nachkommastellen.
percent = { $value } %
percent-tiny = < 0,01 %
# $factor: eine Geschwindigkeit als Vielfaches der Wanduhr, eine Dezimalzahl.
speed-factor = ×{ $factor }
time-seconds = { $seconds } s
lots = { $count ->
        [one] { $count } Los
       *[other] { $count } Lose
    }

## Der Lotterie-Bereich
lottery = Lotterie
lottery-title-empty = Die Lotterie
lottery-no-stake = Noch hat niemand Stake, also gibt es keine Ziehung.
lottery-title = Die Lotterie für Block #{ $height }
# $node: der Knoten, dessen Kette der Bereich liest.
lottery-as-seen = { " " }— wie { $node } sie sieht
# $winner: der Gewinner der Ziehung (fett vor diesen Wörtern gezeigt).
lottery-verdict-next = { " " }hat die Ziehung für den nächsten Block gewonnen, #{ $height }: noch nicht geschmiedet.
lottery-verdict-forged = { " " }hat die Ziehung gewonnen und Block #{ $height } geschmiedet.
lottery-verdict-silent = { " " }hat die Ziehung gewonnen, blieb aber still; { $forger } auf Rang { $rank } hat Block #{ $height } in Slot { $slot } geschmiedet.
lottery-blocks = Blöcke
lottery-first = ◀◀ #1
    .title = Erster Block (Home)
lottery-prev = ◀ Zurück
    .title = Vorheriger Block (←)
lottery-where = Block { $height } von { $tip }
lottery-where-next = nächster Block
lottery-next = Weiter ▶
    .title = Nächster Block (→)
lottery-newest = Neuester ▶▶
    .title = Neuester Block (End)
lottery-replay = ▶ Kette abspielen
    .title = Jeder Block der Reihe nach, von #1 bis zum neuesten
lottery-replay-still = ▶ Ab #1 abspielen
    .title = Reduzierte Bewegung: Die Wiedergabe beginnt bei Block #1, und du gehst mit Weiter (→) Schritt für Schritt vor
lottery-stop = ■ Stopp
lottery-worker-failed = Der Lotterie-Worker ist nicht verfügbar: { $why }. Große Ziehungen werden auf der Seite berechnet, die während der Ziehung stillsteht.
lottery-stakes-note = Jeder gestakte Token ist ein Los, also ist die Chance eines Stakers sein Anteil an allen Losen. Die Farben folgen den Knotenkarten; die Zahlen an den Markierungen sind die der Knoten.
lottery-zoom = Zoom
lottery-zoom-in = Vergrößern +
    .title = Vergrößern (+)
lottery-zoom-out = Verkleinern −
    .title = Verkleinern (−)
lottery-zoom-auto = Auto
# $lots: wie viele Lose (mit ihrem Wort); $ms: Millisekunden; $where: worker oder page.
lottery-timing = { $lots } { $where ->
        [worker] in einem Web Worker
       *[page] auf der Seite
    } in { $ms } ms gezogen
lottery-drawing = Ziehe { $lots } in einem Web Worker…
lottery-drawing-done = { " " }{ $done } fertig, { $seconds } s
lottery-responsive = Die Seite reagiert weiter: Derselbe wasm-Kern läuft in einem Hintergrund-Thread. Die Stake-Tabelle und die Erklärung unten sind schon fertig.
lottery-keys = Tasten: ← → gehen durch die Blöcke, Home / End springen zum ersten / neuesten, + / − zoomen.
stakes-caption = Stakes bei der Ziehung für Block #{ $height }
stakes-staker = Staker
stakes-stake = Stake
stakes-lots = Lose
stakes-chance = Chance
    .title = sein Anteil an allen Losen: seine Chance, diese Ziehung zu gewinnen
stakes-forged = geschmiedet
stakes-forged-title = von ihm geschmiedete Blöcke von #1 bis #{ $height }
stakes-winner = ★ Gewinner
stakes-wins = ★ gewinnt
stakes-fallback = geschmiedet, Rang { $rank }
stakes-lots-title = Lose k = 1 … { $stake }
stakes-all = alle
why = Warum dieser Forger
why-title-forged = Warum { $winner } Block #{ $height } geschmiedet hat
why-title-next = Warum { $winner } als Nächstes Block #{ $height } schmiedet
why-seed = Seed.{ " " }
why-seed-text = Der Hash des Vorgängerblocks #{ $parent }:{ " " }
why-reference = Referenz.{ " " }
why-reference-text = Jeder berechnet den Hash des Seeds: H(Seed) ={ " " }
why-reference-point = . Als 256-Bit-Zahl gelesen, ist er eine Stelle auf dem Zahlenstrahl.
why-lots = Lose.{ " " }
# $lots: alle Lose mit ihrem Wort; $stake: die Lose des Gewinners; $share: sein Prozentsatz.
why-lots-text = Jeder gestakte Token ist ein Los; Los k eines Stakers ist H, k-mal angewendet auf seine Adresse + Seed. Insgesamt { $lots }; { $winner } hält { $stake } davon ({ $share }).
why-winning = Gewinnerlos.{ " " }
why-winning-text = Das Los, das der Referenz am nächsten liegt, ist Los k = { $k } von { $winner }:{ " " }
why-offset = , Abstand{ " " }
# $offset: wie weit das Gewinnerlos von der Referenz entfernt liegt (lottery-offset-…).
why-offset-share = { " " }— { $offset }.
why-runner-up = Zweitplatzierter.{ " " }
why-runner-up-text = Los k = { $k } von { $name }:{ " " }
why-runner-up-ratio = , { $ratio }-mal so weit von der Referenz entfernt.
why-runner-up-none = Keiner: Es gibt nur ein Los.
why-forger = Forger.{ " " }
why-forger-next = Also darf { $winner } Block #{ $height } sofort schmieden; alle anderen müssen auf einen späteren Slot warten —{ " " }
why-forger-forged = Also hat { $winner } Block #{ $height } geschmiedet —{ " " }
why-forger-silent = { $winner } blieb still, also kam Block #{ $height } in Slot { $slot } vom Staker auf Rang { $rank } (Staker werden nach ihrem nächstgelegenen Los gereiht; ab Slot r darf auch der Staker auf Rang r schmieden): { $forger } —{ " " }
why-forger-end = . Mehr Stake bedeutet mehr Lose, also eine bessere Chance, nie eine Gewissheit.
lottery-offset-tiny = weniger als 1 Teil von 2^64 des Bereichs
# $percent: ein Anteil am Bereich; $parts: 1 Teil von wie vielen.
lottery-offset-share = { $percent } % des Bereichs
lottery-offset-share-parts = { $percent } % des Bereichs (1 Teil von { $parts })
lottery-ratio-huge = weit mehr als 10^6
python = Prüf es selbst in Python
python-help = Füge das in Python 3 ein (nur hashlib und json). Es berechnet die Referenz und das Gewinnerlos von Hand neu, dann jedes Los, und gibt die oben gezeigten Werte aus.
python-snippet = Das Python-Programm

## Der Zahlenstrahl der Lotterie
line-reference = Referenz
line-reference-seed = Referenz H(Seed)
line-offset = Abstand
# $name: ein Staker; $k: der Index des Loses.
line-winner-label = Gewinner: { $name }, Los k = { $k }
line-runner-up-label = Zweitplatzierter: { $name }, Los k = { $k }
# $power: etwa 2^200.
line-minus = Referenz − { $power }
line-plus = Referenz + { $power }
# $role: die Rolle des Loses in der Ziehung; $side: above oder below; $offset: lottery-offset-….
line-lot-words = Los k = { $k } von { $name }{ $role ->
        [winner] { " " }(der Gewinner)
        [runner-up] { " " }(der Zweitplatzierte)
       *[other] {""}
    }, { $side ->
        [above] über
       *[below] unter
    } der Referenz, Abstand { $offset }
line-lot-short = Los k = { $k } von { $name }
line-card-staker = Staker
line-card-winner = Gewinner
line-card-runner-up = Zweitplatzierter
line-card-index = Index k
line-card-hash = Hash
line-card-offset = Abstand
line-card-offset-words = { " " }— { $offset }, { $side ->
        [above] über
       *[below] unter
    } der Referenz
line-runner-up = Der Zweitplatzierte: { $lot }.
line-no-runner-up = Kein Zweitplatzierter: Es gibt nur ein Los.
# $lots: alle Lose mit ihrem Wort; $zoom: die Vergrößerung; $won: das Gewinnerlos in Worten; $runner: line-runner-up oder line-no-runner-up.
line-words = Zahlenstrahl aller 2^256 Werte: { $lots }, die Referenz und ein Zoom ({ $zoom }) um sie herum. Das Gewinnerlos: { $won }. { $runner }
line-slice = { $lots } in diesem 1/4096 des Bereichs:{ " " }
line-slice-count = { $name } { $count }
line-slice-closest = Davon das nächste an der Referenz:
line-hint = Zeig auf den Strahl oder fokussiere ein Los im Zoom (Tab), um seinen Staker, Index k, Hash und Abstand zu lesen.
line-axis = alle möglichen Loswerte, 0 … 2^256 − 1: { $lots }
line-zoom-note = Zoom { $zoom }: Die untere Linie zeigt Referenz ± 2^{ $exp }{ " " }
line-zoom-in-view = ({ $lots } sichtbar).

## Der Forger-Verlauf unter der Lotterie
history = Forger-Verlauf
history-title = Wer jeden Block geschmiedet hat
history-empty = Noch kein Block geschmiedet: Der Verlauf beginnt mit Block #1.
history-range = { " " }— Blöcke #1 bis #{ $blocks }; klicke auf einen, um seine Lotterie zu sehen
history-strip = { $blocks ->
        [one] { $blocks } Block in der Farbe seines Forgers
       *[other] { $blocks } Blöcke, jeder in der Farbe seines Forgers
    }
history-block = Block #{ $height }: geschmiedet von { $name }
history-chart = Anteil jedes Stakers an den bisher geschmiedeten Blöcken (durchgezogen) gegenüber seinem Anteil am Stake (gestrichelt)
history-first = Block #1
history-last = Block #{ $blocks }
history-key = durchgezogen: Anteil an den bisher geschmiedeten Blöcken · gestrichelt: Anteil am Stake
# $share, $stake: Prozentwerte mit einer Nachkommastelle.
history-legend = { " " }hat { $forged } von { $blocks ->
        [one] { $blocks } Block
       *[other] { $blocks } Blöcken
    } geschmiedet ({ $share } %); sein Stake: { $stake } % bei der letzten Ziehung

## Die Python-Ansichten eines Knotens (/blockchain, /transactionPool, /info)
# $from, $to: Namen; $amount: Token.
tx-stake = { $from } stakt { $amount }
tx-exchange = Börse verkauft { $amount } → { $to }
tx-transfer = { $from } zahlt { $amount } → { $to }
chain-table = Blöcke, neueste zuerst
chain-height = #
chain-hash = Hash
chain-previous = vorheriger
chain-forger = Forger
chain-time = Zeit
chain-transactions = Transaktionen
chain-none = keine
pool-empty = Der Pool ist leer: Jede Transaktion, die dieser Knoten kennt, ist in einem Block.
pool-table = Transaktionen im Pool
pool-type = Typ
pool-what = was
pool-nonce = Nonce
pool-id = ID
info-address = Adresse{ " " }
# $forger: der Name des nächsten Forgers; $count: Peers.
info-line = Höhe { $height } · nächster Forger: { $forger } · { $count ->
        [one] { $count } Peer
       *[other] { $count } Peers
    }:{ " " }
info-stakers = Staker
info-staker = Staker
info-stake = Stake (= Lose)
info-chance = Chance zu schmieden
panels = Knotenansichten
panels-node = Knoten
panels-view = Ansicht
panels-chain = Blockchain
panels-pool = Pool
panels-info = Info
panels-raw = { " " }rohes JSON
panels-body = Knotenansicht

## Der Blockbaum
tree = Blockbaum
tree-title = Der Blockbaum, wie { $node } ihn sieht
tree-subtitle = { " " }— obere Reihe: die Kette, der er folgt; darunter: Seitenzweige, die er aufbewahrt (Forks)
tree-scroll = Der Blockbaum, seitlich scrollbar
tree-picture = { $blocks ->
        [one] { $blocks } Block
       *[other] { $blocks } Blöcke
    }, davon { $sides } auf Seitenzweigen
# $height: der Block; $forger: sein Forger; $slot, $rank; $count: Transaktionen; $hash: gekürzt.
tree-block = #{ $height } von { $forger } · Slot { $slot } · Rang { $rank } · { $count } Tx · { $hash }

## Die Schaltfläche Kopieren
copy = Kopieren
copy-done = Kopiert.
copy-selected = Markiert: Drück Ctrl+C (⌘C auf dem Mac), um es zu kopieren.

## Die Seite rund um die Bereiche
no-randomness-help = Jeder Schlüssel des Playgrounds stammt aus dem sicheren Zufallsgenerator des Browsers (crypto.getRandomValues), und dieser Browser hat ihn verweigert. Nichts Schwächeres wird stattdessen verwendet, also startet die Seite kein Netzwerk. Versuch es mit einem anderen Browser oder öffne diese Seite über https oder localhost.
new-network-confirm = Ein neues Netzwerk starten? Kette, Guthaben und Schlüssel dieses Tabs werden ersetzt; exportiere vorher eine Kette, um sie zu behalten.
# $file: der Name der Datei.
files-saved = { $file } gespeichert
files-no-node = diesen Knoten gibt es nicht
files-checking = Die Datei wird geprüft: Signatur, Transaktionen und Lotterie jedes Blocks…
files-imported = Gültige Kette der Höhe { $height } importiert: Dieser Tab betreibt jetzt ein neues Netzwerk daraus
# $why: die Ablehnung, in Worten.
refused = Abgelehnt: { $why }
# In der Klassenleiste: wo die Lektion der Lehrkraft gerade steht.
lesson-step-of = Schritt { $step } von { $steps }
next-forger = Nächster Forger
next-block = Nächster Block
next-drawing = Die Lotterie nach dem neuesten Block wird gezogen: { $lots }, in einem Web Worker, damit die Seite frei bleibt. Niemand schmiedet darauf, bis die Ziehung fertig ist.
# $name: der Gewinner (fett vor diesen Wörtern gezeigt).
next-won = { " " }hat die Ziehung für Block #{ $height } gewonnen. Er schmiedet, sobald sein Pool eine Transaktion enthält.
next-nobody = Niemand hat Stake.

## Die obere Navigation und der Lektionsbereich
sections = Bereiche
section-nodes = Knoten
section-lottery = Lotterie
section-fairness = Fairness
section-faults = Fehler
section-tree = Blockbaum
section-panels = Python-Ansichten
section-key = Taste { $number }
keys-switch = Tasten 1–6
    .title = Die Tasten 1 bis 6 springen zu den Bereichen; schalte sie aus, wenn sie dich stören
keys-on = { " " }an
keys-off = { " " }aus
lessons = Lektionen
lessons-menu = Lektionen…
presenter = Präsentationsmodus
lesson = Lektion
lesson-loading = Die Lektion wird geladen…
lesson-close = Schließen
lesson-close-esc = Schließen (Esc)
lesson-waiting = Warte, bis es passiert: Drück Ausführen oder mach es von Hand.
lesson-done = ✓ Erledigt.
lesson-already = ✓ Schon erledigt. Weiter, wenn du bereit bist.
lesson-nothing-to-do = Nichts zu tun: kein Knoten passt
lesson-not-shown = der Teil der Seite, den dieser Schritt zeigt, ist gerade nicht da
lesson-opening = eine andere Lektion wird gerade geöffnet
# Eine Lektion, die sich nicht öffnen lässt. $file: ihr Pfad; $why: was Browser oder Server gesagt haben;
# $problem: was in der Datei falsch ist, in den Begriffen des Lektionsformats (auf Englisch, wie seine Schlüssel title: und step:).
lesson-error = { $reason ->
        [badName] „{ $name }“ ist kein Lektionsname (Kleinbuchstaben, Ziffern und -)
        [missing] Die Lektionsdatei { $file } konnte nicht geladen werden: { $why }
        [damaged] Die Lektionsdatei { $file } ist beschädigt: { $problem }
       *[line] Die Lektionsdatei { $file } ist beschädigt, Zeile { $line }: { $problem }
    }
# $title: der Titel der Lektion (aus ihrer Datei).
lesson-where = { $title } · Schritt { $step } von { $steps }
lesson-back = ◀ Zurück
lesson-do = Ausführen
# $button: was die Schaltfläche des Schritts tut (aus der Lektionsdatei).
lesson-do-what = Ausführen: { $button }
lesson-next = Weiter ▶

## Das Fairness-Labor. $rule: der Name der Regel in der Konsole (lots, weighted, cometbft, ethereum, algorand, praos).
rule-name = { $rule ->
       *[lots] Lose (diese Kette)
        [weighted] Eine gewichtete Ziehung
        [cometbft] CometBFT-Round-Robin
        [ethereum] Ethereum (Electra)
        [algorand] Algorand-Sortition
        [praos] Cardano Praos
    }
rule-short = { $rule ->
       *[lots] Lose
        [weighted] Gewichtet
        [cometbft] CometBFT
        [ethereum] Ethereum
        [algorand] Algorand
        [praos] Praos
    }
rule-how = { $rule ->
       *[lots] Jeder gestakte Token ist ein Los, eine Kette von SHA-256-Hashes aus dem Schlüssel des Stakers und dem Seed; das Los, das H(Seed) am nächsten liegt, gewinnt. Ein Hash pro Token und Block: fair, aber der Aufwand wächst mit dem Stake.
        [weighted] Ein einziger Hash des Seeds wählt eine Stelle auf der Linie des gesamten Stakes, auf der jedem Staker eine Strecke so lang wie sein Stake gehört. Dieselben Chancen wie mit den Losen, ein Hash, egal wie groß der Stake ist.
        [cometbft] Kein Zufall: In jeder Runde wächst die Priorität jedes Validators um seine Stimmkraft; der mit der höchsten schlägt vor und zieht die gesamte Stimmkraft wieder ab. Jeder kommt genau im Verhältnis seiner Stimmkraft dran, also ist vorhersehbar, wer als Nächstes an der Reihe ist.
        [ethereum] Jeder Token ist 1 ETH; ein Staker betreibt einen Validator pro 2.048 ETH (der letzte hält den Rest). Der Seed mischt die Validatoren (swap-or-not, 90 Runden) und geht sie in dieser Reihenfolge durch: Jeder wird mit einer Chance von etwa seinem Guthaben ÷ 2.048 ETH angenommen (ein 16-Bit-Zufallswert), sonst kommt der nächste dran. Kleine Validatoren sind fast proportional zum Stake; nahe 2.048 ETH hat der erste in der Reihenfolge einen Vorteil (2.048 und 1.024 ETH bekommen 75 % und 25 %, nicht 67 % und 33 %). Electra (2025) hat die Obergrenze von 32 auf 2.048 ETH und den Zufallswert von 8 auf 16 Bit angehoben.
        [algorand] Jeder Token ist unabhängig eine Stimme mit Wahrscheinlichkeit τ ÷ Gesamt-Stake (hier τ = 20), also sind die Stimmen eines Stakers binomialverteilt. Es bildet sich ein Komitee von etwa 20 Stimmen; seine Mitglieder teilen sich die Runde. Der Test zählt Stimmen.
        [praos] Jeder Staker führt heimlich einen Slot an, mit Wahrscheinlichkeit φ(σ) = 1 − (1 − f)^σ, f = 1/20: Ein Slot kann keinen oder mehrere Leader haben. φ wächst etwas langsamer als σ, also bringt es nichts, Stake aufzuteilen.
    }
rule-source = { $rule ->
       *[lots] Proof-of-Stake-in-Python, ProofOfStake.py
        [weighted] die gewichtete Ziehung aus dem Lehrbuch
        [cometbft] CometBFT-Spezifikation, proposer-selection.md
        [ethereum] consensus-specs, Electra compute_proposer_index; bitgenau
        [algorand] Gilad et al., Algorand, SOSP 2017
        [praos] David et al., Ouroboros Praos, Eurocrypt 2018
    }
# $p: der p-Wert in Worten (fairness-p-…); $against: stake oder design.
fairness-verdict = { $verdict ->
        [tooFew] Noch zu wenige Gewinne für einen Test: Lass mehr Runden laufen.
        [exact] Näher an { fairness-target }, als Glück es je wäre (p = { $p }): Die Züge werden nach einer Regel verteilt, nicht gezogen.
        [fits] Die Gewinne passen zu { fairness-target }. Die Wahrscheinlichkeit, dass reiner Zufall eine so große oder größere Abweichung ergibt, ist { $p }, also gibt es kein Anzeichen für einen Unterschied.
        [borderline] Grenzwertig gegenüber { fairness-target }: Zufall ergibt eine so große Abweichung nur mit einer Wahrscheinlichkeit von { $p }. Lass mehr Runden laufen: Ein echter Unterschied wird deutlicher, Glück gleicht sich wieder aus.
       *[deviates] Die Gewinne folgen nicht { fairness-target }: Zufall allein ergäbe eine so große Abweichung nur mit einer Wahrscheinlichkeit von { $p }.
    }
fairness-target = { $against ->
        [design] dem, was die Regel liefern soll
       *[stake] den Stake-Anteilen
    }
fairness-p-tiny = weniger als 1 zu einer Million
# $n: 1 zu wie vielen.
fairness-p-one-in = 1 zu { $n }
# $percent: ein Prozentwert.
fairness-p-percent = { $percent } %
fairness = Fairness-Labor
fairness-subtitle = { " " }— folgt die Lotterie dem Stake? Tausende Runden, und wie andere Ketten auswählen
lab-loading = Das Labor wird geladen…
lab-not-loaded = Das Labor konnte nicht geladen werden ({ $why }). Lade die Seite neu, um es noch einmal zu versuchen.
fairness-lede = Jede Runde zieht einen Forger aus der Stake-Tabelle; ihr Seed ist der Hash der Runde davor, wie auf der Kette. Dieselbe Tabelle läuft unter sechs Regeln nebeneinander, außerhalb des Threads der Seite, jede genau so, wie ihre Quelle sie definiert. Es folgen zwei Tests: Nähert sich der Anteil jedes Stakers an den Gewinnen seinem Anteil am Stake, und nähert er sich dem, was die Regel liefern soll? (Beides unterscheidet sich bei Ethereum nahe 2.048 Token, und Algorand und Praos können mehrere oder niemanden wählen.)
lab-staker = Staker
lab-stake = Stake
lab-share = Anteil
# $name: ein Staker aus der Tabelle des Labors.
lab-stake-of = Stake von { $name }
lab-remove = { $name } entfernen
lab-add = + Staker
lab-network = Die Stakes des Netzwerks
lab-example = Beispiel 10 / 30 / 60
lab-rounds = Runden{ " " }
lab-lots-per-round = { $lots } pro Runde für die Los-Regel
lab-rules = Regeln
lab-stop = ■ Stopp
lab-run = ▶ Starten
lab-starting = Worker wird gestartet…
# $name: ein Staker; $stake: was eingegeben wurde.
lab-not-a-number = der Stake von { $name }, „{ $stake }“, ist keine ganze Zahl
# Warum das Labor nicht laufen kann. $max: das erlaubte Maximum; $detail: die Worte des Labors im Kern (auf Englisch).
refusal-lab = { $reason ->
        [noStakers] die Stake-Tabelle ist leer: Füge einen Staker hinzu
        [tooManyStakers] { $stakers } Staker sind zu viele: höchstens { $max }
        [noStake] niemand hat Stake: Gib jemandem einen Stake über 0
        [tooMuchStake] die Stakes ergeben zusammen { $total }: höchstens { $max } (jedes Los wird in jeder Runde gehasht)
        [rounds] { $rounds } Runden: Wähle zwischen 1 und { $max }
        [noRule] wähle mindestens eine Regel
       *[lab] { $detail }
    }
# Warum ein Grinding-Lauf nicht starten kann. $grinder, $friend: Indizes von Stakern; $pool: Transaktionen.
refusal-grind = { $reason ->
        [grinderOutOfRange] der Grinder muss einer der { $stakers } Staker sein (Index { $grinder } angegeben)
        [friendOutOfRange] der Freund muss einer der { $stakers } Staker sein (Index { $friend } angegeben)
        [poolTooLarge] der Pool darf höchstens { $max } Transaktionen halten ({ $pool } angegeben)
        [noStake] irgendein Staker muss Stake haben
        [tooManyLots] die Stakes dürfen zusammen höchstens { $max } Lose ergeben ({ $lots } angegeben)
        [tooManyStakers] höchstens { $max } Staker ({ $stakers } angegeben)
       *[other] { $reason }
    }
lab-rounds-of = { $done } von { $goal } Runden
lab-draws-of = { $done } von { $goal } Ziehungen: { $rounds } Runden × { $rules } Regeln
# $work: lab-rounds-of oder lab-draws-of; $seconds: Zeit; $state: wie der Lauf steht.
lab-status = { $work } · { $seconds } s{ $state ->
        [stopped] { " " }· gestoppt
        [done] { " " }· fertig
       *[running] {""}
    }
lab-follow-stake = Folgt sie dem Stake? χ² = { $chi } mit { $degrees } Freiheitsgraden, p = { $p }.{ " " }
lab-follow-design = Tut sie, was ihre Entwickler wollten? χ² = { $chi } gegenüber den Anteilen, die die Regel liefern soll, p = { $p }.{ " " }
lab-stake-share = Stake-Anteil
lab-votes = { $count ->
        [one] { $count } Stimme
       *[other] { $count } Stimmen
    }
lab-wins = { $count ->
        [one] { $count } Gewinn
       *[other] { $count } Gewinne
    }
lab-expected = erwartet { $share }
lab-rounds-row = Runden
lab-p-value = p-Wert
lab-chi-expected = χ² vs. erwartet
    .title = die Gewinne gegenüber dem, was jede Regel liefern soll
lab-p-expected = p-Wert vs. erwartet
lab-empty-shared = leere / geteilte Runden
    .title = Runden ohne Leader / mit mehreren Leadern und der erwartete Anteil solcher Runden
lab-expected-pair = erwartet { $empty } / { $shared }
lab-rule-note = { $name }. { $how }
lab-rule-source = { " " }({ $source })
lab-electra = Ethereum: die Chance, dass ein Validator angenommen wird
lab-electra-caption = Ethereum: die Chance, dass ein Validator angenommen wird, wenn er an der Reihe ist
lab-balance = Guthaben
lab-accepted = angenommen
lab-chart = { $rule }: Anteil jedes Stakers an den Gewinnen über { $rounds } Runden (durchgezogen) gegenüber seinem Anteil am Stake (gestrichelt)
lab-chart-axis = Runden (log. Skala) · durchgezogen: bisheriger Anteil an den Gewinnen · gestrichelt: Anteil am Stake
lab-end-title = { $name }: { $wins } der Gewinne, { $stake } des Stakes

## Die Grinding-Vorführung im Fairness-Labor
grinding = Grinding
grinding-title = Grinding: Kann ein Forger die nächste Ziehung lenken?
grinding-help = Der nächste Forger wird aus dem Hash des Blocks davor gezogen, und dieser Hash umfasst die Transaktionen des Blocks in ihrer Reihenfolge. Ein Forger kann also jede Reihenfolge und Teilmenge seines Pools ausprobieren, jede Version hashen (bis zur Veröffentlichung braucht er keine Signatur), auf jeder die Lotterie laufen lassen und die Version veröffentlichen, die ihn selbst — oder einen Freund — zum nächsten Forger macht. Hier werden echte Blöcke aus echten signierten Transaktionen mit dem Code der Kette selbst gehasht.
grinding-grinder = Grinder{ " " }
grinding-friend = sein Freund{ " " }
grinding-nobody = niemand
grinding-pool = Transaktionen in seinem Pool{ " " }
# $count: Transaktionen; $versions: wie viele Blöcke sich daraus ergeben.
grinding-versions = { $count } → { $versions } Blockversionen
grinding-blocks = Blöcke{ " " }
grinding-run = ▶ Ehrlich gegen Grinding
grinding-status = { $done } von { $goal } Blöcken · { $seconds } s{ $state ->
        [stopped] { " " }· gestoppt
        [done] { " " }· fertig
       *[running] {""}
    }
grinding-why = Warum echte Ketten nicht so leicht zu lenken sind.{ " " }
grinding-randao = Ethereums RANDAO mischt die Offenlegung jedes Proposers ein, eine BLS-Signatur der Epochennummer: ein fester Wert pro Proposer, also gibt es nichts auszuprobieren. Seine einzige Wahl ist, offenzulegen oder seinen Slot auszulassen — ein Bit Einfluss, bezahlt mit seinem Block und seiner Belohnung.{ " " }
grinding-vrf = Algorand und Cardano verwenden eine VRF: Die Eingabe der Lotterie ist die VRF aus einer Nonce, die feststeht, bevor der Inhalt irgendeines Blocks existiert, und der Slotnummer, eine Ausgabe pro Schlüssel und Slot, also ändert das Umordnen von Transaktionen nichts.
grinding-share = Anteil der Blöcke, die die Seite des Grinders geschmiedet hat
grinding-its-stake = sein Stake
grinding-honest-play = ehrliches Spiel
grinding-ground = Grinding, { $versions } Versionen
grinding-predicted = Grinding, vorhergesagt
grinding-formula = vorhergesagter langfristiger Anteil s ÷ (s + (1 − s)^V) für den Stake-Anteil s und V Versionen: Sobald die Seite des Grinders schmiedet, behält sie den nächsten Block, außer alle V Versionen scheitern
grinding-first = wer die ersten { $count } Blöcke geschmiedet hat
grinding-honest = ehrlich
grinding-grinding = Grinding
grinding-block = Block { $height }: { $name }
grinding-block-ground = Block { $height }: { $name } — der Block davor wurde gegrindet
grinding-summary = Grinding hat den nächsten Forger in { $changed } der { $blocks } Blöcke geändert, die die Seite des Grinders geschmiedet hat, und dabei insgesamt { $tried } Blockversionen gehasht (ehrliches Spiel: { $honest }). Ein dunkler Fuß markiert einen Block, der gewonnen wurde, weil der Block davor gegrindet wurde.

## Belohnungen und Zinseszins im Fairness-Labor
# $schedule: constant oder geometric.
cmp-title-of = { $schedule ->
        [geometric] Geometrische Belohnung
       *[constant] Konstante Belohnung
    }
cmp = Belohnungen und Zinseszins
cmp-title = Belohnungen und Zinseszins: Werden die Reichen reicher?
cmp-help = Der Forger jedes Blocks erhält eine Belohnung und stakt sie wieder, also hält ein Staker, der früh gewinnt, mehr Stake und gewinnt danach öfter. Hier wird der Anteil eines Stakers am gesamten Stake über viele unabhängige Durchläufe derselben Blöcke verfolgt, mit zwei Arten, dieselbe Gesamtbelohnung auszuzahlen: dieselbe Belohnung in jedem Block oder derselbe Bruchteil des gesamten Stakes in jedem Block (geometrisch). Jeder Durchlauf zieht den Gewinner jedes Blocks mit genau seinem Anteil am Stake, aus einer Kette von SHA-256-Seeds, in einem Worker.
cmp-watch = beobachteter Staker{ " " }
cmp-reward = Belohnung pro Block{ " " }
# $reward: ein Anteil am Anfangs-Stake.
cmp-reward-of = { $reward } des Anfangs-Stakes
cmp-blocks = Blöcke{ " " }
cmp-runs = Durchläufe{ " " }
cmp-run = ▶ Beide Auszahlungsarten starten
cmp-progress = fertige Durchläufe
cmp-status = { $done } von { $goal } Durchläufen mit je { $blocks } Blöcken · { $seconds } s{ $state ->
        [stopped] { " " }· gestoppt
        [done] { " " }· fertig
       *[running] {""}
    }
cmp-caption = Endanteil von { $name } nach { $blocks } Blöcken, { $runs } Durchläufe
cmp-reward-row = Belohnung pro Block
cmp-rate-of = { $rate } des Stakes davor
cmp-mean = Mittelwert, simuliert
cmp-mean-exact = Mittelwert, exakt
cmp-variance = Varianz, simuliert
cmp-variance-exact = Varianz, exakt
cmp-agreement = simuliert vs. exakt
cmp-sd = Standardabweichung
cmp-sd-value = { $sd } (exakt { $exact })
cmp-exact = Exakt: Der Mittelwert des Anteils bewegt sich nie (ein Martingal), und seine Varianz ist v(1 − v)·(1 − Π(1 − (R/T)²)) über die Belohnungen R und Summen T der Blöcke; für eine konstante Belohnung r ist das die Varianz der Beta-Binomialverteilung, v(1 − v)·n·r² / ((1 + r)(1 + n·r)), die mit wachsender Blockzahl gegen v(1 − v)·r / (1 + r) = { $limit } strebt. ± ist ein Standardfehler der Simulation.
cmp-chart = { $schedule }: wie viele von { $runs } Durchläufen mit welchem Endanteil von { $name } geendet haben; der Anfangsanteil { $start } ist gestrichelt
cmp-every-constant = : { $reward } des Anfangs-Stakes in jedem Block
cmp-every-geometric = : { $rate } des Stakes in jedem Block, dieselbe Summe
cmp-bin = { $from } bis { $to }: { $count } Durchläufe
cmp-start = Start { $share }
cmp-axis = Anteil von { $name } am gesamten Stake nach { $blocks } Blöcken · Balken: Durchläufe
# Die Zahlen in Worten. $mantissa, $error: Dezimalzahlen; $exponent: eine Zehnerpotenz hochgestellt (⁻⁴).
cmp-zero = 0
cmp-scientific = { $mantissa } × 10{ $exponent }
cmp-scientific-error = { $mantissa } ± { $error } × 10{ $exponent }
# $value, $error: Prozentangaben (percent).
cmp-plus-minus = { $value } ± { $error }
# $points: Prozentpunkte des Anteils, eine Dezimalzahl.
cmp-points = { $points } Prozentpunkte
cmp-agree-equal = gleich
cmp-agree-unknown = zu wenige Durchläufe, um es zu sagen
# $errors: eine Dezimalzahl.
cmp-agree-apart = { $errors } Standardfehler auseinander
# $index: der Platz des beobachteten Stakers in der Tabelle, ab 0 (wenn er keinen Namen hat).
cmp-staker = Staker { $index }
# Die Aussage des Artikels, mit den Zahlen des eigenen Laufs. $start, $constant, $geometric, $rate:
# Prozentangaben (percent); $sd, $exact, $limit: Streuungen (cmp-points).
cmp-point-average = Werden die Reichen reicher? Nicht im Mittel. In jedem Block gewinnt ein Staker mit genau seinem Anteil am Stake, also bewegt sich sein erwarteter Anteil nie: Er ist ein Martingal. Beide Histogramme liegen um die anfänglichen { $start } (Mittelwerte { $constant } und { $geometric } über { $runs } Durchläufe).
cmp-point-luck = Aber Glück verzinst sich. Mit derselben Belohnung in jedem Block hält ein Staker, der früh gewinnt, mehr Stake und gewinnt danach öfter, also streut der Endanteil weit um seinen Start: nach { $blocks } Blöcken eine Standardabweichung von { $sd } (exakt { $exact }). Mehr Blöcke gleichen das nicht aus: Die Streuung strebt gegen v(1 − v)·r / (1 + r), hier { $limit }.
cmp-point-geometric = Dieselbe Summe als festen Bruchteil des Stakes in jedem Block auszuzahlen (geometrische Belohnungen: hier { $rate } des Stakes pro Block) streut am wenigsten: { $sd } (exakt { $exact }). Eine konstante Belohnung ist groß im Vergleich zum kleinen Stake der ersten Blöcke, also wiegt frühes Glück am meisten; die geometrische Belohnung gewichtet jeden Block gleich. Fanti et al. beweisen, dass sie die gerechteste ist: Keine Art, dieselbe Summe auszuzahlen, streut weniger (Compounding of Wealth in Proof-of-Stake Cryptocurrencies, Financial Cryptography 2019).
# Warum ein Lauf nicht starten kann. $max: das erlaubte Maximum; $rewardPpm: Millionstel des Anfangs-Stakes.
refusal-setup = { $reason ->
        [noStakers] die Stake-Tabelle ist leer: Füge einen Staker hinzu
        [tooManyStakers] { $stakers } Staker sind zu viele: höchstens { $max }
        [watchedOutOfRange] Staker { $watched } ist nicht in der Tabelle: Wähle einen der { $stakers } Staker (ab 0)
        [noStake] niemand hat Stake: Gib jemandem einen Stake über 0
        [tooMuchStake] die Stakes ergeben zusammen { $total }: höchstens { $max }
        [blocks] { $blocks } Blöcke: Wähle zwischen 1 und { $max }
        [runs] { $runs } Durchläufe: Wähle zwischen 1 und { $max }
        [tooMuchWork] { $runs } Durchläufe mit je { $blocks } Blöcken sind insgesamt zu viele Blöcke: höchstens { $max }, damit ein Lauf unter ein paar Sekunden bleibt; wähle weniger Durchläufe oder weniger Blöcke
        [reward] eine Belohnung von { $rewardPpm } Millionstel des Stakes pro Block: Wähle zwischen 1 und { $max } (der ganze Anfangs-Stake)
       *[other] { $reason }
    }

## Das Python-Programm, das eine Ziehung nachrechnet (Abschnitt Ziehung): seine Kommentare.
python-head = Wer schmiedet Block #{ $height }? Rechne die Ziehung von Hand nach (Python 3: nur hashlib und json).
python-hash = Der Hash der Kette: SHA-256 des als JSON kodierten Texts x, hexadezimal.
python-seed = der Hash des Vorgängerblocks (Block #{ $height })
python-stakers = (Adresse, Stake): ein Los pro gestaktem Token, in der Reihenfolge des Stakens
python-by-hand = Von Hand: Los k = { $k } von { $name } ist H, { $k }-mal auf Adresse + Seed angewandt.
python-every-lot = Alle Lose ({ $count } insgesamt); die zwei, die der Referenz am nächsten liegen, werden behalten.
python-tie = Bei Gleichstand gewinnt das frühere Los.
python-best = (Abstand, Adresse, k, Los), das nächste zuerst
python-best-of = der kleinste Abstand jedes Stakers
python-fallback = { $name } hat die Ziehung gewonnen, aber nicht geschmiedet: Mit Slots darf der Staker auf Rang r ab Slot r schmieden.
python-ranked = Die Staker werden nach ihrem nächsten Los geordnet (Gleichstand: Reihenfolge des Stakens).
python-rank = die Seite: { $rank }

## The history bar (issue 29)
# $most: how many events a history holds at most.
feed-history-restart = Der Verlauf hat { $most } Ereignisse erreicht: er beginnt hier neu
history-label = Verlauf des Netzwerks
history-play = ▶ Abspielen
history-play-title = Läuft mit der gewählten Geschwindigkeit weiter; zeigt die Seite die Vergangenheit, spielt sie diese zuerst ab
history-pause = ‖ Pause
history-back = ◀ Zurück
history-back-title = Ein Ereignis zurück
history-forward = Schritt ▶
history-forward-title = Ein Ereignis vor
history-speed = Tempo
history-slider = Gezeigtes Ereignis
history-mark-block = Block #{ $height }
history-mark-fork = Gabelung
history-now = Zurück zur Gegenwart
history-status-now = Jetzt: Ereignis { $event }
history-status-now-paused = Jetzt: Ereignis { $event }, pausiert
history-status-past-alone = Ereignis { $at } von { $now }: die Vergangenheit (wer hier handelt, beginnt einen neuen Zweig)
history-status-past-linked = Ereignis { $at } von { $now }: Blick in die Vergangenheit: das Netzwerk läuft weiter
history-jump-block = Block
history-go = Los
history-branch = Zweig
history-branch-first = { $branch } (der erste)
history-branch-from = { $branch } (von { $parent } bei Ereignis { $event })
history-save = Aufnahme speichern
history-save-title = Eine Datei mit dem geheimen Schlüssel jedes Knotens (höchstens 8 MiB, 6 Stunden)
history-open = Aufnahme öffnen:
history-saved = { $file } gespeichert (sie enthält den geheimen Schlüssel jedes Knotens)
history-opened = Aufnahme mit { $events } Ereignissen geöffnet, pausiert an ihrem Ende
history-opening = Aufnahme wird geöffnet: Eintrag { $done } von { $total }
history-open-cancel = Abbrechen
history-open-cancelled = Das Öffnen der Aufnahme wurde abgebrochen: nichts hat sich geändert
history-opening-already = Es wird schon eine Aufnahme geöffnet: warte darauf oder brich sie ab
history-too-big = Diese Datei hat { $size } Bytes: eine Aufnahme hat höchstens { $most } Bytes (8 MiB)
