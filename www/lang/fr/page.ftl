# Les mots de pos-playground en français. Un texte qui manque s'affiche en anglais.
# Syntaxe Fluent (https://projectfluent.org) : `clé = texte`, `{ $nom }` pour une valeur que la page
# remplit, `{ $count -> [one] … *[other] … }` pour les pluriels. Gardez chaque clé et chaque
# `{ $nom }` ; traduisez le reste. docs/languages.md explique comment ajouter une langue.

## Le menu des langues
language-label = Langue
language-missing = { $language } : { $count ->
        [one] { $count } texte manquant, affiché en anglais
        [many] { $count } textes manquants, affichés en anglais
       *[other] { $count } textes manquants, affichés en anglais
    }

## Le haut de la page
app-lede = Une chaîne Proof-of-Stake qui tourne dans cet onglet. Chaque jeton misé est un billet de loterie : le nœud dont le billet tombe le plus près de la référence du bloc forge le bloc suivant.
netbar =
    .aria-label = Réseau
netbar-nodes = { $count ->
        [one] nœud ici
        [many] nœuds ici
       *[other] nœuds ici
    }
netbar-blocks = { $count ->
        [one] bloc
        [many] blocs
       *[other] blocs
    }
netbar-agree = tous les nœuds sont d'accord
netbar-catching-up = des nœuds rattrapent leur retard…
netbar-latency = liaisons de { $ms } ms
add-node = + Ajouter un nœud
new-network = Nouveau réseau…
    .title = Recommencer avec une nouvelle genèse (demande d'abord confirmation)
remove-node = − Retirer un nœud

## Un playground enregistré qui ne peut pas revenir
recovery-title = Le playground enregistré n'a pas pu être restauré
recovery-reason = Ce que le navigateur a gardé pour cet onglet n'est pas un playground valide : { $reason }.
recovery-nothing-overwritten = Rien n'est écrasé tant que vous n'avez pas choisi. Gardez une copie des données enregistrées si vous voulez les examiner, puis repartez de zéro.
recovery-download = Télécharger une copie
recovery-start-fresh = Repartir de zéro

## Le bas de la page
footer-console = Console :
footer-readme = — voir le README.

## La carte d'un nœud
card-host = hôte
    .title = détient la clé de la genèse et la plateforme d'échange
card-forges-next = forge le prochain bloc
card-crashed = en panne
card-adversary = adversaire
card-balance = solde
card-stake = mise
card-pool = pool
card-height = hauteur
card-tip = dernier bloc
card-actions = Actions de { $node }
card-action = Action
card-buy = Acheter
card-transfer = Transférer
card-stake-verb = Miser
card-amount = Montant
card-to = À
card-send = Envoyer
card-forge = Forger maintenant
    .title = Forger un bloc maintenant (seul le gagnant du tirage le peut)
card-not-a-number = Refusé : « { $amount } » n'est pas un nombre entier de jetons

## Fichiers de chaîne
files =
    .aria-label = Enregistrer et partager des chaînes
files-export = Exporter la chaîne de { $node }
files-with-keys = avec les clés secrètes
files-keys-confirm = Inclure les clés secrètes ? Quiconque obtient le fichier peut dépenser les jetons de ce nœud (et ceux de la plateforme d'échange, sur l'hôte).
files-import = Importer un fichier de chaîne :
file-choose = Choisir un fichier…

## Le réseau d'onglets
net =
    .aria-label = Réseau d'onglets
net-network = Réseau
net-tab = onglet
net-role-solo = cet onglet tourne seul
net-role-discovering = recherche du réseau « { $name } »…
net-role-host = cet onglet héberge le réseau (genèse et plateforme d'échange)
net-role-member = cet onglet est membre
net-hint-open = Pour réunir des onglets ou des fenêtres en un seul réseau, ouvrez
net-hint-each = dans chacun d'eux.
net-no-tabs = pas encore d'autres onglets
net-the-server = le serveur de la classe
net-tab-named = l'onglet { $tab }
# $role est le rôle de l'onglet tel que la console le nomme (host, member) ; $via : webrtc, relay ou here.
net-peer = { $who } · { $role } · hauteur { $height }{ $via ->
        [webrtc] { " " }· autre machine
        [relay] { " " }· relayé par le serveur
       *[here] {""}
    }
net-more-tabs = et { $count } de plus (la liste du panneau Classe les montre tous)
net-refused = { $count ->
        [one] { $count } message refusé
        [many] { $count } messages refusés
       *[other] { $count } messages refusés
    }
net-conflict = L'onglet { $tab } fait tourner un autre réseau appelé « { $name } » (genèse { $genesis }…, hauteur { $height }). Les deux ne peuvent pas former une seule chaîne.
net-join-theirs = Rejoindre l'autre réseau (abandonner la chaîne de cet onglet)
net-keep-mine = Garder le mien (ignorer cet onglet)

## La barre Classe (une page d'un serveur de classe avec un enseignant)
class-bar = Classe
    .aria-label = Classe
class-you-lead = Vous menez la classe
class-taking-lead = Prise de la direction…
class-not-leading = Vous ne menez pas la classe : { $reason }
class-pace =
    .aria-label = Qui donne le rythme
class-follow-me = Suivez-moi
class-free = Libre
class-clock =
    .aria-label = L'horloge de la classe
class-resume = ▶ Reprendre
class-step = Avancer d'un bloc
    .title = Exactement un bloc de plus : celui du forgeur légitime
class-pause = ‖ Pause
    .title = Aucun nœud de la classe ne forge tant que vous n'avez pas repris
class-speed = Vitesse
# $who : teacher (la barre de l'enseignant) ou student (la barre d'un élève, qui nomme l'horloge).
class-clock-paused-at = { $who ->
        [student] Horloge de la classe : en pause au bloc #{ $height }
       *[teacher] En pause au bloc #{ $height }
    }
class-clock-paused = { $who ->
        [student] Horloge de la classe : en pause
       *[teacher] En pause
    }
class-clock-running = { $who ->
        [student] Horloge de la classe : en marche { $speed } (un créneau dure { $slot })
       *[teacher] En marche { $speed } (un créneau dure { $slot })
    }
class-following = { $following } { $following ->
        [one] suit
        [many] suivent
       *[other] suivent
    } · { $exploring } { $exploring ->
        [one] explore
        [many] explorent
       *[other] explorent
    }
class-call-back = Rappeler tout le monde
class-refused = { $count ->
        [one] { $count } message de direction venu d'autres pages refusé
        [many] { $count } messages de direction venus d'autres pages refusés
       *[other] { $count } messages de direction venus d'autres pages refusés
    }
class-no-teacher = Aucun enseignant ne mène la classe pour l'instant
class-free-explore = Libre : l'enseignant laisse chacun explorer
class-exploring = Vous explorez par vous-même
class-following-at = Vous suivez l'enseignant · { $step }
class-following-teacher = Vous suivez l'enseignant
class-follow-teacher = Suivre l'enseignant
class-explore = Explorer par moi-même
class-whole = Tout le playground ↓

## Ce que l'élève voit du prochain tirage
my-draw-next = Le prochain tirage
my-draw-nobody = Personne ne mise encore : les billets du premier miseur formeront tout le tirage.
my-draw-title = Le tirage du bloc #{ $height }
my-draw-lots = Vos billets
my-draw-no-lots = aucun : misez des jetons pour participer
my-draw-lots-of = { $lots } sur { $total ->
        [one] { $total } billet
        [many] { $total } billets
       *[other] { $total } billets
    }
my-draw-chance = Votre chance
my-draw-reference = La référence
my-draw-winner = Le gagnant
my-draw-you-won = { " " }— vous : vous forgez le prochain bloc
my-draw-every-lot = Tous les billets de ce tirage ↓

## Pannes : cassez le réseau, regardez-le se rétablir
faults = Cassez le réseau, regardez-le se rétablir
    .aria-label = Casser le réseau
faults-subtitle = { " " }— pannes et adversaires pour les nœuds de cet onglet
faults-latency = latence
faults-jitter = gigue
faults-lost = perdus
faults-apply = Appliquer
faults-now = actuellement : { $latency } ms, ±{ $jitter } ms, { $lost } % perdus
faults-node = nœud
faults-group = groupe
faults-power = marche/arrêt
faults-behaviour = comportement
faults-group-of = { $node } : groupe { $group }
faults-restart = Redémarrer
faults-crash = Mettre en panne
faults-behaviour-of = Comportement de { $node }
# $behaviour est le nom qu'un comportement porte dans le cœur (celui de la console) : une ligne pour chacun.
faults-behaviour-option = { $behaviour ->
        [forgeOutOfTurn] adversaire : forge des blocs quand ce n'est pas son tour
        [doubleSpend] adversaire : dépense deux fois les mêmes jetons, une dépense vers chaque moitié de ses pairs
        [forgedSignature] adversaire : envoie des blocs au nom du gagnant avec une signature falsifiée
        [equivocate] adversaire : forge deux blocs différents chaque fois qu'il peut en forger un
        [tamperedChain] adversaire : propose une chaîne falsifiée aux nœuds qui se synchronisent sur lui
       *[honest] honnête
    }
faults-split = Séparer en A | B
faults-heal = Réparer
faults-split-now = réseau coupé : { $groups }
faults-one-network = un seul réseau : chaque nœud entend tous les autres

## Le panneau Classe et sa liste
class-connected = Connecté au serveur de la classe : { $webrtc ->
        [one] { $webrtc } page reliée
        [many] { $webrtc } pages reliées
       *[other] { $webrtc } pages reliées
    } directement par WebRTC, { $relayed ->
        [one] { $relayed } page relayée
        [many] { $relayed } pages relayées
       *[other] { $relayed } pages relayées
    } par le serveur.
class-connecting = Connexion au serveur de la classe…
class-every-laptop = Chaque ordinateur portable ouvre
class-or-scan = ou scanne le code (cliquez dessus pour l'afficher en grand) :
class-qr =
    .title = Afficher le code en grand, pour le projecteur (cliquez à nouveau pour le réduire)
class-qr-alt = Code QR de { $address }
roster-caption = Tout le monde sur ce réseau : mise et blocs forgés sur la chaîne de cet onglet.
roster-who = Qui
roster-stake = Mise
roster-forged = Blocs forgés
roster-path = Connecté par
roster-online = En ligne
roster-follows = Suit
roster-own = { $node } (cet onglet)
roster-tab = onglet { $tab }
roster-account = compte { $address }
roster-path-this-tab = cet onglet
roster-path-channel = canal
roster-path-webrtc = WebRTC
roster-path-relay = relais
roster-path-server = serveur
roster-path-connecting = connexion en cours
roster-path-overlay = par les autres
roster-path-offline = hors ligne
roster-path-elsewhere = un autre onglet ou une autre machine
roster-follows-teacher = enseignant
roster-follows-following = suit
roster-follows-exploring = explore
yes = oui
no = non

## La frise des blocs
timeline = Blocs
timeline-subtitle = { " " }— points : nœuds qui détiennent le bloc
timeline-txs = { $count } tx
timeline-held = détenu par { $held } sur { $nodes } nœuds
timeline-holds = { $node } : l'a
timeline-not-yet = { $node } : pas encore

## Relier des machines (WebRTC, invitations collées)
links = Relier des machines
    .aria-label = Liaisons avec d'autres machines
# $server : yes quand le serveur de la classe a établi les liaisons ; $open : combien sont ouvertes.
links-summary = { $server ->
        [yes] Liaisons WebRTC établies par le serveur de la classe
       *[no] WebRTC, sans serveur
    } · cet onglet est { $tab } · { $open ->
        [one] { $open } liaison ouverte
        [many] { $open } liaisons ouvertes
       *[other] { $open } liaisons ouvertes
    }
links-hint-server = Le serveur de la classe relie de lui-même cette page à quelques autres et relaie les paires dont la liaison ne peut pas s'ouvrir ; rien à coller. Une machine sans le serveur peut quand même être reliée ici à la main.
links-hint-alone = Les onglets de ce navigateur partagent le réseau d'eux-mêmes. Pour relier un autre ordinateur : créez ici une invitation, collez-la là-bas dans le panneau Relier des machines et acceptez-la, puis collez ici sa réponse.
links-invite-title = Inviter une autre machine
links-invite = Créer une invitation
links-its-answer = Sa réponse
links-answer-in =
    .placeholder = pos1:… (la réponse de l'autre machine)
links-complete = Terminer la liaison
links-accept-title = Accepter une invitation
links-the-invitation = L'invitation
links-invitation-in =
    .placeholder = pos1:… (l'invitation de l'autre machine)
links-accept = Accepter et créer une réponse
links-invitation-ready = Invitation prête : copiez-la sur l'autre machine, acceptez-la là-bas, puis collez sa réponse ci-dessous.
links-answer-ready = Réponse prête : copiez-la sur la machine qui a invité celle-ci et collez-la là-bas.
links-no-invitation = Pas d'invitation : { $reason }
links-answer-taken = Réponse prise en compte : la liaison { $link } se connecte.
links-link = Liaison { $link }
link-state = { $state ->
        [connecting] connexion en cours
        [open] ouverte
        [closed] fermée
       *[failed] en échec
    }
links-since = { $side } · depuis { $since }
links-frames-in = trames reçues : { $count }
links-remove = Retirer
links-cancel = Annuler
links-unknown-tab = un onglet encore inconnu
links-invited = a invité { $who }
links-accepted = a accepté l'invitation envoyée par { $who }
links-no-stun = Pas de serveur STUN : les machines se relient quand elles sont sur un même réseau qui les laisse communiquer entre elles (même LAN ou Wi-Fi sans isolation des clients). Sinon, ajoutez ?stun=host:port à l'adresse de la page.
links-stun = { $count ->
        [one] Serveur STUN
        [many] Serveurs STUN
       *[other] Serveurs STUN
    } : { $servers }.
links-not-redialled = Une liaison fermée ou en échec n'est pas rétablie automatiquement : créez une nouvelle invitation. L'onglet continue de fonctionner avec les pairs qu'il a.
# Pourquoi une liaison en est là.
link-reason = { $reason ->
        [waiting] en attente de la réponse : collez-la ici quand l'autre machine aura accepté
        [answerMade] réponse créée : en attente que l'autre machine la colle
        [answerPasted] réponse collée : les deux machines cherchent un chemin
        [open] canal de données ouvert
        [trying] les deux machines essaient les adresses de l'invitation et de la réponse
        [interrupted] connexion interrompue : le navigateur continue d'essayer de joindre l'autre machine
        [noRoute] les deux machines n'ont trouvé aucun chemin l'une vers l'autre (échec ICE) : la réponse a-t-elle été collée sur la machine qui invite ? Les deux doivent être sur un réseau qui les laisse se parler (même réseau local ou Wi-Fi sans isolation des clients), ou utiliser un serveur STUN (?stun=)
        [noAddress] le navigateur n'a trouvé aucune adresse réseau à proposer : cette machine est-elle sur un réseau ?
        [closed] la connexion a été fermée
        [channelClosed] le canal de données s'est fermé (l'autre machine a fermé son onglet, s'est mise en veille ou a perdu le réseau)
        [goodbye] l'onglet de l'autre machine s'est fermé ou a été rechargé (il a dit au revoir)
        [stuck] pas de connexion après 30 minutes : créez une nouvelle invitation
       *[failed] aucune invitation ni réponse n'a pu être créée
    }
# Pourquoi une invitation, une réponse ou une liaison n'a pas pu être créée. $detail : les mots du
# navigateur lui-même ; $why : la raison ; $step : ce que faisait le navigateur ; $seconds : le temps qu'il avait.
link-error = { $reason ->
        [browser] le navigateur a dit : { $detail }
        [timeout] le navigateur n'a pas réussi à { $step ->
            [gather] rassembler ses adresses réseau
            [offer] créer une offre
            [ownOffer] prendre sa propre offre
            [theirOffer] prendre l'offre de l'invitation
            [answer] créer une réponse
            [ownAnswer] prendre sa propre réponse
           *[takeAnswer] prendre la réponse
        } en { $seconds } s
        [noDescription] le navigateur n'a créé aucune description
        [noWebRtc] ce navigateur ne peut pas créer de connexions WebRTC : { $detail }
        [noInvitation] aucune invitation n'a pu être créée : { $why }
        [noAnswer] aucune réponse n'a pu être créée : { $why }
        [badInvitation] Cette invitation ne peut pas être utilisée : { $why }
        [badAnswer] Cette réponse ne peut pas être utilisée : { $why }
        [refusedOffer] le navigateur a refusé l'offre de l'invitation : { $why }
        [gone] la connexion de cette invitation n'existe plus : créez-en une nouvelle
       *[refusedAnswer] le navigateur a refusé cette réponse : { $why } (est-ce bien la réponse à cette invitation ?)
    }
# $what : invitation ou answer.
links-handover = { $what ->
        [answer] réponse
       *[invitation] invitation
    }
links-characters = { $count } caractères
links-show-qr = Afficher en code QR
links-qr-of = Code QR de { $what ->
        [answer] la réponse
       *[invitation] l'invitation
    }
links-qr-scanning = Pour le scanner, il faut une caméra et un lecteur QR sur l'autre machine (un téléphone peut transmettre le texte) ; cette page ne scanne pas. Coller le texte suffit.
links-qr-too-long = Trop long pour un code QR : copiez le texte et collez-le sur l'autre machine.

## Les noms que la page donne aux nœuds et aux adresses
# $number : le numéro du nœud dans cet onglet, à partir de 1.
node-name = Nœud { $number }
name-exchange = Plateforme d'échange
name-class-server = le serveur de la classe
name-genesis = genèse
name-nobody = personne
# $address : une adresse courte ou un identifiant de pair (chiffres hexadécimaux).
name-address = { $address }
# $node : le nom d'un nœud ; $tab : l'identifiant de l'autre onglet.
name-peer-of-tab = { $node } @{ $tab }

## Le fil d'activité (« Ce qui s'est passé ») ; $node est le nom d'un nœud, $peer le nœud dont le message vient
activity = Ce qui s'est passé
    .aria-label = Activité
feed-forged = { $node } a gagné le tirage et forgé le bloc #{ $height } avec { $count ->
        [one] { $count } transaction
        [many] { $count } transactions
       *[other] { $count } transactions
    }
feed-forged-in-slot = { $node } a forgé le bloc #{ $height } dans le créneau { $slot } : il était au rang { $rank } du tirage, et les nœuds classés avant lui sont restés silencieux
# $tip : le hash abrégé du nouveau dernier bloc ; $depth : blocs annulés ; $returned : transactions revenues dans le pool.
feed-reorg = { $node } est passé sur une meilleure branche (dernier bloc { $tip }) : { $depth ->
        [one] { $depth } bloc annulé
        [many] { $depth } blocs annulés
       *[other] { $depth } blocs annulés
    }, { $returned ->
        [one] { $returned } transaction revenue
        [many] { $returned } transactions revenues
       *[other] { $returned } transactions revenues
    } dans son pool
feed-equivocation = { $node } a surpris { $forger } en train de forger { $count } blocs différents à la hauteur { $height } : preuve conservée, la règle de choix de fork en garde un
# $behaviour : le nom du comportement dans le cœur (voir faults-behaviour-option).
feed-misbehaved = { $node } ({ faults-behaviour-option }) a agi à la hauteur { $height }
feed-chain-replaced = { $node } était en retard (hauteur { $old }) et a adopté, jusqu'à la hauteur { $new }, la chaîne que lui a transmise { $peer }
# $why : la raison, dans les mots de refusal-tx, refusal-block, refusal-chain ou refusal-message.
feed-tx-refused = { $node } a refusé une transaction envoyée par { $peer } : { $why }
feed-tx-dropped = { $node } a retiré une transaction de son pool : { $why }
feed-block-refused = { $node } a refusé le bloc #{ $height } envoyé par { $peer } : { $why }
feed-chain-refused = { $node } a refusé la chaîne proposée par { $peer } : { $why }
feed-message-dropped = { $node } a ignoré un message envoyé par { $peer } : { $why }
feed-peer-lost = { $node } a perdu le contact avec { $peer }
feed-node-joined = { $node } a rejoint le réseau
feed-node-left = { $node } a quitté le réseau
# $amount : des jetons ; $to : qui les reçoit.
feed-asked = { $node } a demandé { $amount } jetons à la plateforme d'échange
feed-staked = { $node } a misé { $amount } jetons
feed-sent = { $node } a envoyé { $amount } jetons à { $to }
feed-links-now = Liaisons actuelles : { $latency } ms de latence, { $jitter } ms de gigue, { $lost } % perdus
# $groups : des numéros de nœuds, groupes séparés par « | ».
feed-split = Le réseau est coupé : { $groups }
feed-healed = La coupure est réparée : chaque nœud entend de nouveau tous les autres
feed-crashed = { $node } est tombé en panne
feed-restarted = { $node } a redémarré et rattrape son retard
feed-behaviour-now = { $node } { $behaviour ->
        [forgeOutOfTurn] forge désormais des blocs quand ce n'est pas son tour
        [doubleSpend] dépense désormais deux fois les mêmes jetons, une dépense vers chaque moitié de ses pairs
        [forgedSignature] envoie désormais des blocs au nom du gagnant avec une signature falsifiée
        [equivocate] forge désormais deux blocs différents chaque fois qu'il peut en forger un
        [tamperedChain] propose désormais une chaîne falsifiée aux nœuds qui se synchronisent sur lui
       *[honest] suit désormais le protocole
    }
# $network : le nom du réseau.
feed-joined-network = Cet onglet a rejoint le réseau « { $network } » et récupère sa chaîne
feed-new-network = Cet onglet a lancé un nouveau réseau « { $network } » et héberge la genèse et la plateforme d'échange
feed-started-network = Personne ne fait encore tourner « { $network } » : cet onglet l'a lancé et héberge la genèse et la plateforme d'échange
feed-restored = Cet onglet a été restauré depuis le stockage du navigateur : hauteur { $height }, chaque bloc vérifié de nouveau
feed-imported = Nouveau réseau lancé à partir d'une chaîne importée : { $count ->
        [one] { $count } bloc
        [many] { $count } blocs
       *[other] { $count } blocs
    }, chacun vérifié
feed-server-new-chain = Le serveur de la classe a lancé une nouvelle chaîne (il a redémarré) : cette page la rejoint en gardant ses clés
feed-conflict = L'onglet { $tab } fait tourner un autre réseau sous le même nom : choisissez celui à garder
feed-invitation-conflict = L'invitation de l'onglet { $tab } concerne un autre réseau, et cet onglet a ses propres blocs : choisissez celui à garder
feed-linked = Relié à l'onglet { $tab } sur une autre machine (WebRTC)
# $word : comment la liaison s'est terminée (closed ou failed) ; $reason : pourquoi (link-reason).
feed-link-over = La liaison avec l'onglet { $tab } { $word ->
        [closed] s'est fermée
       *[failed] a échoué
    } : { $reason }. Cet onglet continue de fonctionner avec les pairs qu'il a ; une nouvelle invitation le relie de nouveau
