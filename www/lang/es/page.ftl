# Las palabras de pos-playground en español. Si falta un texto, se muestra en inglés.
# Sintaxis Fluent (https://projectfluent.org): `clave = texto`, `{ $nombre }` para un valor que
# rellena la página, `{ $count -> [one] … *[other] … }` para los plurales. Conserva cada clave y
# cada `{ $nombre }`; traduce el resto. docs/languages.md explica cómo añadir un idioma.

## El menú de idiomas
language-label = Idioma
language-missing = { $language }: { $count ->
        [one] falta un texto, que se muestra en inglés
        [many] faltan { $count } textos, que se muestran en inglés
       *[other] faltan { $count } textos, que se muestran en inglés
    }

## La parte de arriba de la página
app-lede = Una cadena Proof-of-Stake que funciona en esta pestaña. Cada token en participación es un boleto de lotería: el nodo cuyo boleto cae más cerca de la referencia del bloque forja el siguiente bloque.
netbar =
    .aria-label = Red
netbar-nodes = { $count ->
        [one] nodo aquí
        [many] nodos aquí
       *[other] nodos aquí
    }
netbar-blocks = { $count ->
        [one] bloque
        [many] bloques
       *[other] bloques
    }
netbar-agree = todos los nodos coinciden
netbar-catching-up = nodos poniéndose al día…
netbar-latency = enlaces de { $ms } ms
add-node = + Añadir nodo
new-network = Red nueva…
    .title = Empezar de nuevo con un génesis nuevo (pregunta antes)
remove-node = − Quitar nodo

## Un playground guardado que no se puede recuperar
recovery-title = No se pudo restaurar el playground guardado
recovery-reason = Lo que el navegador guardó para esta pestaña no es un playground válido: { $reason }.
recovery-nothing-overwritten = No se sobrescribe nada hasta que elijas. Conserva una copia de los datos guardados si quieres examinarlos; luego empieza de cero.
recovery-download = Descargar una copia
recovery-start-fresh = Empezar de cero

## El pie de la página
footer-console = Consola:
footer-readme = — consulta el README.

## La tarjeta de un nodo
card-host = anfitrión
    .title = tiene la clave del génesis y la casa de cambio
card-forges-next = forja el siguiente bloque
card-crashed = caído
card-adversary = adversario
card-balance = saldo
card-stake = participación
card-pool = pool
card-height = altura
card-tip = punta
card-actions = Acciones de { $node }
card-action = Acción
card-buy = Comprar
card-transfer = Transferir
card-stake-verb = Aportar participación
card-amount = Cantidad
card-to = Para
card-send = Enviar
card-forge = Forjar ahora
    .title = Forjar un bloque ahora (solo puede hacerlo el ganador del sorteo)
card-not-a-number = Rechazado: «{ $amount }» no es un número entero de tokens

## Archivos de cadena
files =
    .aria-label = Guardar y compartir cadenas
files-export = Exportar la cadena de { $node }
files-with-keys = con claves secretas
files-keys-confirm = ¿Incluir las claves secretas? Quien tenga el archivo podrá gastar los tokens de este nodo (y los de la casa de cambio, en el anfitrión).
files-import = Importar un archivo de cadena:
file-choose = Elegir un archivo…

## La red de pestañas
net =
    .aria-label = Red de pestañas
net-network = Red
net-tab = pestaña
net-role-solo = esta pestaña funciona sola
net-role-discovering = buscando la red «{ $name }»…
net-role-host = esta pestaña aloja la red (génesis y casa de cambio)
net-role-member = esta pestaña es miembro
net-hint-open = Para unir pestañas o ventanas en una sola red, abre
net-hint-each = en cada una de ellas.
net-no-tabs = todavía no hay otras pestañas
net-the-server = el servidor de la clase
net-tab-named = la pestaña { $tab }
# $role es el rol de la pestaña tal como lo llama la consola (host, member); $via: webrtc, relay o here.
net-peer = { $who } · { $role } · altura { $height }{ $via ->
        [webrtc] { " " }· otra máquina
        [relay] { " " }· retransmitida por el servidor
       *[here] {""}
    }
net-more-tabs = y { $count } más (la lista del panel Clase muestra a todos)
net-refused = { $count ->
        [one] { $count } mensaje rechazado
        [many] { $count } mensajes rechazados
       *[other] { $count } mensajes rechazados
    }
net-conflict = La pestaña { $tab } ejecuta otra red llamada «{ $name }» (génesis { $genesis }…, altura { $height }). Las dos no pueden ser una sola cadena.
net-join-theirs = Unirse a la otra red (descartar la cadena de esta pestaña)
net-keep-mine = Quedarme con la mía (ignorar esa pestaña)

## La barra Clase (una página de un servidor de clase con un profesor)
class-bar = Clase
    .aria-label = Clase
class-you-lead = Diriges la clase
class-taking-lead = Tomando el mando…
class-not-leading = No diriges: { $reason }
class-pace =
    .aria-label = Quién marca el ritmo
class-follow-me = Síganme
class-free = Libre
class-clock =
    .aria-label = El reloj de la clase
class-resume = ▶ Reanudar
class-step = Avanzar un bloque
    .title = Exactamente un bloque más: el del forjador legítimo
class-pause = ‖ Pausa
    .title = Ningún nodo de la clase forja hasta que reanudes
class-speed = Velocidad
# $who: teacher (la barra del profesor) o student (la barra de un estudiante, que nombra el reloj).
class-clock-paused-at = { $who ->
        [student] Reloj de la clase: en pausa en el bloque #{ $height }
       *[teacher] En pausa en el bloque #{ $height }
    }
class-clock-paused = { $who ->
        [student] Reloj de la clase: en pausa
       *[teacher] En pausa
    }
class-clock-running = { $who ->
        [student] Reloj de la clase: en marcha { $speed } (un slot dura { $slot })
       *[teacher] En marcha { $speed } (un slot dura { $slot })
    }
class-following = { $following } siguiendo · { $exploring } explorando
class-call-back = Llamar a todos de vuelta
class-refused = { $count ->
        [one] { $count } mensaje de dirección de otras páginas rechazado
        [many] { $count } mensajes de dirección de otras páginas rechazados
       *[other] { $count } mensajes de dirección de otras páginas rechazados
    }
class-no-teacher = Ahora ningún profesor dirige la clase
class-free-explore = Libre: el profesor deja que todos exploren
class-exploring = Explorando por tu cuenta
class-following-at = Siguiendo al profesor · { $step }
class-following-teacher = Siguiendo al profesor
class-follow-teacher = Seguir al profesor
class-explore = Explorar por mi cuenta
class-whole = Todo el playground ↓

## Lo que ve el estudiante del siguiente sorteo
my-draw-next = El siguiente sorteo
my-draw-nobody = Todavía nadie tiene participación: los boletos del primer participante serán todo el sorteo.
my-draw-title = El sorteo del bloque #{ $height }
my-draw-lots = Tus boletos
my-draw-no-lots = ninguno: aporta tokens a tu participación para entrar
my-draw-lots-of = { $lots } de { $total ->
        [one] { $total } boleto
        [many] { $total } boletos
       *[other] { $total } boletos
    }
my-draw-chance = Tu probabilidad
my-draw-reference = La referencia
my-draw-winner = El ganador
my-draw-you-won = { " " }— tú: forjas el siguiente bloque
my-draw-every-lot = Todos los boletos de este sorteo ↓

## Fallos: rompe la red y mira cómo se recupera
faults = Rompe la red y mira cómo se recupera
    .aria-label = Romper la red
faults-subtitle = { " " }— fallos y adversarios para los nodos de esta pestaña
faults-latency = latencia
faults-jitter = jitter
faults-lost = perdidos
faults-apply = Aplicar
faults-now = ahora: { $latency } ms, ±{ $jitter } ms, { $lost } % perdidos
faults-node = nodo
faults-group = grupo
faults-power = encendido
faults-behaviour = comportamiento
faults-group-of = { $node }: grupo { $group }
faults-restart = Reiniciar
faults-crash = Hacer caer
faults-behaviour-of = Comportamiento de { $node }
# $behaviour es el nombre que da el núcleo a un comportamiento (el de la consola): una línea para cada uno.
faults-behaviour-option = { $behaviour ->
        [forgeOutOfTurn] adversario: forja bloques cuando no le toca
        [doubleSpend] adversario: gasta los mismos tokens dos veces, cada gasto a una mitad de sus pares
        [forgedSignature] adversario: envía bloques en nombre del ganador con una firma falsificada
        [equivocate] adversario: forja dos bloques distintos cada vez que puede forjar uno
        [tamperedChain] adversario: ofrece una cadena manipulada a los nodos que se sincronizan con él
       *[honest] honesto
    }
faults-split = Dividir en A | B
faults-heal = Reunir
faults-split-now = red dividida: { $groups }
faults-one-network = una sola red: cada nodo oye a todos los demás

## El panel Clase y su lista
class-connected = Conectado al servidor de la clase: { $webrtc ->
        [one] { $webrtc } página enlazada
        [many] { $webrtc } páginas enlazadas
       *[other] { $webrtc } páginas enlazadas
    } directamente por WebRTC, { $relayed ->
        [one] { $relayed } página retransmitida
        [many] { $relayed } páginas retransmitidas
       *[other] { $relayed } páginas retransmitidas
    } a través del servidor.