feed-class-paused-at = L'horloge de la classe est en pause : aucun bloc au-delà du #{ $height } tant que l'enseignant n'avance pas d'un bloc ou ne reprend pas
feed-class-paused = L'horloge de la classe est en pause
# $speed : par exemple ×0.25 ; $slot : par exemple 16 s.
feed-class-runs = L'horloge de la classe tourne à { $speed } : un créneau dure { $slot }
feed-called-back = L'enseignant a rappelé tout le monde : vous suivez de nouveau l'enseignant
feed-not-leading = Le serveur de la classe a refusé d'être dirigé depuis cette page : { $reason }
feed-ignored-lesson = Leçon « { $lesson } » de l'enseignant ignorée : { $reason }
feed-ignored-lesson-unknown = Leçon « { $lesson } » de l'enseignant ignorée : le menu des leçons de cette page n'a pas cette leçon
feed-ignored-block = Bloc #{ $height } de l'enseignant ignoré : la chaîne de cette page s'arrête au #{ $tip }, et le tirage du #{ $next } est le plus loin qu'elle puisse montrer

## Ce que dit la carte d'un nœud après une action
result-asked = { $amount } jetons demandés à la plateforme d'échange
result-staking = Mise de { $amount } jetons : en attente d'un bloc
result-staked = { $amount } jetons misés dans le bloc #{ $height }
result-sending = Envoi de { $amount } jetons à { $to } : en attente d'un bloc
result-sent = { $amount } jetons envoyés à { $to } dans le bloc #{ $height }
result-forged = Bloc #{ $height } forgé
result-refused = Refusé : { $why }
card-to-node = → { $node }