class-connecting = Conectando con el servidor de la clase…
class-every-laptop = Cada portátil abre
class-or-scan = o escanea el código (haz clic en él para verlo en grande):
class-qr =
    .title = Mostrar el código en grande, para el proyector (haz clic otra vez para reducirlo)
class-qr-alt = Código QR de { $address }
roster-caption = Todos los de esta red: participación y bloques forjados en la cadena de esta pestaña.
roster-who = Quién
roster-stake = Participación
roster-forged = Bloques forjados
roster-path = Conectado por
roster-online = En línea
roster-follows = Sigue
roster-own = { $node } (esta pestaña)
roster-tab = pestaña { $tab }
roster-account = cuenta { $address }
roster-path-this-tab = esta pestaña
roster-path-channel = canal
roster-path-webrtc = WebRTC
roster-path-relay = retransmisión
roster-path-server = servidor
roster-path-connecting = conectando
roster-path-overlay = a través de otros
roster-path-offline = desconectado
roster-path-elsewhere = otra pestaña u otra máquina
roster-follows-teacher = profesor
roster-follows-following = siguiendo
roster-follows-exploring = explorando
yes = sí
no = no

## La línea de tiempo de los bloques
timeline = Bloques
timeline-subtitle = { " " }— puntos: nodos que tienen el bloque
timeline-txs = { $count } tx
timeline-held = en { $held } de { $nodes } nodos
timeline-holds = { $node }: lo tiene
timeline-not-yet = { $node }: todavía no

## Enlazar máquinas (WebRTC, invitaciones pegadas)
links = Enlazar máquinas
    .aria-label = Enlaces con otras máquinas
# $server: yes cuando el servidor de la clase hizo los enlaces; $open: cuántos están abiertos.
links-summary = { $server ->
        [yes] Enlaces WebRTC hechos por el servidor de la clase
       *[no] WebRTC, sin servidor
    } · esta pestaña es { $tab } · { $open ->
        [one] { $open } enlace abierto
        [many] { $open } enlaces abiertos
       *[other] { $open } enlaces abiertos
    }
links-hint-server = El servidor de la clase enlaza por sí solo esta página con algunas otras y retransmite los pares cuyo enlace no puede abrirse; no hace falta pegar nada. Una máquina sin el servidor todavía se puede enlazar aquí a mano.
links-hint-alone = Las pestañas de este navegador comparten la red por sí solas. Para unir otro equipo: crea aquí una invitación, pégala allí en el panel Enlazar máquinas y acéptala, y luego pega aquí su respuesta.
links-invite-title = Invitar a otra máquina
links-invite = Crear una invitación
links-its-answer = Su respuesta
links-answer-in =
    .placeholder = pos1:… (la respuesta de la otra máquina)
links-complete = Completar el enlace
links-accept-title = Aceptar una invitación
links-the-invitation = La invitación
links-invitation-in =
    .placeholder = pos1:… (la invitación de la otra máquina)
links-accept = Aceptar y crear una respuesta
links-invitation-ready = Invitación lista: cópiala en la otra máquina, acéptala allí y pega su respuesta abajo.
links-answer-ready = Respuesta lista: cópiala de vuelta en la máquina que invitó a esta y pégala allí.
links-no-invitation = Sin invitación: { $reason }
links-answer-taken = Respuesta aceptada: el enlace { $link } se está conectando.
links-link = Enlace { $link }
link-state = { $state ->
        [connecting] conectando
        [open] abierto
        [closed] cerrado
       *[failed] fallido
    }
links-since = { $side } · desde { $since }
links-frames-in = tramas recibidas: { $count }
links-remove = Quitar
links-cancel = Cancelar
links-unknown-tab = una pestaña aún desconocida
links-invited = invitó a { $who }
links-accepted = aceptó la invitación de { $who }
links-no-stun = Sin servidor STUN: las máquinas se enlazan cuando están en una misma red que les deja comunicarse entre sí (la misma red LAN o Wi-Fi sin aislamiento de clientes). Si no, añade ?stun=host:port a la dirección de la página.
links-stun = { $count ->
        [one] Servidor STUN
        [many] Servidores STUN
       *[other] Servidores STUN
    }: { $servers }.
links-not-redialled = Un enlace cerrado o fallido no se vuelve a abrir solo: crea una invitación nueva. La pestaña sigue funcionando con los pares que tiene.
# Por qué un enlace está donde está.
link-reason = { $reason ->
        [waiting] esperando la respuesta: pégala aquí cuando la otra máquina haya aceptado
        [answerMade] respuesta creada: esperando a que la otra máquina la pegue
        [answerPasted] respuesta pegada: las dos máquinas buscan una ruta
        [open] canal de datos abierto
        [trying] las dos máquinas prueban las direcciones de la invitación y de la respuesta
        [interrupted] conexión interrumpida: el navegador sigue intentando llegar a la otra máquina
        [noRoute] las dos máquinas no encontraron ninguna ruta entre sí (ICE falló): ¿se pegó la respuesta en la máquina que invitó? Las dos deben estar en una red que les deje hablar (la misma LAN o una wifi sin aislamiento de clientes), o usar un servidor STUN (?stun=)
        [noAddress] el navegador no encontró ninguna dirección de red que ofrecer: ¿está esta máquina conectada a una red?
        [closed] la conexión se cerró
        [channelClosed] el canal de datos se cerró (la otra máquina cerró su pestaña, se suspendió o perdió la red)
        [goodbye] la pestaña de la otra máquina se cerró o se recargó (se despidió)
        [stuck] sin conexión después de 30 minutos: crea una invitación nueva
       *[failed] no se pudo crear la invitación o la respuesta
    }
# Por qué no se pudo crear una invitación, una respuesta o un enlace. $detail: las palabras del
# propio navegador; $why: el motivo; $step: lo que hacía el navegador; $seconds: cuánto tiempo tenía.
link-error = { $reason ->
        [browser] el navegador dijo: { $detail }
        [timeout] el navegador no logró { $step ->
            [gather] reunir sus direcciones de red
            [offer] crear una oferta
            [ownOffer] tomar su propia oferta
            [theirOffer] tomar la oferta de la invitación
            [answer] crear una respuesta
            [ownAnswer] tomar su propia respuesta
           *[takeAnswer] tomar la respuesta
        } en { $seconds } s
        [noDescription] el navegador no creó ninguna descripción
        [noWebRtc] este navegador no puede crear conexiones WebRTC: { $detail }
        [noInvitation] no se pudo crear una invitación: { $why }
        [noAnswer] no se pudo crear una respuesta: { $why }
        [badInvitation] Esta invitación no se puede usar: { $why }
        [badAnswer] Esta respuesta no se puede usar: { $why }
        [refusedOffer] el navegador rechazó la oferta de la invitación: { $why }
        [gone] la conexión de esta invitación ya no existe: crea una nueva
       *[refusedAnswer] el navegador rechazó esta respuesta: { $why } (¿es la respuesta a esta invitación?)
    }
# $what: invitation o answer.
links-handover = { $what ->
        [answer] respuesta
       *[invitation] invitación
    }
links-characters = { $count } caracteres
links-show-qr = Mostrar como código QR
links-qr-of = Código QR de la { $what ->
        [answer] respuesta
       *[invitation] invitación
    }
links-qr-scanning = Para escanearlo hace falta una cámara y un lector de QR en la otra máquina (un teléfono puede pasar el texto); esta página no escanea. Basta con pegar el texto.
links-qr-too-long = Demasiado largo para un código QR: copia el texto y pégalo en la otra máquina.

## Los nombres que la página da a los nodos y las direcciones
# $number: el número del nodo en esta pestaña, desde 1.
node-name = Nodo { $number }
name-exchange = Casa de cambio
name-class-server = el servidor de la clase
name-genesis = génesis
name-nobody = nadie
# $address: una dirección corta o un id de par (dígitos hexadecimales).
name-address = { $address }
# $node: el nombre de un nodo; $tab: el id de la otra pestaña.
name-peer-of-tab = { $node } @{ $tab }

## El registro de actividad («Qué pasó»); $node es el nombre de un nodo, $peer el nodo del que lo oyó
activity = Qué pasó
    .aria-label = Actividad
feed-forged = { $node } ganó el sorteo y forjó el bloque #{ $height } con { $count ->
        [one] { $count } transacción
        [many] { $count } transacciones
       *[other] { $count } transacciones
    }
feed-forged-in-slot = { $node } forjó el bloque #{ $height } en el slot { $slot }: quedó en el puesto { $rank } del sorteo, y los nodos por delante se quedaron en silencio
# $tip: el hash de la nueva punta, corto; $depth: bloques deshechos; $returned: transacciones devueltas al pool.
feed-reorg = { $node } cambió a una rama mejor (punta { $tip }): { $depth ->
        [one] { $depth } bloque deshecho
        [many] { $depth } bloques deshechos
       *[other] { $depth } bloques deshechos
    }, { $returned ->
        [one] { $returned } transacción devuelta
        [many] { $returned } transacciones devueltas
       *[other] { $returned } transacciones devueltas
    } a su pool
feed-equivocation = { $node } descubrió que { $forger } forjó { $count } bloques distintos a la altura { $height }: guarda la prueba, y la elección de bifurcación se queda con uno
# $behaviour: el nombre que da el núcleo al comportamiento (ver faults-behaviour-option).
feed-misbehaved = { $node } ({ faults-behaviour-option }) actuó a la altura { $height }
feed-chain-replaced = { $node } se había quedado atrás (altura { $old }) y tomó la cadena de { $peer } hasta la altura { $new }
# $why: el motivo, con las palabras de refusal-tx, refusal-block, refusal-chain o refusal-message.
feed-tx-refused = { $node } rechazó una transacción de { $peer }: { $why }
feed-tx-dropped = { $node } descartó una transacción de su pool: { $why }
feed-block-refused = { $node } rechazó el bloque #{ $height } de { $peer }: { $why }
feed-chain-refused = { $node } rechazó la cadena de { $peer }: { $why }
feed-message-dropped = { $node } descartó un mensaje de { $peer }: { $why }
feed-peer-lost = { $node } perdió el contacto con { $peer }
feed-node-joined = { $node } se unió a la red
feed-node-left = { $node } dejó la red
# $amount: tokens; $to: quién los recibe.
feed-asked = { $node } pidió { $amount } tokens a la casa de cambio
feed-staked = { $node } aportó { $amount } tokens a su participación
feed-sent = { $node } envió { $amount } tokens a { $to }
feed-links-now = Enlaces ahora: { $latency } ms de latencia, { $jitter } ms de jitter, { $lost } % perdidos
# $groups: números de nodo, con los grupos separados por "|".
feed-split = La red está dividida: { $groups }
feed-healed = La partición se ha reparado: cada nodo vuelve a oír a todos los demás
feed-crashed = { $node } se cayó
feed-restarted = { $node } se reinició y se está poniendo al día
feed-behaviour-now = { $node } ahora { $behaviour ->
        [forgeOutOfTurn] forja bloques cuando no le toca
        [doubleSpend] gasta los mismos tokens dos veces, cada gasto a una mitad de sus pares
        [forgedSignature] envía bloques en nombre del ganador con una firma falsificada
        [equivocate] forja dos bloques distintos cada vez que puede forjar uno
        [tamperedChain] ofrece una cadena manipulada a los nodos que se sincronizan con él
       *[honest] sigue el protocolo
    }
# $network: el nombre de la red.
feed-joined-network = Esta pestaña se unió a la red «{ $network }» y está descargando su cadena
feed-new-network = Esta pestaña empezó una red nueva, «{ $network }», y aloja el génesis y la casa de cambio
feed-started-network = Nadie ejecuta «{ $network }» todavía: esta pestaña la empezó y aloja el génesis y la casa de cambio
feed-restored = Esta pestaña se restauró desde el almacenamiento del navegador: altura { $height }, cada bloque comprobado de nuevo
feed-imported = Se empezó una red nueva a partir de una cadena importada: { $count ->
        [one] { $count } bloque, comprobado
        [many] { $count } bloques, todos comprobados
       *[other] { $count } bloques, todos comprobados
    }
feed-server-new-chain = El servidor de la clase empezó una cadena nueva (se reinició): esta página se une a ella y conserva sus claves
feed-conflict = La pestaña { $tab } ejecuta otra red con el mismo nombre: elige cuál conservar
feed-invitation-conflict = La invitación de la pestaña { $tab } es para otra red, y esta pestaña tiene bloques propios: elige cuál conservar
feed-linked = Enlace abierto con la pestaña { $tab } en otra máquina (WebRTC)
# $word: cómo terminó el enlace (closed o failed); $reason: por qué (link-reason).
feed-link-over = El enlace con la pestaña { $tab } { $word ->
        [closed] se cerró
       *[failed] falló
    }: { $reason }. Esta pestaña sigue funcionando con los pares que tiene; una invitación nueva la vuelve a enlazar
feed-class-paused-at = El reloj de la clase está en pausa: ningún bloque por encima del #{ $height } hasta que el profesor avance o reanude
feed-class-paused = El reloj de la clase está en pausa
# $speed: por ejemplo ×0.25; $slot: por ejemplo 16 s.
feed-class-runs = El reloj de la clase va a { $speed }: un slot dura { $slot }
feed-called-back = El profesor llamó a todos de vuelta: sigues otra vez al profesor
feed-not-leading = El servidor de la clase no aceptó que se dirija desde aquí: { $reason }
feed-ignored-lesson = Se ignoró la lección «{ $lesson }» del profesor: { $reason }
feed-ignored-lesson-unknown = Se ignoró la lección «{ $lesson }» del profesor: el menú de lecciones de esta página no tiene esa lección
feed-ignored-block = Se ignoró el bloque #{ $height } del profesor: la cadena de esta página termina en el #{ $tip }, y el sorteo del #{ $next } es lo más lejos que puede mostrar

## Lo que dice la tarjeta de un nodo después de una acción
result-asked = Se pidieron { $amount } tokens a la casa de cambio
result-staking = Aportando { $amount } tokens a la participación: esperando un bloque
result-staked = { $amount } tokens aportados a la participación en el bloque #{ $height }
result-sending = Enviando { $amount } tokens a { $to }: esperando un bloque
result-sent = { $amount } tokens enviados a { $to } en el bloque #{ $height }
result-forged = Bloque #{ $height } forjado
result-refused = Rechazado: { $why }
card-to-node = → { $node }

## Rechazos: por qué un nodo rechazó algo. Cada uno elige según $reason, el nombre de la regla.
refusal-no-node = no existe el nodo { $index }
refusal-no-answer = el nodo no respondió
refusal-nothing-happened = no pasó nada
refusal-not-the-winner = { $node } no ganó el sorteo del siguiente bloque: lo ganó { $winner }
# Una transacción. $expected/$got: números de transacción; $balance/$amount: tokens; $nonce, $with: la otra transacción.
refusal-tx = { $reason ->
        [zeroAmount] la cantidad debe ser mayor que cero
        [badSignature] la firma no es del remitente
        [duplicate] esta transacción ya está en el pool
        [alreadyOnChain] esta transacción ya está en la cadena
        [nonceGap] fuera de orden: el siguiente número de transacción del remitente es { $expected }, y este es { $got }
        [insufficientBalance] no hay suficientes tokens: el remitente tiene { $balance } disponibles pero necesita { $amount }
        [selfTransfer] una transferencia debe ir a otra cuenta
        [stakeForOther] una participación solo puede ir a la participación del propio remitente
        [notExchange] solo la casa de cambio puede vender tokens
        [exchangeOnlySells] la cuenta de la casa de cambio solo puede vender tokens, no transferirlos ni ponerlos en participación
        [overflow] la cantidad desbordaría un saldo
        [poolFull] el pool de transacciones está lleno
        [conflict] doble gasto: el número de transacción { $nonce } del remitente ya lo usa { $with }
       *[other] { $reason }
    }
# Un bloque. $forger, $expected, $got: direcciones cortas; $why: el rechazo de una transacción (refusal-tx);
# $future: los ms máximos que un bloque puede ir adelantado; $most: el máximo de transacciones de un bloque.
refusal-block = { $reason ->
        [wrongHeight] altura incorrecta: se esperaba { $expected }, llegó { $got }
        [unknownParent] su hash anterior no es la punta de esta cadena
        [notTheForger] forjado por { $got }, pero la lotería eligió a { $expected }
        [outOfTurn] forjado fuera de turno: { $forger } está en el puesto { $rank } del sorteo, así que puede forjar a partir del slot { $rank }, pero el bloque está en el slot { $slot }
        [badSignature] la firma del forjador no es válida
        [timestampBeforeParent] su marca de tiempo es anterior a la de su bloque padre
        [fromTheFuture] su marca de tiempo va { $ahead } ms por delante del reloj de este nodo (como máximo { $future })
        [tooManyTransactions] más de { $most } transacciones
        [transaction] transacción { $index }: { $why }
        [noStakers] nadie tiene participación
        [notAStaker] forjado por { $forger }, que no tiene participación y, por tanto, ningún boleto en el sorteo
        [belowHorizon] a la altura { $height }, demasiado por debajo de la punta de este nodo (en { $tip }) para importar
        [drawPending] el sorteo sobre su bloque padre { $seed } todavía no está calculado
       *[other] { $reason }
    }
# Una cadena. $why: el rechazo de su bloque (refusal-block).
refusal-chain = { $reason ->
        [empty] la cadena no tiene bloques
        [badGenesis] el bloque 0 no es el bloque génesis
        [otherNetwork] la cadena pertenece a otra red
        [block] bloque { $height }: { $why }
       *[other] { $reason }
    }
# Un mensaje. $why: por qué no se pudo leer (refusal-decode).
refusal-message = { $reason ->
        [decode] { $why }
        [otherNetwork] el mensaje pertenece a otra red
        [badBuySignature] una solicitud de compra que no firmó su comprador
        [badBuyAmount] una solicitud de compra de una cantidad no permitida
       *[other] { $reason }
    }