## Les refus : pourquoi un nœud a refusé quelque chose. Chacun fait un choix selon $reason, le nom de la règle.
refusal-no-node = il n'y a pas de nœud { $index }
refusal-no-answer = le nœud n'a pas répondu
refusal-nothing-happened = rien ne s'est passé
refusal-not-the-winner = { $node } n'a pas gagné le tirage du prochain bloc : c'est { $winner } qui l'a gagné
# Une transaction. $expected/$got : numéros de transaction ; $balance/$amount : jetons ; $nonce, $with : l'autre transaction.
refusal-tx = { $reason ->
        [zeroAmount] le montant doit être supérieur à zéro
        [badSignature] la signature n'est pas celle de l'expéditeur
        [duplicate] cette transaction est déjà dans le pool
        [alreadyOnChain] cette transaction est déjà dans la chaîne
        [nonceGap] pas dans l'ordre : la prochaine transaction de l'expéditeur porte le numéro { $expected }, celle-ci le numéro { $got }
        [insufficientBalance] pas assez de jetons : l'expéditeur en a { $balance } disponibles mais il lui en faut { $amount }
        [selfTransfer] un virement doit aller à quelqu'un d'autre
        [stakeForOther] une mise doit aller à la propre mise de l'expéditeur
        [notExchange] seule la plateforme d'échange peut vendre des jetons
        [exchangeOnlySells] le compte de la plateforme d'échange peut seulement vendre des jetons, pas les virer ni les miser
        [overflow] le montant ferait déborder un solde
        [poolFull] le pool de transactions est plein
        [conflict] double dépense : le numéro de transaction { $nonce } de l'expéditeur est déjà pris par { $with }
       *[other] { $reason }
    }
# Un bloc. $forger, $expected, $got : adresses courtes ; $why : le refus d'une transaction (refusal-tx) ;
# $future : le nombre maximal de ms d'avance d'un bloc ; $most : le nombre maximal de transactions dans un bloc.
refusal-block = { $reason ->
        [wrongHeight] mauvaise hauteur : { $expected } attendue, { $got } reçue
        [unknownParent] son hash précédent n'est pas celui du dernier bloc de cette chaîne
        [notTheForger] forgé par { $got } alors que la loterie a choisi { $expected }
        [outOfTurn] forgé hors de son tour : { $forger } est au rang { $rank } du tirage, il peut donc forger à partir du créneau { $rank }, mais le bloc est dans le créneau { $slot }
        [badSignature] la signature du forgeur n'est pas valide
        [timestampBeforeParent] son horodatage est antérieur à celui de son parent
        [fromTheFuture] son horodatage a { $ahead } ms d'avance sur l'horloge de ce nœud (au plus { $future })
        [tooManyTransactions] plus de { $most } transactions
        [transaction] transaction { $index } : { $why }
        [noStakers] personne n'a de mise
        [notAStaker] forgé par { $forger }, qui n'a aucune mise, donc aucun billet dans le tirage
        [belowHorizon] à la hauteur { $height }, trop loin sous le dernier bloc de ce nœud ({ $tip }) pour compter
        [drawPending] le tirage sur son parent { $seed } n'est pas encore calculé
       *[other] { $reason }
    }
# Une chaîne. $why : le refus de son bloc (refusal-block).
refusal-chain = { $reason ->
        [empty] la chaîne n'a aucun bloc
        [badGenesis] le bloc 0 n'est pas le bloc de genèse
        [otherNetwork] la chaîne appartient à un autre réseau
        [block] bloc { $height } : { $why }
       *[other] { $reason }
    }