# $len: los bytes del mensaje; $most: el máximo que puede tener un mensaje; $found/$version: versiones del protocolo.
refusal-decode = { $reason ->
        [tooLarge] el mensaje de { $len } bytes supera el máximo de { $most }
        [malformed] mensaje mal formado: { $detail }
        [version] versión de protocolo { $found }, se esperaba la { $version }
       *[other] { $reason }
    }
# Lo que rompió la propia acción de un nodo. $why: el rechazo de la transacción (refusal-tx); $max: tokens.
refusal-action = { $reason ->
        [transaction] { $why }
        [buyLimit] la casa de cambio vende como máximo { $max } tokens cada vez
       *[other] { $reason }
    }
## Rechazos de lo que alguien hizo en esta página (las barras de fallos, archivos y enlaces, la
## barra de la clase, el «Hazlo» de una lección, la línea de tiempo). La consola da los mismos
## rechazos en inglés.
refusal-busy = ocupado: inténtalo de nuevo
refusal-nothing-done = no se hizo nada
refusal-runs-alone = esta pestaña funciona sola
refusal-most-nodes = una pestaña ejecuta como mucho { $most } nodos
refusal-host-stays = el nodo anfitrión se queda: tiene el génesis y la casa de cambio
refusal-step-paused = un paso solo funciona mientras la red está en pausa
# $what: lo que se pidió a una pestaña enlazada con otras (pause, speed o step).
refusal-linked = { $what ->
        [pause] esta pestaña está enlazada con otras: no puede pausar la red que comparten (su línea de tiempo solo muestra su propio pasado)
        [step] esta pestaña está enlazada con otras: no puede avanzar paso a paso la red que comparten (su línea de tiempo solo muestra su propio pasado)
       *[speed] esta pestaña está enlazada con otras: no puede cambiar la velocidad de la red que comparten (su línea de tiempo solo muestra su propio pasado)
    }
refusal-view-at-present = la vista de esta pestaña está en el presente: la red sigue
refusal-class-paused = el reloj de la clase está en pausa: nadie forja hasta que el profesor avance o reanude
# $most: milisegundos.
refusal-latency = la latencia y el jitter llegan como mucho a { $most } ms
refusal-drop = la pérdida es la proporción de mensajes perdidos, de 0 a 0,9
refusal-no-group = indica al menos un grupo de índices de nodos, p. ej. [[0,1],[2,3]]
refusal-already-down = { $node } ya está caído
refusal-running = { $node } ya está funcionando
# $name: lo que se pidió; $names: los nombres de los comportamientos, como los conoce la consola.
refusal-behaviour = comportamiento desconocido «{ $name }»: usa uno de estos: { $names }
refusal-no-class = esta página no se abrió desde un servidor de la clase
refusal-not-teacher = solo dirige la página del profesor (la que se abre con la dirección del profesor que mostró el servidor de la clase)
refusal-class-offline = el servidor de la clase no está conectado: inténtalo de nuevo en un momento
refusal-class-step = un paso solo funciona mientras el reloj de la clase está en pausa
refusal-teacher-leads = la página del profesor dirige; no sigue a nadie
refusal-no-conflict = no hay conflicto con la pestaña { $tab }
refusal-download = el navegador rechazó la descarga
# $height: el primer bloque de un archivo de cadena que no es válido (0: el archivo en sí).
refused-at-block = Rechazado en el bloque { $height }: { $why }
no-randomness = Este navegador no dio aleatoriedad segura, así que no se pueden crear claves
# Un estado guardado o un archivo de cadena. $detail: las palabras del lector (en inglés); $why: el
# rechazo de un bloque o de una cadena.
refusal-load = { $reason ->
        [unreadable] el texto no se puede leer: { $detail }
        [notOurs] esto no es un archivo de pos-playground
        [version] lo escribió otra versión del playground (formato { $found }; esta lee el { $expected })
        [badKey] una clave guardada está dañada
        [block] el bloque { $height } no es válido: { $why }
       *[other] { $why }
    }

## Rechazos de los enlaces entre máquinas. $link: el identificador de un enlace (L1); $tab, $me: pestañas.
refusal-discovering = esta pestaña aún busca su red de pestañas: inténtalo de nuevo en un segundo
refusal-most-links = esta pestaña ya tiene { $most } enlaces activos: cierra uno antes de crear otro
refusal-own-invitation = esta es la invitación de esta misma pestaña: acéptala en otra máquina
refusal-accepted-already = esta invitación ya se aceptó (enlace { $link }): la otra máquina necesita su respuesta, o crea una invitación nueva
refusal-answer-elsewhere = esta respuesta es para una invitación de la pestaña { $tab }, no de esta pestaña ({ $me })
refusal-no-invitation = ninguna invitación { $link } espera en esta pestaña (las invitaciones terminan al recargar la página): crea una nueva
refusal-not-invited = el enlace { $link } no se hizo con una invitación de esta pestaña
# $state: closed o failed; $why: cómo terminó.
refusal-invitation-over = la invitación { $link } { $state ->
        [closed] está cerrada
       *[failed] falló
    } ({ $why }): crea una nueva
refusal-completed-already = la invitación { $link } ya se completó
# Una invitación o respuesta pegada. $len, $most: bytes; $prefix: cómo empiezan (pos1:);
# $detail: las palabras del lector (en inglés); $expected: invitation o answer.
refusal-signal = { $reason ->
        [empty] no se pegó nada
        [tooLong] el texto tiene { $len } bytes, más de los { $most } que puede tener una invitación o una respuesta
        [noPrefix] esto no es una invitación ni una respuesta de pos-playground: empiezan por «{ $prefix }»
        [badBase64] el texto está dañado: después de «{ $prefix }» solo puede haber letras, dígitos, - y _ (¿se cortó al copiarlo?)
        [badJson] el texto está dañado o es de otra versión: { $detail }
        [wrongKind] { $expected ->
            [invitation] esto es una respuesta (pégala en la máquina que hizo la invitación), pero aquí hace falta una invitación
           *[answer] esto es una invitación (acéptala en otra máquina y luego pega aquí su respuesta), pero aquí hace falta una respuesta
        }
       *[badField] { $flaw ->
            [offerTooLong] su oferta de conexión es demasiado larga
            [answerTooLong] su respuesta de conexión es demasiado larga
            [offerNotSdp] su oferta de conexión no es una descripción de canal de datos WebRTC
            [answerNotSdp] su respuesta de conexión no es una descripción de canal de datos WebRTC
            [linkId] su identificador de enlace no tiene de 1 a 16 letras y dígitos
            [tabId] su identificador de pestaña no tiene de 1 a 16 letras y dígitos
            [networkName] su nombre de red está vacío o es demasiado largo
            [genesisName] su génesis tiene un nombre de red incorrecto
           *[answers] la invitación a la que responde no tiene un nombre correcto
        }
    }

## Rechazos de la línea de tiempo. $asked, $last: eventos; $branch: una rama; $height: un bloque.
refusal-history = { $reason ->
        [noEvent] no existe el evento { $asked }: esta rama tiene los eventos 0 a { $last }
        [noBranch] no existe la rama { $branch }
        [noBlock] en esta rama de la historia no se forjó ningún bloque #{ $height }
       *[tooManyBranches] la historia guarda como mucho { $most } ramas: vuelve al presente para actuar
    }
# $size, $most: bytes; $why: el rechazo del inicio (refusal-load); $index: una entrada (desde 0);
# $detail: qué tiene de malo, en los términos del archivo (en inglés).
refusal-recording = { $reason ->
        [tooBig] la grabación tiene { $size } bytes; una grabación tiene como mucho { $most } bytes (8 MiB)
        [start] su inicio: { $why }
       *[entry] entrada { $index }: { $detail }
    }
history-cannot-open = Esta grabación no se puede abrir: { $why }
history-cannot-save = { $reason ->
        [linked] esta historia contiene lo que dijeron otras pestañas, máquinas o el servidor de la clase: solo se puede guardar la historia de una pestaña que funciona sola
        [tooLong] esta historia es más larga de lo que cabe en una grabación (6 horas)
       *[unwritable] esta historia no se pudo escribir como archivo
    }

## La región en vivo: lo que oye un lector de pantalla, como mucho cada pocos segundos
# $line: una línea del registro de actividad.
announce-line = { $line }.
announce-blocks = { $count } bloques forjados; el más reciente: { $line }.
announce-branches = { $count } cambios a una rama mejor; el más reciente: { $line }.
announce-refusals = { $count } rechazos; el más reciente: { $line }.
# $name: el nombre del ganador.
announce-next = { $name } ganó el sorteo del bloque #{ $height }.

## Números con sus palabras, dondequiera que la página los escriba
# $value: una proporción con dos decimales.
percent = { $value } %
percent-tiny = < 0,01 %
# $factor: una velocidad como múltiplo del reloj de pared, un decimal.
speed-factor = ×{ $factor }
time-seconds = { $seconds } s
lots = { $count ->
        [one] { $count } boleto
        [many] { $count } boletos
       *[other] { $count } boletos
    }