# Un message. $why : pourquoi il n'a pas pu être lu (refusal-decode).
refusal-message = { $reason ->
        [decode] { $why }
        [otherNetwork] le message appartient à un autre réseau
        [badBuySignature] une demande d'achat qui n'est pas signée par son acheteur
        [badBuyAmount] une demande d'achat d'un montant refusé
       *[other] { $reason }
    }
# $len : la taille du message en octets ; $most : le maximum permis pour un message ; $found/$version : versions du protocole.
refusal-decode = { $reason ->
        [tooLarge] le message de { $len } octets dépasse { $most }
        [malformed] message mal formé : { $detail }
        [version] version { $found } du protocole, { $version } attendue
       *[other] { $reason }
    }
# Ce que l'action d'un nœud a enfreint. $why : le refus de la transaction (refusal-tx) ; $max : jetons.
refusal-action = { $reason ->
        [transaction] { $why }
        [buyLimit] la plateforme d'échange vend au plus { $max } jetons à la fois
       *[other] { $reason }
    }
## Refus de ce que quelqu'un a fait sur cette page (les barres des pannes, des fichiers et des
## liaisons, la barre de la classe, le « Faites-le » d'une leçon, la frise). La console donne les
## mêmes refus en anglais.
refusal-busy = occupé : réessayez
refusal-nothing-done = rien n'a été fait
refusal-runs-alone = cet onglet fonctionne seul
refusal-most-nodes = un onglet fait tourner au plus { $most } nœuds
refusal-host-stays = le nœud hôte reste : il détient la genèse et la plateforme d'échange
refusal-step-paused = un pas ne fonctionne que lorsque le réseau est en pause
# $what : ce qui a été demandé à un onglet relié à d'autres (pause, speed ou step).
refusal-linked = { $what ->
        [pause] cet onglet est relié à d'autres : il ne peut pas mettre en pause le réseau qu'ils partagent (sa frise ne montre que son propre passé)
        [step] cet onglet est relié à d'autres : il ne peut pas faire avancer pas à pas le réseau qu'ils partagent (sa frise ne montre que son propre passé)
       *[speed] cet onglet est relié à d'autres : il ne peut pas changer la vitesse du réseau qu'ils partagent (sa frise ne montre que son propre passé)
    }
refusal-view-at-present = la vue de cet onglet est au présent : le réseau continue
refusal-class-paused = l'horloge de la classe est en pause : personne ne forge tant que l'enseignant n'avance pas d'un bloc ou ne reprend pas
# $most : des millisecondes.
refusal-latency = la latence et la gigue vont jusqu'à { $most } ms
refusal-drop = la perte est la part des messages perdus, de 0 à 0,9
refusal-no-group = donnez au moins un groupe d'indices de nœuds, par exemple [[0,1],[2,3]]
refusal-already-down = { $node } est déjà en panne
refusal-running = { $node } fonctionne déjà
# $name : ce qui a été demandé ; $names : les noms des comportements, tels que la console les connaît.
refusal-behaviour = comportement inconnu « { $name } » : utilisez l'un de ceux-ci : { $names }
refusal-no-class = cette page n'a pas été ouverte depuis un serveur de classe
refusal-not-teacher = seule la page de l'enseignant dirige (celle ouverte avec l'adresse de l'enseignant affichée par le serveur de la classe)
refusal-class-offline = le serveur de la classe n'est pas connecté : réessayez dans un instant
refusal-class-step = un pas ne fonctionne que lorsque l'horloge de la classe est en pause
refusal-teacher-leads = la page de l'enseignant dirige ; elle ne suit pas
refusal-no-conflict = aucun conflit avec l'onglet { $tab }
refusal-download = le navigateur a refusé le téléchargement
# $height : le premier bloc d'un fichier de chaîne qui n'est pas valide (0 : le fichier lui-même).
refused-at-block = Refusé au bloc { $height } : { $why }
no-randomness = Ce navigateur n'a fourni aucun aléa sûr, donc aucune clé ne peut être créée
# Un état enregistré ou un fichier de chaîne. $detail : les mots du lecteur (en anglais) ; $why : le
# refus d'un bloc ou d'une chaîne.
refusal-load = { $reason ->
        [unreadable] le texte ne peut pas être lu : { $detail }
        [notOurs] ce n'est pas un fichier de pos-playground
        [version] il a été écrit par une autre version du playground (format { $found } ; celle-ci lit le { $expected })
        [badKey] une clé enregistrée est abîmée
        [block] le bloc { $height } n'est pas valide : { $why }
       *[other] { $why }
    }

## Refus des liaisons entre machines. $link : l'identifiant d'une liaison (L1) ; $tab, $me : des onglets.
refusal-discovering = cet onglet cherche encore son réseau d'onglets : réessayez dans une seconde
refusal-most-links = cet onglet a déjà { $most } liaisons actives : fermez-en une avant d'en créer une autre
refusal-own-invitation = c'est l'invitation de cet onglet lui-même : acceptez-la sur une autre machine
refusal-accepted-already = cette invitation a déjà été acceptée (liaison { $link }) : l'autre machine a besoin de sa réponse, ou crée une nouvelle invitation
refusal-answer-elsewhere = cette réponse est destinée à une invitation de l'onglet { $tab }, pas de cet onglet ({ $me })
refusal-no-invitation = aucune invitation { $link } n'attend dans cet onglet (les invitations disparaissent quand la page est rechargée) : créez-en une nouvelle
refusal-not-invited = la liaison { $link } n'a pas été créée par une invitation de cet onglet
# $state : closed ou failed ; $why : comment elle s'est terminée.
refusal-invitation-over = l'invitation { $link } { $state ->
        [closed] est fermée
       *[failed] a échoué
    } ({ $why }) : créez-en une nouvelle
refusal-completed-already = l'invitation { $link } a déjà été complétée
# Une invitation ou une réponse collée. $len, $most : des octets ; $prefix : leur début (pos1:) ;
# $detail : les mots du lecteur (en anglais) ; $expected : invitation ou answer.
refusal-signal = { $reason ->
        [empty] rien n'a été collé
        [tooLong] le texte fait { $len } octets, plus que les { $most } que peut faire une invitation ou une réponse
        [noPrefix] ce n'est ni une invitation ni une réponse de pos-playground : elles commencent par « { $prefix } »
        [badBase64] le texte est abîmé : après « { $prefix } », seuls des lettres, des chiffres, - et _ peuvent suivre (a-t-il été coupé lors de la copie ?)
        [badJson] le texte est abîmé ou vient d'une autre version : { $detail }
        [wrongKind] { $expected ->
            [invitation] c'est une réponse (collez-la sur la machine qui a créé l'invitation), mais il faut ici une invitation
           *[answer] c'est une invitation (acceptez-la sur une autre machine, puis collez sa réponse ici), mais il faut ici une réponse
        }
       *[badField] { $flaw ->
            [offerTooLong] son offre de connexion est trop longue
            [answerTooLong] sa réponse de connexion est trop longue
            [offerNotSdp] son offre de connexion n'est pas une description de canal de données WebRTC
            [answerNotSdp] sa réponse de connexion n'est pas une description de canal de données WebRTC
            [linkId] son identifiant de liaison ne fait pas de 1 à 16 lettres et chiffres
            [tabId] son identifiant d'onglet ne fait pas de 1 à 16 lettres et chiffres
            [networkName] son nom de réseau est vide ou trop long
            [genesisName] sa genèse a un mauvais nom de réseau
           *[answers] l'invitation à laquelle elle répond n'est pas correctement nommée
        }
    }

## Refus de la frise. $asked, $last : des événements ; $branch : une branche ; $height : un bloc.
refusal-history = { $reason ->
        [noEvent] il n'y a pas d'événement { $asked } : cette branche a les événements 0 à { $last }
        [noBranch] il n'y a pas de branche { $branch }
        [noBlock] aucun bloc n° { $height } n'a été forgé dans cette branche de l'histoire
       *[tooManyBranches] l'histoire garde au plus { $most } branches : revenez au présent pour agir
    }
# $size, $most : des octets ; $why : le refus du début (refusal-load) ; $index : une entrée (à partir de 0) ;
# $detail : ce qui ne va pas, dans les termes du fichier (en anglais).
refusal-recording = { $reason ->
        [tooBig] l'enregistrement fait { $size } octets ; un enregistrement fait au plus { $most } octets (8 Mio)
        [start] son début : { $why }
       *[entry] entrée { $index } : { $detail }
    }
history-cannot-open = Cet enregistrement ne peut pas être ouvert : { $why }
history-cannot-save = { $reason ->
        [linked] cette histoire contient ce qu'ont dit d'autres onglets, machines ou le serveur de la classe : seule l'histoire d'un onglet qui fonctionne seul peut être enregistrée
        [tooLong] cette histoire est plus longue que ce que contient un enregistrement (6 heures)
       *[unwritable] cette histoire n'a pas pu être écrite dans un fichier
    }

## La zone annoncée : ce qu'entend un lecteur d'écran, au plus toutes les quelques secondes
# $line : une ligne du fil d'activité.
announce-line = { $line }.
announce-blocks = { $count } blocs forgés ; le plus récent : { $line }.
announce-branches = { $count } passages à une meilleure branche ; le plus récent : { $line }.
announce-refusals = { $count } refus ; le plus récent : { $line }.
# $name : le nom du gagnant.
announce-next = { $name } a gagné le tirage du bloc #{ $height }.

## Les nombres avec leurs mots, partout où la page les écrit
# $value : une part avec deux décimales.
percent = { $value } %
percent-tiny = < 0,01 %
# $factor : une vitesse en multiple de l'horloge murale, un décimal.
speed-factor = ×{ $factor }
time-seconds = { $seconds } s
lots = { $count ->
        [one] { $count } billet
        [many] { $count } billets
       *[other] { $count } billets
    }

## La section Loterie
lottery = Loterie
lottery-title-empty = La loterie
lottery-no-stake = Personne n'a encore de mise, donc il n'y a pas de tirage.
lottery-title = La loterie du bloc #{ $height }
# $node : le nœud dont la section lit la chaîne.
lottery-as-seen = { " " }— telle que { $node } la voit
# $winner : le gagnant du tirage (affiché en gras avant ces mots).
lottery-verdict-next = { " " }a gagné le tirage du prochain bloc, le #{ $height } : pas encore forgé.
lottery-verdict-forged = { " " }a gagné le tirage et forgé le bloc #{ $height }.
lottery-verdict-silent = { " " }a gagné le tirage mais est resté silencieux ; { $forger }, classé au rang { $rank }, a forgé le bloc #{ $height } dans le créneau { $slot }.
lottery-blocks = Blocs
lottery-first = ◀◀ #1
    .title = Premier bloc (Home)
lottery-prev = ◀ Précédent
    .title = Bloc précédent (←)
lottery-where = bloc { $height } sur { $tip }
lottery-where-next = prochain bloc
lottery-next = Suivant ▶
    .title = Bloc suivant (→)
lottery-newest = Dernier ▶▶
    .title = Bloc le plus récent (End)
lottery-replay = ▶ Rejouer la chaîne
    .title = Chaque bloc à son tour, du #1 au plus récent
lottery-replay-still = ▶ Rejouer depuis le #1
    .title = Animations réduites : la relecture commence au bloc #1 et vous avancez avec Suivant (→)
lottery-stop = ■ Arrêter
lottery-worker-failed = Le worker de la loterie n'est pas disponible : { $why }. Les grands tirages sont calculés dans la page, qui se fige pendant le tirage.
lottery-stakes-note = Chaque jeton misé est un billet, donc la chance d'un miseur est sa part de tous les billets. Les couleurs suivent les cartes des nœuds ; les numéros sur les marques sont ceux des nœuds.
lottery-zoom = Zoom
lottery-zoom-in = Zoomer +
    .title = Zoomer (+)
lottery-zoom-out = Dézoomer −
    .title = Dézoomer (−)
lottery-zoom-auto = Auto
# $lots : combien de billets (avec leur mot) ; $ms : millisecondes ; $where : worker ou page.
lottery-timing = Tirage de { $lots } en { $ms } ms { $where ->
        [worker] dans un Web Worker
       *[page] dans la page
    }
lottery-drawing = Tirage de { $lots } dans un Web Worker…
lottery-drawing-done = { " " }{ $done } terminés, { $seconds } s
lottery-responsive = La page reste réactive : le même cœur wasm tourne dans un thread en arrière-plan. Le tableau des mises et l'explication ci-dessous sont déjà prêts.
lottery-keys = Touches : ← → pour passer d'un bloc à l'autre, Home / End pour aller au premier / au plus récent, + / − pour zoomer.
stakes-caption = Mises au moment du tirage du bloc #{ $height }
stakes-staker = miseur
stakes-stake = mise
stakes-lots = billets
stakes-chance = chance
    .title = sa part de tous les billets : sa chance de gagner ce tirage
stakes-forged = forgés
stakes-forged-title = blocs qu'il a forgés du #1 au #{ $height }
stakes-winner = ★ gagnant
stakes-wins = ★ gagne
stakes-fallback = a forgé, rang { $rank }
stakes-lots-title = billets k = 1 … { $stake }
stakes-all = tous
why = Pourquoi ce forgeur
why-title-forged = Pourquoi { $winner } a forgé le bloc #{ $height }
why-title-next = Pourquoi { $winner } forge ensuite le bloc #{ $height }
why-seed = Graine.{ " " }
why-seed-text = Le hash du bloc parent #{ $parent } :{ " " }
why-reference = Référence.{ " " }
why-reference-text = Tout le monde calcule le hash de la graine : H(graine) ={ " " }
why-reference-point = . Lu comme un nombre de 256 bits, c'est un point sur la droite.
why-lots = Billets.{ " " }
# $lots : tous les billets avec leur mot ; $stake : les billets du gagnant ; $share : son pourcentage.
why-lots-text = Chaque jeton misé est un billet ; le billet k d'un miseur est H appliqué k fois à son adresse + la graine. { $lots } en tout ; { $winner } en détient { $stake } ({ $share }).
why-winning = Billet gagnant.{ " " }
why-winning-text = Le billet le plus proche de la référence est le billet k = { $k } de { $winner } :{ " " }
why-offset = , écart{ " " }
# $offset : à quelle distance de la référence se trouve le billet gagnant (lottery-offset-…).
why-offset-share = { " " }— { $offset }.
why-runner-up = Deuxième.{ " " }
why-runner-up-text = Billet k = { $k } de { $name } :{ " " }
why-runner-up-ratio = , { $ratio } fois plus loin de la référence.
why-runner-up-none = Aucun : il n'y a qu'un seul billet.
why-forger = Forgeur.{ " " }
why-forger-next = Donc { $winner } peut forger le bloc #{ $height } tout de suite ; tous les autres doivent attendre un créneau plus tardif —{ " " }
why-forger-forged = Donc { $winner } a forgé le bloc #{ $height } —{ " " }
why-forger-silent = { $winner } est resté silencieux, donc le bloc #{ $height } est venu dans le créneau { $slot }, du miseur classé au rang { $rank } (les miseurs sont classés selon leur billet le plus proche ; à partir du créneau r, le miseur de rang r peut aussi forger) : { $forger } —{ " " }
why-forger-end = . Plus de mise signifie plus de billets, donc une meilleure chance, jamais une certitude.
lottery-offset-tiny = moins de 1 part sur 2^64 de l'intervalle
# $percent : une part de l'intervalle ; $parts : 1 part sur combien.
lottery-offset-share = { $percent } % de l'intervalle
lottery-offset-share-parts = { $percent } % de l'intervalle (1 part sur { $parts })
lottery-ratio-huge = bien plus de 10^6
python = Vérifiez-le vous-même en Python
python-help = Collez ceci dans Python 3 (seulement hashlib et json). Le programme recalcule à la main la référence et le billet gagnant, puis chaque billet, et affiche les valeurs montrées ci-dessus.
python-snippet = Le programme Python

## La droite graduée de la loterie
line-reference = référence
line-reference-seed = référence H(graine)
line-offset = écart
# $name : un miseur ; $k : l'indice du billet.
line-winner-label = gagnant : { $name }, billet k = { $k }
line-runner-up-label = deuxième : { $name }, billet k = { $k }
# $power : par exemple 2^200.
line-minus = référence − { $power }
line-plus = référence + { $power }
# $role : le rôle du billet dans le tirage ; $side : above ou below ; $offset : lottery-offset-….
line-lot-words = billet k = { $k } de { $name }{ $role ->
        [winner] { " " }(le gagnant)
        [runner-up] { " " }(le deuxième)
       *[other] {""}
    }, { $side ->
        [above] au-dessus de
       *[below] au-dessous de
    } la référence, écart { $offset }
line-lot-short = billet k = { $k } de { $name }
line-card-staker = miseur
line-card-winner = gagnant
line-card-runner-up = deuxième
line-card-index = indice k
line-card-hash = hash
line-card-offset = écart
line-card-offset-words = { " " }— { $offset }, { $side ->
        [above] au-dessus de
       *[below] au-dessous de
    } la référence
line-runner-up = Le deuxième : { $lot }.
line-no-runner-up = Pas de deuxième : il n'y a qu'un seul billet.
# $lots : tous les billets avec leur mot ; $zoom : le grossissement ; $won : le billet gagnant en mots ; $runner : line-runner-up ou line-no-runner-up.
line-words = Droite graduée de toutes les 2^256 valeurs : { $lots }, la référence, et un zoom ({ $zoom }) autour d'elle. Le billet gagnant : { $won }. { $runner }
line-slice = { $lots } dans ce 1/4096 de l'intervalle :{ " " }
line-slice-count = { $name } { $count }
line-slice-closest = Parmi eux, le plus proche de la référence :
line-hint = Pointez la droite, ou sélectionnez un billet dans le zoom (Tab), pour lire son miseur, son indice k, son hash et son écart.
line-axis = toutes les valeurs possibles d'un billet, 0 … 2^256 − 1 : { $lots }
line-zoom-note = Zoom { $zoom } : la ligne du bas montre référence ± 2^{ $exp }{ " " }
line-zoom-in-view = ({ $lots } visibles).

## L'historique des forgeurs sous la loterie
history = Historique des forgeurs
history-title = Qui a forgé chaque bloc
history-empty = Aucun bloc forgé pour l'instant : l'historique commence au bloc #1.
history-range = { " " }— blocs #1 à #{ $blocks } ; cliquez sur un bloc pour voir sa loterie
history-strip = { $blocks ->
        [one] { $blocks } bloc, de la couleur de son forgeur
        [many] { $blocks } blocs, chacun de la couleur de son forgeur
       *[other] { $blocks } blocs, chacun de la couleur de son forgeur
    }