## La sección de la lotería
lottery = Lotería
lottery-title-empty = La lotería
lottery-no-stake = Todavía nadie tiene participación, así que no hay sorteo.
lottery-title = La lotería del bloque #{ $height }
# $node: el nodo cuya cadena lee la sección.
lottery-as-seen = { " " }— tal como la ve { $node }
# $winner: el ganador del sorteo (en negrita antes de estas palabras).
lottery-verdict-next = { " " }ganó el sorteo del siguiente bloque, el #{ $height }: todavía no está forjado.
lottery-verdict-forged = { " " }ganó el sorteo y forjó el bloque #{ $height }.
lottery-verdict-silent = { " " }ganó el sorteo pero se quedó en silencio; { $forger }, en el puesto { $rank }, forjó el bloque #{ $height } en el slot { $slot }.
lottery-blocks = Bloques
lottery-first = ◀◀ #1
    .title = Primer bloque (Home)
lottery-prev = ◀ Anterior
    .title = Bloque anterior (←)
lottery-where = bloque { $height } de { $tip }
lottery-where-next = siguiente bloque
lottery-next = Siguiente ▶
    .title = Siguiente bloque (→)
lottery-newest = Más reciente ▶▶
    .title = Bloque más reciente (End)
lottery-replay = ▶ Repetir la cadena
    .title = Cada bloque por turno, del #1 al más reciente
lottery-replay-still = ▶ Repetir desde el #1
    .title = Movimiento reducido: la repetición empieza en el bloque #1 y tú avanzas con Siguiente (→)
lottery-stop = ■ Detener
lottery-worker-failed = El worker de la lotería no está disponible: { $why }. Los sorteos grandes se calculan en la página, que se queda parada mientras sortea.
lottery-stakes-note = Cada token en participación es un boleto, así que la probabilidad de un participante es su proporción de todos los boletos. Los colores siguen a las tarjetas de los nodos; los números de las marcas son los de los nodos.
lottery-zoom = Zoom
lottery-zoom-in = Acercar +
    .title = Acercar (+)
lottery-zoom-out = Alejar −
    .title = Alejar (−)
lottery-zoom-auto = Auto
# $lots: cuántos boletos (con su palabra); $ms: milisegundos; $where: worker o page.
lottery-timing = { $lots } sorteados en { $ms } ms { $where ->
        [worker] en un Web Worker
       *[page] en la página
    }
lottery-drawing = Sorteando { $lots } en un Web Worker…
lottery-drawing-done = { " " }{ $done } hechos, { $seconds } s
lottery-responsive = La página sigue respondiendo: el mismo núcleo wasm funciona en un hilo en segundo plano. La tabla de participaciones y la explicación de abajo ya están listas.
lottery-keys = Teclas: ← → recorren los bloques, Home / End saltan al primero / al más reciente, + / − hacen zoom.
stakes-caption = Participaciones en el sorteo del bloque #{ $height }
stakes-staker = participante
stakes-stake = participación
stakes-lots = boletos
stakes-chance = probabilidad
    .title = su proporción de todos los boletos: su probabilidad de ganar este sorteo
stakes-forged = forjados
stakes-forged-title = bloques del #1 al #{ $height } que forjó
stakes-winner = ★ ganador
stakes-wins = ★ gana
stakes-fallback = forjó, puesto { $rank }
stakes-lots-title = boletos k = 1 … { $stake }
stakes-all = todos
why = Por qué este forjador
why-title-forged = Por qué { $winner } forjó el bloque #{ $height }
why-title-next = Por qué { $winner } forja a continuación el bloque #{ $height }
why-seed = Semilla.{ " " }
why-seed-text = El hash del bloque padre #{ $parent }:{ " " }
why-reference = Referencia.{ " " }
why-reference-text = Todos calculan el hash de la semilla: H(semilla) ={ " " }
why-reference-point = . Leído como un número de 256 bits, es un punto de la recta.
why-lots = Boletos.{ " " }
# $lots: todos los boletos con su palabra; $stake: los boletos del ganador; $share: su porcentaje.
why-lots-text = Cada token en participación es un boleto; el boleto k de un participante es H aplicada k veces a su dirección + la semilla. { $lots } en total; { $winner } tiene { $stake } ({ $share }).
why-winning = Boleto ganador.{ " " }
why-winning-text = El boleto más cercano a la referencia es el boleto k = { $k } de { $winner }:{ " " }
why-offset = , distancia{ " " }
# $offset: a qué distancia de la referencia está el boleto ganador (lottery-offset-…).
why-offset-share = { " " }— { $offset }.
why-runner-up = Segundo.{ " " }
why-runner-up-text = Boleto k = { $k } de { $name }:{ " " }
why-runner-up-ratio = , { $ratio } veces más lejos de la referencia.
why-runner-up-none = Ninguno: solo hay un boleto.
why-forger = Forjador.{ " " }
why-forger-next = Así que { $winner } puede forjar el bloque #{ $height } enseguida; cualquier otro tiene que esperar a un slot posterior —{ " " }
why-forger-forged = Así que { $winner } forjó el bloque #{ $height } —{ " " }
why-forger-silent = { $winner } se quedó en silencio, así que el bloque #{ $height } llegó en el slot { $slot }, del participante en el puesto { $rank } (los participantes se ordenan por su boleto más cercano; desde el slot r, el participante del puesto r también puede forjar): { $forger } —{ " " }
why-forger-end = . Más participación significa más boletos, así que más probabilidad, nunca certeza.
lottery-offset-tiny = menos de 1 parte entre 2^64 del rango
# $percent: una proporción del rango; $parts: 1 parte entre cuántas.
lottery-offset-share = { $percent } % del rango
lottery-offset-share-parts = { $percent } % del rango (1 parte entre { $parts })
lottery-ratio-huge = muchísimo más de 10^6
python = Compruébalo tú mismo en Python
python-help = Pega esto en Python 3 (solo usa hashlib y json). Recalcula a mano la referencia y el boleto ganador, luego cada boleto, e imprime los valores que se muestran arriba.
python-snippet = El fragmento de Python

## La recta numérica de la lotería
line-reference = referencia
line-reference-seed = referencia H(semilla)
line-offset = distancia
# $name: un participante; $k: el índice del boleto.
line-winner-label = ganador: { $name }, boleto k = { $k }
line-runner-up-label = segundo: { $name }, boleto k = { $k }
# $power: por ejemplo 2^200.
line-minus = referencia − { $power }
line-plus = referencia + { $power }
# $role: el papel del boleto en el sorteo; $side: above (encima) o below (debajo); $offset: lottery-offset-….
line-lot-words = boleto k = { $k } de { $name }{ $role ->
        [winner] { " " }(el ganador)
        [runner-up] { " " }(el segundo)
       *[other] {""}
    }, { $side ->
        [above] por encima de
       *[below] por debajo de
    } la referencia, distancia { $offset }
line-lot-short = boleto k = { $k } de { $name }
line-card-staker = participante
line-card-winner = ganador
line-card-runner-up = segundo
line-card-index = índice k
line-card-hash = hash
line-card-offset = distancia
line-card-offset-words = { " " }— { $offset }, { $side ->
        [above] por encima de
       *[below] por debajo de
    } la referencia
line-runner-up = El segundo: { $lot }.
line-no-runner-up = No hay segundo: solo hay un boleto.
# $lots: todos los boletos con su palabra; $zoom: el aumento; $won: el boleto ganador en palabras; $runner: line-runner-up o line-no-runner-up.
line-words = Recta numérica de los 2^256 valores: { $lots }, la referencia y un zoom ({ $zoom }) a su alrededor. El boleto ganador: { $won }. { $runner }
line-slice = { $lots } en este 1/4096 del rango:{ " " }
line-slice-count = { $name } { $count }
line-slice-closest = De estos, el más cercano a la referencia:
line-hint = Señala la recta, o enfoca un boleto en el zoom (Tab), para leer su participante, su índice k, su hash y su distancia.
line-axis = todos los valores posibles de un boleto, 0 … 2^256 − 1: { $lots }
line-zoom-note = Zoom { $zoom }: la recta de abajo muestra la referencia ± 2^{ $exp }{ " " }
line-zoom-in-view = ({ $lots } a la vista).

## El historial de forjadores, bajo la lotería
history = Historial de forjadores
history-title = Quién forjó cada bloque
history-empty = Todavía no se ha forjado ningún bloque: el historial empieza con el bloque #1.
history-range = { " " }— bloques del #1 al #{ $blocks }; haz clic en uno para ver su lotería
history-strip = { $blocks ->
        [one] { $blocks } bloque, del color de su forjador
        [many] { $blocks } bloques, cada uno del color de su forjador
       *[other] { $blocks } bloques, cada uno del color de su forjador
    }
history-block = Bloque #{ $height }: forjado por { $name }
history-chart = La proporción de bloques forjados hasta ahora por cada participante (línea continua) frente a su proporción de la participación (discontinua)
history-first = bloque #1
history-last = bloque #{ $blocks }
history-key = continua: proporción de bloques forjados hasta ahora · discontinua: proporción de la participación
# $share, $stake: porcentajes con un decimal.
history-legend = { " " }forjó { $forged } de { $blocks ->
        [one] { $blocks } bloque
        [many] { $blocks } bloques
       *[other] { $blocks } bloques
    } ({ $share } %); su participación: { $stake } % en el último sorteo

## Las vistas Python de un nodo (/blockchain, /transactionPool, /info)
# $from, $to: nombres; $amount: tokens.
tx-stake = { $from } aporta { $amount } a su participación
tx-exchange = La casa de cambio vende { $amount } → { $to }
tx-transfer = { $from } paga { $amount } → { $to }
chain-table = Bloques, del más reciente al más antiguo
chain-height = #
chain-hash = hash
chain-previous = anterior
chain-forger = forjador
chain-time = hora
chain-transactions = transacciones
chain-none = ninguna
pool-empty = El pool está vacío: cada transacción que conoce este nodo está en un bloque.
pool-table = Transacciones en el pool
pool-type = tipo
pool-what = qué
pool-nonce = nonce
pool-id = id
info-address = Dirección{ " " }
# $forger: el nombre del siguiente forjador; $count: pares.
info-line = Altura { $height } · siguiente forjador: { $forger } · { $count ->
        [one] { $count } par
        [many] { $count } pares
       *[other] { $count } pares
    }:{ " " }
info-stakers = Participantes
info-staker = participante
info-stake = participación (= boletos)
info-chance = probabilidad de forjar
panels = Vistas del nodo
panels-node = Nodo
panels-view = Vista
panels-chain = Blockchain
panels-pool = Pool
panels-info = Info
panels-raw = { " " }JSON sin procesar
panels-body = Vista del nodo

## El árbol de bloques
tree = Árbol de bloques
tree-title = El árbol de bloques tal como lo ve { $node }
tree-subtitle = { " " }— fila de arriba: la cadena que sigue; abajo: las ramas laterales que conserva (bifurcaciones)
tree-scroll = El árbol de bloques, con desplazamiento lateral
tree-picture = { $blocks ->
        [one] { $blocks } bloque
        [many] { $blocks } bloques
       *[other] { $blocks } bloques
    }, { $sides } de ellos en ramas laterales
# $height: el bloque; $forger: su forjador; $slot, $rank; $count: transacciones; $hash: corto.
tree-block = #{ $height } por { $forger } · slot { $slot } · puesto { $rank } · { $count } tx · { $hash }

## El botón Copiar
copy = Copiar
copy-done = Copiado.
copy-selected = Seleccionado: pulsa Ctrl+C (⌘C en un Mac) para copiarlo.

## La página alrededor de las secciones
no-randomness-help = Cada clave del playground sale del generador aleatorio seguro del navegador (crypto.getRandomValues), y este navegador lo ha rechazado. No se usa en su lugar nada más débil, así que la página no inicia ninguna red. Prueba con otro navegador, o abre esta página por https o en localhost.
new-network-confirm = ¿Empezar una red nueva? Se reemplazan la cadena, los saldos y las claves de esta pestaña; exporta antes la cadena si quieres conservarla.
# $file: el nombre del archivo.
files-saved = Guardado { $file }
files-no-node = no existe ese nodo
files-checking = Comprobando el archivo: la firma, las transacciones y la lotería de cada bloque…
files-imported = Se importó una cadena válida de altura { $height }: esta pestaña ejecuta ahora una red nueva a partir de ella
# $why: el rechazo, en palabras.
refused = Rechazado: { $why }
# En la barra Clase: en qué punto está la lección del profesor.
lesson-step-of = paso { $step } de { $steps }
next-forger = Siguiente forjador
next-block = Siguiente bloque
next-drawing = Sorteando la lotería tras el bloque más reciente: { $lots }, en un Web Worker para que la página quede libre. Nadie forja sobre él hasta que termine el sorteo.
# $name: el ganador (en negrita antes de estas palabras).
next-won = { " " }ganó el sorteo del bloque #{ $height }. Lo forja en cuanto su pool tenga una transacción.
next-nobody = Nadie tiene participación.

## La navegación de arriba y el panel de lecciones
sections = Secciones
section-nodes = Nodos
section-lottery = Lotería
section-fairness = Equidad
section-faults = Fallos
section-tree = Árbol de bloques
section-panels = Vistas Python
section-key = tecla { $number }
keys-switch = Teclas 1–6
    .title = Las teclas 1 a 6 saltan a las secciones; desactívalas si te molestan
keys-on = { " " }activadas
keys-off = { " " }desactivadas
lessons = Lecciones
lessons-menu = Lecciones…
presenter = Presentador
lesson = Lección
lesson-loading = Cargando la lección…
lesson-close = Cerrar
lesson-close-esc = Cerrar (Esc)
lesson-waiting = Esperando a que ocurra: pulsa Hazlo, o hazlo a mano.
lesson-done = ✓ Hecho.
lesson-already = ✓ Ya está así. Pasa al siguiente cuando quieras.
lesson-nothing-to-do = Nada que hacer: ningún nodo encaja
lesson-not-shown = la parte de la página que muestra este paso no está ahí ahora
lesson-opening = se está abriendo otra lección
# Una lección que no se puede abrir. $file: su ruta; $why: lo que dijo el navegador o el servidor;
# $problem: qué tiene de malo el archivo, en los términos del formato de lecciones (en inglés, como sus claves title: y step:).
lesson-error = { $reason ->
        [badName] «{ $name }» no es un nombre de lección (letras minúsculas, dígitos y -)
        [missing] No se pudo cargar el archivo de lección { $file }: { $why }
        [damaged] El archivo de lección { $file } está dañado: { $problem }
       *[line] El archivo de lección { $file } está dañado, línea { $line }: { $problem }
    }
# $title: el título de la lección (de su archivo).
lesson-where = { $title } · paso { $step } de { $steps }
lesson-back = ◀ Atrás
lesson-do = Hazlo
# $button: lo que hace el botón del paso (del archivo de la lección).
lesson-do-what = Hazlo: { $button }
lesson-next = Siguiente ▶

## El laboratorio de equidad. $rule: el nombre de la regla en la consola (lots, weighted, cometbft, ethereum, algorand, praos).
rule-name = { $rule ->
       *[lots] Boletos (esta cadena)
        [weighted] Un sorteo ponderado
        [cometbft] CometBFT por turnos (round-robin)
        [ethereum] Ethereum (Electra)
        [algorand] Sorteo de Algorand
        [praos] Cardano Praos
    }
rule-short = { $rule ->
       *[lots] Boletos
        [weighted] Ponderado
        [cometbft] CometBFT
        [ethereum] Ethereum
        [algorand] Algorand
        [praos] Praos
    }
rule-how = { $rule ->
       *[lots] Cada token en participación es un boleto, una cadena de hashes SHA-256 a partir de la clave del participante y la semilla; gana el boleto más cercano a H(semilla). Un hash por token y por bloque: es justo, pero el trabajo crece con la participación.
        [weighted] Un solo hash de la semilla elige un punto en la recta de toda la participación, en la que cada participante tiene un tramo tan largo como su participación. Las mismas probabilidades que con los boletos, con un solo hash sea cual sea la participación.
        [cometbft] Sin azar: en cada ronda, la prioridad de cada validador crece según su poder de voto; el de prioridad más alta propone y devuelve el poder total. Los turnos llegan en proporción exacta, así que se puede predecir quién es el siguiente.
        [ethereum] Cada token es 1 ETH; un participante ejecuta un validador por cada 2048 ETH (el último se queda con el resto). La semilla baraja los validadores (swap-or-not, 90 rondas) y los recorre en ese orden: cada uno se acepta con una probabilidad de más o menos su saldo ÷ 2048 ETH (un valor aleatorio de 16 bits); si no, se prueba el siguiente. Los validadores pequeños son casi proporcionales a la participación; cerca de 2048 ETH, el primero del orden tiene ventaja (2048 y 1024 ETH obtienen 75 % y 25 %, no 67 % y 33 %). Electra (2025) subió el límite de 32 a 2048 ETH y el valor aleatorio de 8 a 16 bits.
        [algorand] Cada token es, de forma independiente, un voto con probabilidad τ ÷ participación total (aquí τ = 20), así que los votos de un participante siguen una distribución binomial. Se forma un comité de unos 20 votos; sus miembros comparten la ronda. La prueba cuenta votos.
        [praos] Cada participante lidera en secreto un slot con probabilidad φ(σ) = 1 − (1 − f)^σ, f = 1/20: un slot puede no tener líder o tener varios. φ crece un poco más despacio que σ, así que dividir la participación no da ninguna ventaja.
    }
rule-source = { $rule ->
       *[lots] Proof-of-Stake-in-Python, ProofOfStake.py
        [weighted] el sorteo ponderado por participación de los libros de texto
        [cometbft] especificación de CometBFT, proposer-selection.md
        [ethereum] consensus-specs, compute_proposer_index de Electra; idéntico bit a bit
        [algorand] Gilad et al., Algorand, SOSP 2017
        [praos] David et al., Ouroboros Praos, Eurocrypt 2018
    }