history-block = Bloc #{ $height } : forgé par { $name }
history-chart = La part des blocs forgés jusqu'ici par chaque miseur (trait plein) comparée à sa part de la mise (tirets)
history-first = bloc #1
history-last = bloc #{ $blocks }
history-key = trait plein : part des blocs forgés jusqu'ici · tirets : part de la mise
# $share, $stake : pourcentages avec une décimale.
history-legend = { " " }a forgé { $forged } sur { $blocks ->
        [one] { $blocks } bloc
        [many] { $blocks } blocs
       *[other] { $blocks } blocs
    } ({ $share } %) ; sa mise : { $stake } % au dernier tirage

## Les vues Python d'un nœud (/blockchain, /transactionPool, /info)
# $from, $to : des noms ; $amount : des jetons.
tx-stake = { $from } mise { $amount }
tx-exchange = La plateforme d'échange vend { $amount } → { $to }
tx-transfer = { $from } verse { $amount } → { $to }
chain-table = Blocs, du plus récent au plus ancien
chain-height = #
chain-hash = hash
chain-previous = précédent
chain-forger = forgeur
chain-time = heure
chain-transactions = transactions
chain-none = aucune
pool-empty = Le pool est vide : chaque transaction connue de ce nœud est dans un bloc.
pool-table = Transactions dans le pool
pool-type = type
pool-what = quoi
pool-nonce = nonce
pool-id = id
info-address = Adresse{ " " }
# $forger : le nom du prochain forgeur ; $count : pairs.
info-line = Hauteur { $height } · prochain forgeur : { $forger } · { $count ->
        [one] { $count } pair
        [many] { $count } pairs
       *[other] { $count } pairs
    } :{ " " }
info-stakers = Miseurs
info-staker = miseur
info-stake = mise (= billets)
info-chance = chance de forger
panels = Vues des nœuds
panels-node = Nœud
panels-view = Vue
panels-chain = Blockchain
panels-pool = Pool
panels-info = Info
panels-raw = { " " }JSON brut
panels-body = Vue du nœud

## L'arbre des blocs
tree = Arbre des blocs
tree-title = L'arbre des blocs tel que { $node } le voit
tree-subtitle = { " " }— rangée du haut : la chaîne qu'il suit ; en dessous : les branches latérales qu'il garde (forks)
tree-scroll = L'arbre des blocs, qui défile horizontalement
tree-picture = { $blocks ->
        [one] { $blocks } bloc
        [many] { $blocks } blocs
       *[other] { $blocks } blocs
    }, dont { $sides } sur des branches latérales
# $height : le bloc ; $forger : son forgeur ; $slot, $rank ; $count : transactions ; $hash : abrégé.
tree-block = #{ $height } par { $forger } · créneau { $slot } · rang { $rank } · { $count } tx · { $hash }

## Le bouton Copier
copy = Copier
copy-done = Copié.
copy-selected = Sélectionné : appuyez sur Ctrl+C (⌘C sur un Mac) pour le copier.

## La page autour des sections
no-randomness-help = Chaque clé du playground vient du générateur aléatoire sécurisé du navigateur (crypto.getRandomValues), et ce navigateur l'a refusé. Rien de plus faible n'est utilisé à la place, donc la page ne lance aucun réseau. Essayez un autre navigateur, ou cette page en https ou sur localhost.
new-network-confirm = Lancer un nouveau réseau ? La chaîne, les soldes et les clés de cet onglet seront remplacés ; exportez d'abord une chaîne pour la garder.
# $file : le nom du fichier.
files-saved = { $file } enregistré
files-no-node = ce nœud n'existe pas
files-checking = Vérification du fichier : la signature, les transactions et la loterie de chaque bloc…
files-imported = Chaîne valide de hauteur { $height } importée : cet onglet fait maintenant tourner un nouveau réseau à partir d'elle
# $why : le refus, en mots.
refused = Refusé : { $why }
# Dans la barre Classe : où en est la leçon de l'enseignant.
lesson-step-of = étape { $step } sur { $steps }
next-forger = Prochain forgeur
next-block = Prochain bloc
next-drawing = Tirage de la loterie après le bloc le plus récent : { $lots }, dans un Web Worker pour que la page reste libre. Personne ne forge dessus avant la fin du tirage.
# $name : le gagnant (affiché en gras avant ces mots).
next-won = { " " }a gagné le tirage du bloc #{ $height }. Il forge dès que son pool contient une transaction.
next-nobody = Personne n'a de mise.

## La navigation du haut et le panneau des leçons
sections = Sections
section-nodes = Nœuds
section-lottery = Loterie
section-fairness = Équité
section-faults = Pannes
section-tree = Arbre des blocs
section-panels = Vues Python
section-key = touche { $number }
keys-switch = Touches 1–6
    .title = Les touches 1 à 6 mènent aux sections ; désactivez-les si elles vous gênent
keys-on = { " " }activées
keys-off = { " " }désactivées
lessons = Leçons
lessons-menu = Leçons…
presenter = Mode présentation
lesson = Leçon
lesson-loading = Chargement de la leçon…
lesson-close = Fermer
lesson-close-esc = Fermer (Esc)
lesson-waiting = En attente : appuyez sur Faites-le, ou faites-le à la main.
lesson-done = ✓ Fait.
lesson-already = ✓ C'est déjà le cas. Passez à la suite quand vous voulez.
lesson-nothing-to-do = Rien à faire : aucun nœud ne convient
lesson-not-shown = la partie de la page que montre cette étape n'est pas là pour l'instant
lesson-opening = une autre leçon est en train de s'ouvrir
# Une leçon qui ne peut pas s'ouvrir. $file : son chemin ; $why : ce qu'a dit le navigateur ou le serveur ;
# $problem : ce qui ne va pas dans le fichier, dans les termes du format des leçons (en anglais, comme ses clés title: et step:).
lesson-error = { $reason ->
        [badName] « { $name } » n'est pas un nom de leçon (lettres minuscules, chiffres et -)
        [missing] Le fichier de leçon { $file } n'a pas pu être chargé : { $why }
        [damaged] Le fichier de leçon { $file } est abîmé : { $problem }
       *[line] Le fichier de leçon { $file } est abîmé, ligne { $line } : { $problem }
    }
# $title : le titre de la leçon (tiré de son fichier).
lesson-where = { $title } · étape { $step } sur { $steps }
lesson-back = ◀ Retour
lesson-do = Faites-le
# $button : ce que fait le bouton de l'étape (tiré du fichier de la leçon).
lesson-do-what = Faites-le : { $button }
lesson-next = Suivant ▶

## Le labo d'équité. $rule : le nom de la règle dans la console (lots, weighted, cometbft, ethereum, algorand, praos).
rule-name = { $rule ->
       *[lots] Billets (cette chaîne)
        [weighted] Un tirage pondéré
        [cometbft] Round-robin de CometBFT
        [ethereum] Ethereum (Electra)
        [algorand] Tirage au sort d'Algorand
        [praos] Cardano Praos
    }
rule-short = { $rule ->
       *[lots] Billets
        [weighted] Pondéré
        [cometbft] CometBFT
        [ethereum] Ethereum
        [algorand] Algorand
        [praos] Praos
    }
rule-how = { $rule ->
       *[lots] Chaque jeton misé est un billet, une chaîne de hashs SHA-256 issue de la clé du miseur et de la graine ; le billet le plus proche de H(graine) gagne. Un hash par jeton et par bloc : équitable, mais le travail augmente avec la mise.
        [weighted] Un seul hash de la graine choisit un point sur la ligne de toute la mise, où chaque miseur possède un segment aussi long que sa mise. Mêmes chances qu'avec les billets, un seul hash quelle que soit la mise.
        [cometbft] Pas de hasard : à chaque tour, la priorité de chaque validateur augmente de son pouvoir de vote ; le plus prioritaire propose le bloc et rembourse le pouvoir total. Chacun passe en proportion exacte de son pouvoir, donc on peut prévoir qui sera le suivant.
        [ethereum] Chaque jeton vaut 1 ETH ; un miseur fait tourner un validateur par tranche de 2 048 ETH (le dernier détient le reste). La graine mélange les validateurs (swap-or-not, 90 tours) et les parcourt dans cet ordre : chacun est accepté avec une chance d'environ son solde ÷ 2 048 ETH (une valeur aléatoire de 16 bits), sinon on essaie le suivant. Les petits validateurs sont presque proportionnels à la mise ; près de 2 048 ETH, le premier dans l'ordre a un avantage (2 048 et 1 024 ETH obtiennent 75 % et 25 %, pas 67 % et 33 %). Electra (2025) a relevé le plafond de 32 à 2 048 ETH et la valeur aléatoire de 8 à 16 bits.
        [algorand] Chaque jeton est, indépendamment, un vote avec une probabilité τ ÷ mise totale (ici τ = 20), donc les votes d'un miseur suivent une loi binomiale. Un comité d'environ 20 votes se forme ; ses membres se partagent le tour. Le test compte les votes.
        [praos] Chaque miseur est en secret meneur d'un créneau avec une probabilité φ(σ) = 1 − (1 − f)^σ, f = 1/20 : un créneau peut n'avoir aucun meneur ou en avoir plusieurs. φ croît un peu moins vite que σ, donc diviser sa mise ne rapporte rien.
    }
rule-source = { $rule ->
       *[lots] Proof-of-Stake-in-Python, ProofOfStake.py
        [weighted] le tirage pondéré par la mise des manuels
        [cometbft] spécification de CometBFT, proposer-selection.md
        [ethereum] consensus-specs, compute_proposer_index d'Electra ; identique au bit près
        [algorand] Gilad et al., Algorand, SOSP 2017
        [praos] David et al., Ouroboros Praos, Eurocrypt 2018
    }
# $p : la p-valeur en mots (fairness-p-…) ; $against : stake ou design.
fairness-verdict = { $verdict ->
        [tooFew] Trop peu de victoires pour faire le test : lancez plus de tours.
        [exact] Plus proche de { fairness-target } que le hasard ne le serait jamais (p = { $p }) : les tours sont attribués par une règle, pas tirés au sort.
        [fits] Les victoires correspondent à { fairness-target }. Le pur hasard donne un écart aussi grand ou plus grand avec une probabilité de { $p }, donc rien n'indique une différence.
        [borderline] Limite par rapport à { fairness-target } : le hasard ne donne un écart aussi grand qu'avec une probabilité de { $p }. Lancez plus de tours : une vraie différence devient plus nette, un coup de chance s'efface.
       *[deviates] Les victoires ne suivent pas { fairness-target } : le hasard seul ne donnerait un écart aussi grand qu'avec une probabilité de { $p }.
    }
fairness-target = { $against ->
        [design] la répartition voulue par la règle
       *[stake] la répartition des mises
    }
fairness-p-tiny = moins de 1 sur un million
# $n : 1 sur combien.
fairness-p-one-in = 1 sur { $n }
# $percent : un pourcentage.
fairness-p-percent = { $percent } %
fairness = Labo d'équité
fairness-subtitle = { " " }— la loterie suit-elle la mise ? Des milliers de tours, et comment d'autres chaînes choisissent
lab-loading = Le laboratoire arrive…
lab-not-loaded = Le laboratoire n'a pas pu être chargé ({ $why }). Rechargez la page pour réessayer.
fairness-lede = Chaque tour tire un forgeur dans le tableau des mises ; sa graine est le hash du tour précédent, comme sur la chaîne. Le même tableau tourne sous six règles côte à côte, hors du thread de la page, chacune exactement comme sa source la définit. Deux tests suivent : la part des victoires de chaque miseur s'approche-t-elle de sa part de la mise, et s'approche-t-elle de ce que la règle est conçue pour donner ? (Les deux diffèrent pour Ethereum près de 2 048 jetons, et Algorand et Praos peuvent choisir plusieurs gagnants ou personne.)
lab-staker = miseur
lab-stake = mise
lab-share = part
# $name : un miseur du tableau du labo.
lab-stake-of = Mise de { $name }
lab-remove = retirer { $name }
lab-add = + Miseur
lab-network = Les mises du réseau
lab-example = Exemple 10 / 30 / 60
lab-rounds = tours{ " " }
lab-lots-per-round = { $lots } par tour pour la règle des billets
lab-rules = règles
lab-stop = ■ Arrêter
lab-run = ▶ Lancer
lab-starting = démarrage du worker…
# $name : un miseur ; $stake : ce qui a été tapé.
lab-not-a-number = la mise de { $name }, « { $stake } », n'est pas un nombre entier
# Pourquoi le labo ne peut pas tourner. $max : le maximum permis ; $detail : les mots du labo du cœur (en anglais).
refusal-lab = { $reason ->
        [noStakers] le tableau des mises est vide : ajoutez un miseur
        [tooManyStakers] { $stakers } miseurs, c'est trop : au plus { $max }
        [noStake] personne n'a de mise : donnez à quelqu'un une mise supérieure à 0
        [tooMuchStake] les mises font { $total } au total : au plus { $max } (chaque billet est haché à chaque tour)
        [rounds] { $rounds } tours : choisissez entre 1 et { $max }
        [noRule] choisissez au moins une règle
       *[lab] { $detail }
    }
# Pourquoi une simulation de grinding ne peut pas démarrer. $grinder, $friend : des indices de miseurs ; $pool : des transactions.
refusal-grind = { $reason ->
        [grinderOutOfRange] le tricheur doit être l'un des { $stakers } miseurs (indice { $grinder } donné)
        [friendOutOfRange] le complice doit être l'un des { $stakers } miseurs (indice { $friend } donné)
        [poolTooLarge] le pool peut contenir au plus { $max } transactions ({ $pool } données)
        [noStake] un miseur au moins doit avoir une mise
        [tooManyLots] les mises peuvent faire au plus { $max } billets au total ({ $lots } donnés)
        [tooManyStakers] au plus { $max } miseurs ({ $stakers } donnés)
       *[other] { $reason }
    }
lab-rounds-of = { $done } tours sur { $goal }
lab-draws-of = { $done } tirages sur { $goal } : { $rounds } tours × { $rules } règles
# $work : lab-rounds-of ou lab-draws-of ; $seconds : durée ; $state : où en est l'exécution.
lab-status = { $work } · { $seconds } s{ $state ->
        [stopped] { " " }· arrêté
        [done] { " " }· terminé
       *[running] {""}
    }
lab-follow-stake = Suit-elle la mise ? χ² = { $chi } avec { $degrees } degrés de liberté, p = { $p }.{ " " }
lab-follow-design = Fait-elle ce que ses concepteurs voulaient ? χ² = { $chi } par rapport aux parts que la règle est conçue pour donner, p = { $p }.{ " " }
lab-stake-share = part de la mise
lab-votes = { $count ->
        [one] { $count } vote
        [many] { $count } votes
       *[other] { $count } votes
    }
lab-wins = { $count ->
        [one] { $count } victoire
        [many] { $count } victoires
       *[other] { $count } victoires
    }
lab-expected = attendu { $share }
lab-rounds-row = tours
lab-p-value = p-valeur
lab-chi-expected = χ² vs attendu
    .title = les victoires comparées à ce que chaque règle est conçue pour donner
lab-p-expected = p-valeur vs attendu
lab-empty-shared = tours vides / partagés
    .title = tours sans meneur / avec plusieurs meneurs, et la part attendue de tels tours
lab-expected-pair = attendu { $empty } / { $shared }
lab-rule-note = { $name }. { $how }
lab-rule-source = { " " }({ $source })
lab-electra = Ethereum : la chance qu'un validateur soit accepté
lab-electra-caption = Ethereum : la chance qu'un validateur soit accepté quand vient son tour
lab-balance = solde
lab-accepted = accepté
lab-chart = { $rule } : part des victoires de chaque miseur sur { $rounds } tours (trait plein) comparée à sa part de la mise (tirets)
lab-chart-axis = tours (échelle log) · trait plein : part des victoires jusqu'ici · tirets : part de la mise
lab-end-title = { $name } : { $wins } des victoires, { $stake } de la mise