# $p: el valor p en palabras (fairness-p-…); $against: stake o design.
fairness-verdict = { $verdict ->
        [tooFew] Todavía hay muy pocas victorias para hacer la prueba: ejecuta más rondas.
        [exact] Más cerca de { fairness-target } de lo que el azar llegaría nunca (p = { $p }): los turnos los reparte una regla, no un sorteo.
        [fits] Las victorias encajan con { fairness-target }. Una diferencia así de grande o mayor ocurre por puro azar con una frecuencia de { $p }, así que no hay ninguna señal de diferencia.
        [borderline] En el límite frente a { fairness-target }: una diferencia así de grande ocurre por azar con una frecuencia de solo { $p }. Ejecuta más rondas: una diferencia real se ve cada vez más clara, y la suerte se compensa.
       *[deviates] Las victorias no siguen { fairness-target }: el azar por sí solo daría una diferencia así de grande con una frecuencia de solo { $p }.
    }
fairness-target = { $against ->
        [design] lo que la regla está diseñada para dar
       *[stake] las proporciones de participación
    }
fairness-p-tiny = menos de 1 entre un millón
# $n: 1 entre cuántos.
fairness-p-one-in = 1 entre { $n }
# $percent: un porcentaje.
fairness-p-percent = { $percent } %
fairness = Laboratorio de equidad
fairness-subtitle = { " " }— ¿sigue la lotería a la participación? Miles de rondas, y cómo eligen otras cadenas
lab-loading = El laboratorio está llegando…
lab-not-loaded = No se pudo cargar el laboratorio ({ $why }). Recarga la página para intentarlo de nuevo.
fairness-lede = Cada ronda sortea un forjador a partir de la tabla de participaciones; su semilla es el hash de la ronda anterior, como en la cadena. La misma tabla se ejecuta con seis reglas en paralelo, fuera del hilo de la página, cada una exactamente como la define su fuente. Después vienen dos pruebas: ¿se acerca la proporción de victorias de cada participante a su proporción de la participación? ¿Y se acerca a lo que la regla está hecha para dar? (Las dos difieren en Ethereum cerca de 2048 tokens, y Algorand y Praos pueden elegir a varios o a nadie.)
lab-staker = participante
lab-stake = participación
lab-share = proporción
# $name: un participante de la tabla del laboratorio.
lab-stake-of = Participación de { $name }
lab-remove = quitar a { $name }
lab-add = + Participante
lab-network = Las participaciones de la red
lab-example = Ejemplo 10 / 30 / 60
lab-rounds = rondas{ " " }
lab-lots-per-round = { $lots } por ronda para la regla de los boletos
lab-rules = reglas
lab-stop = ■ Detener
lab-run = ▶ Ejecutar
lab-starting = iniciando el worker…
# $name: un participante; $stake: lo que se escribió.
lab-not-a-number = la participación de { $name }, «{ $stake }», no es un número entero
# Por qué no puede ejecutarse el laboratorio. $max: lo máximo permitido; $detail: las palabras del laboratorio del núcleo (en inglés).
refusal-lab = { $reason ->
        [noStakers] la tabla de participación está vacía: añade un participante
        [tooManyStakers] { $stakers } participantes son demasiados: como mucho { $max }
        [noStake] nadie tiene participación: da a alguien una participación mayor que 0
        [tooMuchStake] las participaciones suman { $total }: como mucho { $max } (cada boleto se hashea en cada ronda)
        [rounds] { $rounds } rondas: elige entre 1 y { $max }
        [noRule] elige al menos una regla
       *[lab] { $detail }
    }
# Por qué no puede empezar una ejecución de grinding. $grinder, $friend: índices de participantes; $pool: transacciones.
refusal-grind = { $reason ->
        [grinderOutOfRange] quien hace grinding debe ser uno de los { $stakers } participantes (se dio el índice { $grinder })
        [friendOutOfRange] el amigo debe ser uno de los { $stakers } participantes (se dio el índice { $friend })
        [poolTooLarge] el pool puede tener como mucho { $max } transacciones (se dieron { $pool })
        [noStake] algún participante debe tener participación
        [tooManyLots] las participaciones pueden sumar como mucho { $max } boletos (se dieron { $lots })
        [tooManyStakers] como mucho { $max } participantes (se dieron { $stakers })
       *[other] { $reason }
    }
lab-rounds-of = { $done } de { $goal } rondas
lab-draws-of = { $done } de { $goal } sorteos: { $rounds } rondas × { $rules } reglas
# $work: lab-rounds-of o lab-draws-of; $seconds: tiempo; $state: en qué punto está la ejecución.
lab-status = { $work } · { $seconds } s{ $state ->
        [stopped] { " " }· detenido
        [done] { " " }· terminado
       *[running] {""}
    }
lab-follow-stake = ¿Sigue a la participación? χ² = { $chi } con { $degrees } grados de libertad, p = { $p }.{ " " }
lab-follow-design = ¿Hace lo que querían sus diseñadores? χ² = { $chi } frente a las proporciones que la regla está hecha para dar, p = { $p }.{ " " }
lab-stake-share = proporción de participación
lab-votes = { $count } votos
lab-wins = { $count } victorias
lab-expected = esperado { $share }
lab-rounds-row = rondas
lab-p-value = valor p
lab-chi-expected = χ² frente a lo esperado
    .title = las victorias frente a lo que cada regla está hecha para dar
lab-p-expected = valor p frente a lo esperado
lab-empty-shared = rondas vacías / compartidas
    .title = rondas sin líder / con varios líderes, y la proporción esperada de esas rondas
lab-expected-pair = esperado { $empty } / { $shared }
lab-rule-note = { $name }. { $how }
lab-rule-source = { " " }({ $source })
lab-electra = Ethereum: la probabilidad de que se acepte un validador
lab-electra-caption = Ethereum: la probabilidad de que se acepte un validador cuando le llega el turno
lab-balance = saldo
lab-accepted = aceptado
lab-chart = { $rule }: la proporción de victorias de cada participante en { $rounds } rondas (continua) frente a su proporción de la participación (discontinua)
lab-chart-axis = rondas (escala logarítmica) · continua: proporción de victorias hasta ahora · discontinua: proporción de la participación
lab-end-title = { $name }: { $wins } de las victorias, { $stake } de la participación

## La demostración de grinding en el laboratorio de equidad
grinding = Grinding
grinding-title = Grinding: ¿puede un forjador dirigir el siguiente sorteo?
grinding-help = El siguiente forjador se sortea a partir del hash del bloque anterior, y ese hash cubre las transacciones del bloque en su orden. Así que un forjador puede probar cada orden y cada subconjunto de su pool, calcular el hash de cada versión (no hace falta firmar hasta publicar), ejecutar la lotería con cada una y publicar la que lo convierte a él — o a un amigo — en el siguiente forjador. Aquí se calculan los hashes de bloques reales, con transacciones firmadas reales, usando el propio código de la cadena.
grinding-grinder = quien hace grinding{ " " }
grinding-friend = su amigo{ " " }
grinding-nobody = nadie
grinding-pool = transacciones en su pool{ " " }
# $count: transacciones; $versions: cuántos bloques distintos forman.
grinding-versions = { $count } → { $versions } versiones del bloque
grinding-blocks = bloques{ " " }
grinding-run = ▶ Honesto frente a grinding
grinding-status = { $done } de { $goal } bloques · { $seconds } s{ $state ->
        [stopped] { " " }· detenido
        [done] { " " }· terminado
       *[running] {""}
    }
grinding-why = Por qué las cadenas reales no son tan fáciles de dirigir.{ " " }
grinding-randao = RANDAO, en Ethereum, mezcla la revelación de cada proponente, una firma BLS del número de época: un solo valor fijo por proponente, así que no hay nada que probar. Su única elección es revelar o saltarse su slot — un bit de influencia, que paga con su bloque y su recompensa.{ " " }
grinding-vrf = Algorand y Cardano usan una VRF: la entrada de la lotería es la VRF de un nonce fijado antes de que exista el contenido de ningún bloque y del número de slot, una salida por clave y slot, así que reordenar las transacciones no cambia nada.
grinding-share = proporción de bloques forjados por el lado de quien hace grinding
grinding-its-stake = su participación
grinding-honest-play = juego honesto
grinding-ground = grinding, { $versions } versiones
grinding-predicted = grinding, predicción
grinding-formula = proporción predicha a largo plazo s ÷ (s + (1 − s)^V), para una proporción de participación s y V versiones: cuando el lado de quien hace grinding forja, se queda con el siguiente bloque salvo que fallen las V versiones
grinding-first = quién forjó los primeros { $count } bloques
grinding-honest = honesto
grinding-grinding = grinding
grinding-block = bloque { $height }: { $name }
grinding-block-ground = bloque { $height }: { $name } — al bloque anterior se le hizo grinding
grinding-summary = El grinding cambió el siguiente forjador en { $changed } de los { $blocks } bloques que forjó el lado de quien hace grinding, tras calcular el hash de { $tried } versiones de bloque en total (juego honesto: { $honest }). Un pie oscuro marca un bloque ganado porque al anterior se le hizo grinding.

## Recompensas y capitalización en el laboratorio de equidad
# $schedule: constant o geometric.
cmp-title-of = { $schedule ->
        [geometric] Recompensa geométrica
       *[constant] Recompensa constante
    }
cmp = Recompensas y capitalización
cmp-title = Recompensas y capitalización: ¿los ricos se hacen más ricos?
cmp-help = El forjador de cada bloque gana una recompensa y la vuelve a poner en participación, así que un participante que gana pronto tiene más participación y luego gana más a menudo. Aquí se sigue la proporción de un participante sobre toda la participación a lo largo de muchas ejecuciones independientes de los mismos bloques, con dos formas de pagar la misma recompensa total: la misma recompensa en cada bloque, o la misma fracción de toda la participación en cada bloque (geométrica). Cada ejecución sortea el ganador de cada bloque con exactamente su proporción de la participación, a partir de una cadena de semillas SHA-256, en un worker.
cmp-watch = participante que seguir{ " " }
cmp-reward = recompensa por bloque{ " " }
# $reward: una proporción de la participación inicial.
cmp-reward-of = { $reward } de la participación inicial
cmp-blocks = bloques{ " " }
cmp-runs = ejecuciones{ " " }
cmp-run = ▶ Ejecutar los dos esquemas
cmp-progress = ejecuciones hechas
cmp-status = { $done } de { $goal } ejecuciones de { $blocks } bloques · { $seconds } s{ $state ->
        [stopped] { " " }· detenido
        [done] { " " }· terminado
       *[running] {""}
    }
cmp-caption = Proporción final de { $name } tras { $blocks } bloques, { $runs } ejecuciones
cmp-reward-row = recompensa por bloque
cmp-rate-of = { $rate } de la participación anterior
cmp-mean = media, simulada
cmp-mean-exact = media, exacta
cmp-variance = varianza, simulada
cmp-variance-exact = varianza, exacta
cmp-agreement = simulado frente a exacto
cmp-sd = desviación típica
cmp-sd-value = { $sd } (exacta: { $exact })
cmp-exact = Exacto: la media de la proporción nunca se mueve (es una martingala), y su varianza es v(1 − v)·(1 − Π(1 − (R/T)²)) sobre las recompensas R y los totales T de los bloques; para una recompensa constante r, es la de la Beta-Binomial, v(1 − v)·n·r² / ((1 + r)(1 + n·r)), que tiende a v(1 − v)·r / (1 + r) = { $limit } a medida que crece el número de bloques. ± es un error estándar de la simulación.
cmp-chart = { $schedule }: cuántas de las { $runs } ejecuciones terminaron con cada proporción final de { $name }; la proporción inicial, { $start }, va en discontinua
cmp-every-constant = : { $reward } de la participación inicial en cada bloque
cmp-every-geometric = : { $rate } de la participación en cada bloque, el mismo total
cmp-bin = de { $from } a { $to }: { $count } ejecuciones
cmp-start = inicio { $share }
cmp-axis = proporción de { $name } sobre toda la participación tras { $blocks } bloques · barras: ejecuciones
# Las cifras en palabras. $mantissa, $error: decimales; $exponent: una potencia de diez en superíndice (⁻⁴).
cmp-zero = 0
cmp-scientific = { $mantissa } × 10{ $exponent }
cmp-scientific-error = { $mantissa } ± { $error } × 10{ $exponent }
# $value, $error: porcentajes (percent).
cmp-plus-minus = { $value } ± { $error }
# $points: puntos porcentuales de proporción, un decimal.
cmp-points = { $points } puntos
cmp-agree-equal = iguales
cmp-agree-unknown = demasiadas pocas ejecuciones para saberlo
# $errors: un decimal.
cmp-agree-apart = a { $errors } errores típicos de distancia
# $index: el lugar del participante seguido en la tabla, desde 0 (cuando no tiene nombre).
cmp-staker = participante { $index }
# La idea del artículo, con las cifras de la propia ejecución. $start, $constant, $geometric, $rate:
# porcentajes (percent); $sd, $exact, $limit: dispersiones (cmp-points).
cmp-point-average = ¿Los ricos se hacen más ricos? No en promedio. En cada bloque, un participante gana con exactamente su proporción de la participación, así que su proporción esperada nunca cambia: es una martingala. Los dos histogramas se centran en el { $start } inicial (medias { $constant } y { $geometric } en { $runs } ejecuciones).
cmp-point-luck = Pero la suerte se acumula. Con la misma recompensa en cada bloque, un participante que gana pronto tiene más participación y luego gana más a menudo, así que la proporción final se dispersa mucho alrededor de su inicio: tras { $blocks } bloques, una desviación típica de { $sd } (exactamente { $exact }). Más bloques no lo igualan: la dispersión tiende a v(1 − v)·r / (1 + r), aquí { $limit }.
cmp-point-geometric = Pagar el mismo total como una fracción fija de la participación en cada bloque (recompensas geométricas: aquí, { $rate } de la participación por bloque) es lo que menos dispersa: { $sd } (exactamente { $exact }). Una recompensa constante es grande frente a la poca participación de los primeros bloques, así que la suerte temprana pesa más; la recompensa geométrica pesa igual en cada bloque. Fanti et al. demuestran que es la más equitativa: ninguna forma de repartir el mismo total dispersa menos (Compounding of Wealth in Proof-of-Stake Cryptocurrencies, Financial Cryptography 2019).
# Por qué no puede empezar una ejecución. $max: lo máximo permitido; $rewardPpm: millonésimas de la participación inicial.
refusal-setup = { $reason ->
        [noStakers] la tabla de participación está vacía: añade un participante
        [tooManyStakers] { $stakers } participantes son demasiados: como mucho { $max }
        [watchedOutOfRange] el participante { $watched } no está en la tabla: elige uno de los { $stakers } participantes (desde 0)
        [noStake] nadie tiene participación: da a alguien una participación mayor que 0
        [tooMuchStake] las participaciones suman { $total }: como mucho { $max }
        [blocks] { $blocks } bloques: elige entre 1 y { $max }
        [runs] { $runs } ejecuciones: elige entre 1 y { $max }
        [tooMuchWork] { $runs } ejecuciones de { $blocks } bloques son demasiados bloques en total: como mucho { $max }, para que una ejecución dure menos de unos segundos; elige menos ejecuciones o menos bloques
        [reward] una recompensa de { $rewardPpm } millonésimas de la participación por bloque: elige entre 1 y { $max } (toda la participación inicial)
       *[other] { $reason }
    }

## El programa de Python que recalcula un sorteo (sección del sorteo): sus comentarios.
python-head = ¿Quién forja el bloque #{ $height }? Recalcula su sorteo a mano (Python 3: solo hashlib y json).
python-hash = El hash de la cadena: SHA-256 del texto x codificado en JSON, en hexadecimal.
python-seed = el hash del bloque padre (bloque #{ $height })
python-stakers = (dirección, participación): un boleto por cada token en participación, en orden de participación
python-by-hand = A mano: el boleto k = { $k } de { $name } es H aplicada { $k } veces a su dirección + semilla.
python-every-lot = Todos los boletos ({ $count } en total), guardando los dos más cercanos a la referencia.
python-tie = En caso de empate, gana el boleto anterior.
python-best = (distancia, dirección, k, boleto), el más cercano primero
python-best-of = la distancia más corta de cada participante
python-fallback = { $name } ganó el sorteo pero no forjó: con slots, el participante del puesto r puede forjar a partir del slot r.
python-ranked = Los participantes se ordenan por su boleto más cercano (empates: orden de participación).
python-rank = la página: { $rank }

## The history bar (issue 29)
# $most: how many events a history holds at most.
feed-history-restart = La historia llegó a { $most } eventos: empieza de nuevo desde aquí
history-label = Historia de la red
history-play = ▶ Reproducir
history-play-title = Sigue a la velocidad elegida; si se muestra el pasado, primero lo reproduce
history-pause = ‖ Pausa
history-back = ◀ Atrás
history-back-title = Un evento atrás
history-forward = Paso ▶
history-forward-title = Un evento adelante
history-speed = Velocidad
history-slider = Evento mostrado
history-mark-block = bloque #{ $height }
history-mark-fork = bifurcación
history-now = Volver al presente
history-status-now = Ahora: evento { $event }
history-status-now-paused = Ahora: evento { $event }, en pausa
history-status-past-alone = Evento { $at } de { $now }: el pasado (actuar aquí empieza una rama nueva)
history-status-past-linked = Evento { $at } de { $now }: viendo el pasado: la red sigue
history-jump-block = Bloque
history-go = Ir
history-branch = Rama
history-branch-first = { $branch } (la primera)
history-branch-from = { $branch } (de la { $parent } en el evento { $event })
history-save = Guardar grabación
history-save-title = Un archivo con la clave secreta de cada nodo (como mucho 8 MiB, 6 horas)
history-open = Abrir una grabación:
history-saved = Guardado { $file } (tiene la clave secreta de cada nodo)
history-opened = Abierta una grabación de { $events } eventos, en pausa al final
history-opening = Abriendo la grabación: entrada { $done } de { $total }
history-open-cancel = Cancelar
history-open-cancelled = Se canceló la apertura de la grabación: nada cambió
history-opening-already = Ya se está abriendo una grabación: espera a que termine o cancélala
history-too-big = Este archivo tiene { $size } bytes: una grabación tiene como mucho { $most } bytes (8 MiB)