## La démonstration du grinding dans le labo d'équité
grinding = Grinding
grinding-title = Grinding : un forgeur peut-il orienter le prochain tirage ?
grinding-help = Le prochain forgeur est tiré à partir du hash du bloc précédent, et ce hash couvre les transactions du bloc dans leur ordre. Un forgeur peut donc essayer chaque ordre et chaque sous-ensemble de son pool, calculer le hash de chaque version (aucune signature n'est nécessaire avant de publier), lancer la loterie sur chacune, et publier celle qui fait de lui — ou d'un complice — le prochain forgeur. Ici, de vrais blocs de vraies transactions signées sont hachés avec le propre code de la chaîne.
grinding-grinder = tricheur{ " " }
grinding-friend = son complice{ " " }
grinding-nobody = personne
grinding-pool = transactions dans son pool{ " " }
# $count : transactions ; $versions : combien de blocs elles permettent.
grinding-versions = { $count } → { $versions } versions de bloc
grinding-blocks = blocs{ " " }
grinding-run = ▶ Honnête contre grinding
grinding-status = { $done } blocs sur { $goal } · { $seconds } s{ $state ->
        [stopped] { " " }· arrêté
        [done] { " " }· terminé
       *[running] {""}
    }
grinding-why = Pourquoi les vraies chaînes ne sont pas si faciles à orienter.{ " " }
grinding-randao = Le RANDAO d'Ethereum mélange la révélation de chaque proposeur, une signature BLS du numéro d'époque : une seule valeur fixe par proposeur, il n'y a donc rien à essayer. Son seul choix est de révéler ou de sauter son créneau — un bit d'influence, payé de son bloc et de sa récompense.{ " " }
grinding-vrf = Algorand et Cardano utilisent une VRF : l'entrée de la loterie est la VRF d'un nonce fixé avant que le contenu de tout bloc n'existe et du numéro de créneau, une sortie par clé et par créneau, donc réordonner les transactions ne change rien.
grinding-share = part des blocs forgés par le camp du tricheur
grinding-its-stake = sa mise
grinding-honest-play = jeu honnête
grinding-ground = grinding, { $versions } versions
grinding-predicted = grinding, prédit
grinding-formula = part prédite à long terme s ÷ (s + (1 − s)^V), pour une part de mise s et V versions : une fois que le camp du tricheur forge, il garde le bloc suivant sauf si les V versions échouent toutes
grinding-first = qui a forgé les { $count } premiers blocs
grinding-honest = honnête
grinding-grinding = grinding
grinding-block = bloc { $height } : { $name }
grinding-block-ground = bloc { $height } : { $name } — le bloc précédent a été manipulé (grinding)
grinding-summary = Le grinding a changé le prochain forgeur dans { $changed } des { $blocks } blocs forgés par le camp du tricheur, en hachant { $tried } versions de bloc en tout (jeu honnête : { $honest }). Un pied sombre marque un bloc gagné parce que le précédent a été manipulé.

## Récompenses et effet boule de neige dans le labo d'équité
# $schedule : constant ou geometric.
cmp-title-of = { $schedule ->
        [geometric] Récompense géométrique
       *[constant] Récompense constante
    }
cmp = Récompenses et effet boule de neige
cmp-title = Récompenses et effet boule de neige : les riches s'enrichissent-ils ?
cmp-help = Le forgeur de chaque bloc gagne une récompense et la mise de nouveau, donc un miseur qui gagne tôt détient plus de mise et gagne plus souvent ensuite. Ici, la part de toute la mise détenue par un miseur est suivie sur de nombreuses simulations indépendantes des mêmes blocs, avec deux façons de verser la même récompense totale : la même récompense à chaque bloc, ou la même fraction de toute la mise à chaque bloc (géométrique). Chaque simulation tire le gagnant de chaque bloc avec exactement sa part de la mise, à partir d'une chaîne de graines SHA-256, dans un worker.
cmp-watch = miseur à suivre{ " " }
cmp-reward = récompense par bloc{ " " }
# $reward : une part de la mise de départ.
cmp-reward-of = { $reward } de la mise de départ
cmp-blocks = blocs{ " " }
cmp-runs = simulations{ " " }
cmp-run = ▶ Lancer les deux modes de récompense
cmp-progress = simulations terminées
cmp-status = { $done } simulations sur { $goal }, de { $blocks } blocs chacune · { $seconds } s{ $state ->
        [stopped] { " " }· arrêté
        [done] { " " }· terminé
       *[running] {""}
    }
cmp-caption = Part finale de { $name } après { $blocks } blocs, { $runs } simulations
cmp-reward-row = récompense par bloc
cmp-rate-of = { $rate } de la mise d'avant
cmp-mean = moyenne, simulée
cmp-mean-exact = moyenne, exacte
cmp-variance = variance, simulée
cmp-variance-exact = variance, exacte
cmp-agreement = simulé vs exact
cmp-sd = écart type
cmp-sd-value = { $sd } (exact { $exact })
cmp-exact = Exact : la moyenne de la part ne bouge jamais (une martingale), et sa variance est v(1 − v)·(1 − Π(1 − (R/T)²)) sur les récompenses R et les totaux T des blocs ; pour une récompense constante r, c'est la variance de la loi bêta-binomiale v(1 − v)·n·r² / ((1 + r)(1 + n·r)), qui tend vers v(1 − v)·r / (1 + r) = { $limit } quand le nombre de blocs augmente. ± vaut une erreur type de la simulation.
cmp-chart = { $schedule } : combien des { $runs } simulations se sont terminées avec chaque part finale de { $name } ; la part de départ { $start } est en tirets
cmp-every-constant =  : { $reward } de la mise de départ à chaque bloc
cmp-every-geometric =  : { $rate } de la mise à chaque bloc, le même total
cmp-bin = { $from } à { $to } : { $count } simulations
cmp-start = départ { $share }
cmp-axis = Part de toute la mise détenue par { $name } après { $blocks } blocs · barres : simulations
# Les chiffres en mots. $mantissa, $error : des décimaux ; $exponent : une puissance de dix en exposant (⁻⁴).
cmp-zero = 0
cmp-scientific = { $mantissa } × 10{ $exponent }
cmp-scientific-error = { $mantissa } ± { $error } × 10{ $exponent }
# $value, $error : des pourcentages (percent).
cmp-plus-minus = { $value } ± { $error }
# $points : des points de pourcentage de part, un décimal.
cmp-points = { $points } points
cmp-agree-equal = égales
cmp-agree-unknown = trop peu de simulations pour le dire
# $errors : un décimal.
cmp-agree-apart = écart de { $errors } erreurs types
# $index : la place du miseur suivi dans le tableau, à partir de 0 (quand il n'a pas de nom).
cmp-staker = miseur { $index }
# Le propos de l'article, avec les chiffres de la simulation. $start, $constant, $geometric, $rate :
# des pourcentages (percent) ; $sd, $exact, $limit : des dispersions (cmp-points).
cmp-point-average = Les riches s'enrichissent-ils ? Pas en moyenne. À chaque bloc, un miseur gagne avec exactement sa part de la mise, donc sa part attendue ne bouge jamais : c'est une martingale. Les deux histogrammes sont centrés sur les { $start } de départ (moyennes { $constant } et { $geometric } sur { $runs } simulations).
cmp-point-luck = Mais la chance fait boule de neige. Avec la même récompense à chaque bloc, un miseur qui gagne tôt détient plus de mise et gagne plus souvent ensuite, donc la part finale s'étale largement autour de son départ : après { $blocks } blocs, un écart type de { $sd } (exactement { $exact }). Plus de blocs ne rééquilibrent pas : l'étalement tend vers v(1 − v)·r / (1 + r), ici { $limit }.
cmp-point-geometric = Verser le même total comme une fraction fixe de la mise à chaque bloc (récompenses géométriques : ici { $rate } de la mise par bloc) étale le moins : { $sd } (exactement { $exact }). Une récompense constante est grande face à la petite mise des premiers blocs, donc la chance du début pèse le plus ; la récompense géométrique pèse pareil à chaque bloc. Fanti et al. prouvent qu'elle est la plus équitable : aucune façon de verser le même total n'étale moins (Compounding of Wealth in Proof-of-Stake Cryptocurrencies, Financial Cryptography 2019).
# Pourquoi une simulation ne peut pas démarrer. $max : le maximum permis ; $rewardPpm : des millionièmes de la mise de départ.
refusal-setup = { $reason ->
        [noStakers] le tableau des mises est vide : ajoutez un miseur
        [tooManyStakers] { $stakers } miseurs, c'est trop : au plus { $max }
        [watchedOutOfRange] le miseur { $watched } n'est pas dans le tableau : choisissez l'un des { $stakers } miseurs (à partir de 0)
        [noStake] personne n'a de mise : donnez à quelqu'un une mise supérieure à 0
        [tooMuchStake] les mises font { $total } au total : au plus { $max }
        [blocks] { $blocks } blocs : choisissez entre 1 et { $max }
        [runs] { $runs } simulations : choisissez entre 1 et { $max }
        [tooMuchWork] { $runs } simulations de { $blocks } blocs, c'est trop de blocs au total : au plus { $max }, pour qu'une simulation dure moins de quelques secondes ; choisissez moins de simulations ou moins de blocs
        [reward] une récompense de { $rewardPpm } millionièmes de la mise par bloc : choisissez entre 1 et { $max } (toute la mise de départ)
       *[other] { $reason }
    }

## Le programme Python qui recalcule un tirage (section du tirage) : ses commentaires.
python-head = Qui forge le bloc #{ $height } ? Recalculez son tirage à la main (Python 3 : hashlib et json seulement).
python-hash = Le hash de la chaîne : SHA-256 du texte x encodé en JSON, en hexadécimal.
python-seed = le hash du bloc parent (bloc #{ $height })
python-stakers = (adresse, mise) : un billet par jeton misé, dans l'ordre des mises
python-by-hand = À la main : le billet k = { $k } de { $name } est H appliquée { $k } fois à son adresse + graine.
python-every-lot = Tous les billets ({ $count } en tout), en gardant les deux plus proches de la référence.
python-tie = En cas d'égalité, le billet le plus ancien gagne.
python-best = (écart, adresse, k, billet), le plus proche d'abord
python-best-of = le plus petit écart de chaque participant
python-fallback = { $name } a gagné le tirage mais n'a pas forgé : avec les créneaux, le participant de rang r peut forger à partir du créneau r.
python-ranked = Les participants sont classés par leur billet le plus proche (égalité : ordre des mises).
python-rank = la page : { $rank }

## The history bar (issue 29)
# $most: how many events a history holds at most.
feed-history-restart = L'historique a atteint { $most } événements : il recommence à partir d'ici
history-label = Historique du réseau
history-play = ▶ Lecture
history-play-title = Reprend à la vitesse choisie ; si le passé est affiché, il le rejoue d'abord
history-pause = ‖ Pause
history-back = ◀ Retour
history-back-title = Un événement en arrière
history-forward = Pas ▶
history-forward-title = Un événement en avant
history-speed = Vitesse
history-slider = Événement affiché
history-mark-block = bloc n° { $height }
history-mark-fork = fourche
history-now = Retour au présent
history-status-now = Maintenant : événement { $event }
history-status-now-paused = Maintenant : événement { $event }, en pause
history-status-past-alone = Événement { $at } sur { $now } : le passé (agir ici crée une nouvelle branche)
history-status-past-linked = Événement { $at } sur { $now } : vue du passé : le réseau continue
history-jump-block = Bloc
history-go = Aller
history-branch = Branche
history-branch-first = { $branch } (la première)
history-branch-from = { $branch } (depuis la { $parent } à l'événement { $event })
history-save = Enregistrer la session
history-save-title = Un fichier avec la clé secrète de chaque nœud (8 Mio, 6 heures au plus)
history-open = Ouvrir un enregistrement :
history-saved = { $file } enregistré (il contient la clé secrète de chaque nœud)
history-opened = Enregistrement de { $events } événements ouvert, en pause à sa fin
history-opening = Ouverture de l'enregistrement : entrée { $done } sur { $total }
history-open-cancel = Annuler
history-open-cancelled = L'ouverture de l'enregistrement a été annulée : rien n'a changé
history-opening-already = Un enregistrement est déjà en cours d'ouverture : attendez-le ou annulez-le
history-too-big = Ce fichier fait { $size } octets : un enregistrement fait au plus { $most } octets (8 Mio)
