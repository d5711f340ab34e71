# As palavras do pos-playground em português do Brasil. Um texto que falta aparece em inglês.
# Sintaxe Fluent (https://projectfluent.org): `chave = texto`, `{ $nome }` para um valor que a página
# preenche, `{ $count -> [one] … *[other] … }` para os plurais. Mantenha cada chave e cada
# `{ $nome }`; traduza o resto. docs/languages.md explica como adicionar um idioma.

## O menu de idiomas
language-label = Idioma
language-missing = { $language }: { $count ->
        [one] falta { $count } texto, que aparece em inglês
        [many] faltam { $count } textos, que aparecem em inglês
       *[other] faltam { $count } textos, que aparecem em inglês
    }

## O topo da página
app-lede = Uma cadeia Proof-of-Stake rodando nesta aba. Cada token em stake é um bilhete de loteria: o nó cujo bilhete cai mais perto da referência do bloco forja o próximo bloco.
netbar =
    .aria-label = Rede
netbar-nodes = { $count ->
        [one] nó aqui
        [many] nós aqui
       *[other] nós aqui
    }
netbar-blocks = { $count ->
        [one] bloco
        [many] blocos
       *[other] blocos
    }
netbar-agree = todos os nós concordam
netbar-catching-up = nós se atualizando…
netbar-latency = conexões de { $ms } ms
add-node = + Adicionar nó
new-network = Nova rede…
    .title = Recomeçar com uma nova gênese (pergunta antes)
remove-node = − Remover nó

## Um playground salvo que não pode voltar
recovery-title = Não foi possível restaurar o playground salvo
recovery-reason = O que o navegador guardou para esta aba não é um playground válido: { $reason }.
recovery-nothing-overwritten = Nada é sobrescrito até você escolher. Guarde uma cópia dos dados salvos se quiser examiná-los e depois comece do zero.
recovery-download = Baixar uma cópia
recovery-start-fresh = Começar do zero

## O rodapé da página
footer-console = Console:
footer-readme = — veja o README.

## O cartão de um nó
card-host = anfitrião
    .title = guarda a chave da gênese e a corretora
card-forges-next = forja o próximo bloco
card-crashed = caído
card-adversary = adversário
card-balance = saldo
card-stake = stake
card-pool = pool
card-height = altura
card-tip = ponta
card-actions = Ações de { $node }
card-action = Ação
card-buy = Comprar
card-transfer = Transferir
card-stake-verb = Colocar em stake
card-amount = Valor
card-to = Para
card-send = Enviar
card-forge = Forjar agora
    .title = Forjar um bloco agora (só o vencedor do sorteio pode)
card-not-a-number = Recusado: "{ $amount }" não é um número inteiro de tokens

## Arquivos de cadeia
files =
    .aria-label = Salvar e compartilhar cadeias
files-export = Exportar a cadeia de { $node }
files-with-keys = com as chaves secretas
files-keys-confirm = Incluir as chaves secretas? Quem receber o arquivo pode gastar os tokens deste nó (e os da corretora, no anfitrião).
files-import = Importar um arquivo de cadeia:
file-choose = Escolher um arquivo…

## A rede de abas
net =
    .aria-label = Rede de abas
net-network = Rede
net-tab = aba
net-role-solo = esta aba roda sozinha
net-role-discovering = procurando a rede "{ $name }"…
net-role-host = esta aba hospeda a rede (gênese e corretora)
net-role-member = esta aba é membro
net-hint-open = Para juntar abas ou janelas em uma só rede, abra
net-hint-each = em cada uma delas.
net-no-tabs = ainda não há outras abas
net-the-server = o servidor da turma
net-tab-named = a aba { $tab }
# $role é o papel da aba como o console o chama (host, member); $via: webrtc, relay ou here.
net-peer = { $who } · { $role } · altura { $height }{ $via ->
        [webrtc] { " " }· outra máquina
        [relay] { " " }· retransmitida pelo servidor
       *[here] {""}
    }
net-more-tabs = e mais { $count } (a lista do painel Turma mostra todos)
net-refused = { $count ->
        [one] { $count } mensagem recusada
        [many] { $count } mensagens recusadas
       *[other] { $count } mensagens recusadas
    }
net-conflict = A aba { $tab } roda outra rede chamada "{ $name }" (gênese { $genesis }…, altura { $height }). As duas não podem ser uma só cadeia.
net-join-theirs = Entrar na outra rede (descartar a cadeia desta aba)
net-keep-mine = Manter a minha (ignorar aquela aba)

## A barra Turma (uma página de um servidor da turma com um professor)
class-bar = Turma
    .aria-label = Turma
class-you-lead = Você conduz a turma
class-taking-lead = Assumindo a condução…
class-not-leading = Você não está conduzindo: { $reason }
class-pace =
    .aria-label = Quem define o ritmo
class-follow-me = Sigam-me
class-free = Livre
class-clock =
    .aria-label = O relógio da turma
class-resume = ▶ Retomar
class-step = Avançar um bloco
    .title = Exatamente mais um bloco: o do forjador legítimo
class-pause = ‖ Pausar
    .title = Nenhum nó da turma forja até você retomar
class-speed = Velocidade
# $who: teacher (a barra do professor) ou student (a barra de um aluno, que dá nome ao relógio).
class-clock-paused-at = { $who ->
        [student] Relógio da turma: pausado no bloco #{ $height }
       *[teacher] Pausado no bloco #{ $height }
    }
class-clock-paused = { $who ->
        [student] Relógio da turma: pausado
       *[teacher] Pausado
    }
class-clock-running = { $who ->
        [student] Relógio da turma: rodando { $speed } (um slot dura { $slot })
       *[teacher] Rodando { $speed } (um slot dura { $slot })
    }
class-following = { $following } seguindo · { $exploring } explorando
class-call-back = Chamar todos de volta
class-refused = { $count ->
        [one] { $count } mensagem de condução de outras páginas recusada
        [many] { $count } mensagens de condução de outras páginas recusadas
       *[other] { $count } mensagens de condução de outras páginas recusadas
    }
class-no-teacher = Nenhum professor está conduzindo a turma agora
class-free-explore = Livre: o professor deixa todos explorarem
class-exploring = Explorando por conta própria
class-following-at = Seguindo o professor · { $step }
class-following-teacher = Seguindo o professor
class-follow-teacher = Seguir o professor
class-explore = Explorar por conta própria
class-whole = O playground inteiro ↓

## O próximo sorteio visto pelo aluno
my-draw-next = O próximo sorteio
my-draw-nobody = Ninguém tem stake ainda: os bilhetes do primeiro participante serão o sorteio inteiro.
my-draw-title = O sorteio do bloco #{ $height }
my-draw-lots = Seus bilhetes
my-draw-no-lots = nenhum: coloque tokens em stake para participar
my-draw-lots-of = { $lots } de { $total ->
        [one] { $total } bilhete
        [many] { $total } bilhetes
       *[other] { $total } bilhetes
    }
my-draw-chance = Sua chance
my-draw-reference = A referência
my-draw-winner = O vencedor
my-draw-you-won = { " " }— você: você forja o próximo bloco
my-draw-every-lot = Todos os bilhetes deste sorteio ↓

## Falhas: quebre a rede e veja como ela se recupera
faults = Quebre a rede e veja como ela se recupera
    .aria-label = Quebrar a rede
faults-subtitle = { " " }— falhas e adversários para os nós desta aba
faults-latency = latência
faults-jitter = jitter
faults-lost = perdidas
faults-apply = Aplicar
faults-now = agora: { $latency } ms, ±{ $jitter } ms, { $lost } % perdidas
faults-node = nó
faults-group = grupo
faults-power = liga/desliga
faults-behaviour = comportamento
faults-group-of = { $node }: grupo { $group }
faults-restart = Reiniciar
faults-crash = Derrubar
faults-behaviour-of = Comportamento de { $node }
# $behaviour é o nome de um comportamento no núcleo (o do console): uma linha para cada um.
faults-behaviour-option = { $behaviour ->
        [forgeOutOfTurn] adversário: forja blocos quando não é a vez dele
        [doubleSpend] adversário: gasta os mesmos tokens duas vezes, um gasto para cada metade dos seus pares
        [forgedSignature] adversário: envia blocos em nome do vencedor com uma assinatura falsificada
        [equivocate] adversário: forja dois blocos diferentes sempre que pode forjar um
        [tamperedChain] adversário: oferece uma cadeia adulterada aos nós que sincronizam a partir dele
       *[honest] honesto
    }
faults-split = Dividir em A | B
faults-heal = Reunir
faults-split-now = rede dividida: { $groups }
faults-one-network = uma só rede: cada nó ouve todos os outros

## O painel Turma e sua lista
class-connected = Conectado ao servidor da turma: { $webrtc ->
        [one] { $webrtc } página ligada
        [many] { $webrtc } páginas ligadas
       *[other] { $webrtc } páginas ligadas
    } diretamente por WebRTC, { $relayed ->
        [one] { $relayed } página retransmitida
        [many] { $relayed } páginas retransmitidas
       *[other] { $relayed } páginas retransmitidas
    } pelo servidor.
class-connecting = Conectando ao servidor da turma…
class-every-laptop = Cada notebook abre
class-or-scan = ou escaneia o código (clique nele para mostrá-lo grande):
class-qr =
    .title = Mostrar o código grande, para o projetor (clique de novo para diminuir)
class-qr-alt = Código QR de { $address }
roster-caption = Todos nesta rede: stake e blocos forjados na cadeia desta aba.
roster-who = Quem
roster-stake = Stake
roster-forged = Blocos forjados
roster-path = Conectado por
roster-online = Online
roster-follows = Segue
roster-own = { $node } (esta aba)
roster-tab = aba { $tab }
roster-account = conta { $address }
roster-path-this-tab = esta aba
roster-path-channel = canal
roster-path-webrtc = WebRTC
roster-path-relay = retransmissão
roster-path-server = servidor
roster-path-connecting = conectando
roster-path-overlay = por meio de outros
roster-path-offline = offline
roster-path-elsewhere = outra aba ou máquina
roster-follows-teacher = professor
roster-follows-following = seguindo
roster-follows-exploring = explorando
yes = sim
no = não

## A linha do tempo dos blocos
timeline = Blocos
timeline-subtitle = { " " }— pontos: nós que têm o bloco
timeline-txs = { $count } tx
timeline-held = em { $held } de { $nodes } nós
timeline-holds = { $node }: tem
timeline-not-yet = { $node }: ainda não

## Conectar máquinas (WebRTC, convites colados)
links = Conectar máquinas
    .aria-label = Conexões com outras máquinas
# $server: yes quando o servidor da turma fez as conexões; $open: quantas estão abertas.
links-summary = { $server ->
        [yes] Conexões WebRTC feitas pelo servidor da turma
       *[no] WebRTC, sem servidor
    } · esta aba é { $tab } · { $open ->
        [one] { $open } conexão aberta
        [many] { $open } conexões abertas
       *[other] { $open } conexões abertas
    }
links-hint-server = O servidor da turma conecta sozinho esta página a algumas outras e retransmite os pares cuja conexão não consegue abrir; não é preciso colar nada. Uma máquina sem o servidor ainda pode ser conectada aqui à mão.
links-hint-alone = As abas deste navegador compartilham a rede sozinhas. Para juntar outro computador: crie um convite aqui, cole-o no painel Conectar máquinas de lá e aceite-o, depois cole a resposta dele aqui.
links-invite-title = Convidar outra máquina
links-invite = Criar um convite
links-its-answer = A resposta dela
links-answer-in =
    .placeholder = pos1:… (a resposta da outra máquina)
links-complete = Concluir a conexão
links-accept-title = Aceitar um convite
links-the-invitation = O convite
links-invitation-in =
    .placeholder = pos1:… (o convite da outra máquina)
links-accept = Aceitar e criar uma resposta
links-invitation-ready = Convite pronto: copie-o para a outra máquina, aceite-o lá e cole a resposta dela abaixo.
links-answer-ready = Resposta pronta: copie-a de volta para a máquina que convidou esta e cole-a lá.
links-no-invitation = Sem convite: { $reason }
links-answer-taken = Resposta recebida: a conexão { $link } está sendo estabelecida.
links-link = Conexão { $link }
link-state = { $state ->
        [connecting] conectando
        [open] aberta
        [closed] fechada
       *[failed] falhou
    }
links-since = { $side } · desde { $since }
links-frames-in = quadros recebidos: { $count }
links-remove = Remover
links-cancel = Cancelar
links-unknown-tab = uma aba ainda desconhecida
links-invited = convidou { $who }
links-accepted = aceitou o convite que { $who } enviou
links-no-stun = Sem servidor STUN: as máquinas se conectam quando estão numa mesma rede que as deixa conversar entre si (mesma LAN ou Wi-Fi sem isolamento de clientes). Caso contrário, adicione ?stun=host:port ao endereço da página.
links-stun = { $count ->
        [one] Servidor STUN
        [many] Servidores STUN
       *[other] Servidores STUN
    }: { $servers }.
links-not-redialled = Uma conexão fechada ou que falhou não é refeita: crie um novo convite. A aba continua funcionando com os pares que tem.
# Por que uma conexão está onde está.
link-reason = { $reason ->
        [waiting] esperando a resposta: cole-a aqui quando a outra máquina tiver aceitado
        [answerMade] resposta criada: esperando a outra máquina colá-la
        [answerPasted] resposta colada: as duas máquinas estão procurando um caminho
        [open] canal de dados aberto
        [trying] as duas máquinas estão testando os endereços do convite e da resposta
        [interrupted] conexão interrompida: o navegador continua tentando alcançar a outra máquina
        [noRoute] as duas máquinas não encontraram nenhum caminho entre si (ICE falhou): a resposta foi colada na máquina que convidou? As duas precisam estar numa rede que as deixe conversar (a mesma LAN ou um Wi-Fi sem isolamento de clientes), ou usar um servidor STUN (?stun=)
        [noAddress] o navegador não encontrou nenhum endereço de rede para oferecer: esta máquina está em uma rede?
        [closed] a conexão foi fechada
        [channelClosed] o canal de dados fechou (a outra máquina fechou a aba, entrou em repouso ou perdeu a rede)
        [goodbye] a aba da outra máquina foi fechada ou recarregada (ela se despediu)
        [stuck] sem conexão depois de 30 minutos: crie um novo convite
       *[failed] não foi possível criar o convite ou a resposta
    }
# Por que um convite, uma resposta ou uma conexão não pôde ser criado. $detail: as palavras do
# próprio navegador; $why: o motivo; $step: o que o navegador fazia; $seconds: quanto tempo ele tinha.
link-error = { $reason ->
        [browser] o navegador disse: { $detail }
        [timeout] o navegador não conseguiu { $step ->
            [gather] reunir seus endereços de rede
            [offer] criar uma oferta
            [ownOffer] adotar a própria oferta
            [theirOffer] adotar a oferta do convite
            [answer] criar uma resposta
            [ownAnswer] adotar a própria resposta
           *[takeAnswer] adotar a resposta
        } em { $seconds } s
        [noDescription] o navegador não criou nenhuma descrição
        [noWebRtc] este navegador não consegue criar conexões WebRTC: { $detail }
        [noInvitation] não foi possível criar um convite: { $why }
        [noAnswer] não foi possível criar uma resposta: { $why }
        [badInvitation] Este convite não pode ser usado: { $why }
        [badAnswer] Esta resposta não pode ser usada: { $why }
        [refusedOffer] o navegador recusou a oferta do convite: { $why }
        [gone] a conexão deste convite não existe mais: crie um novo
       *[refusedAnswer] o navegador recusou esta resposta: { $why } (é a resposta a este convite?)
    }
# $what: invitation ou answer.
links-handover = { $what ->
        [answer] resposta
       *[invitation] convite
    }
links-characters = { $count } caracteres
links-show-qr = Mostrar como código QR
links-qr-of = Código QR { $what ->
        [answer] da resposta
       *[invitation] do convite
    }
links-qr-scanning = Para escanear, é preciso uma câmera e um leitor de QR na outra máquina (um celular pode repassar o texto); esta página não escaneia. Colar o texto é suficiente.
links-qr-too-long = Longo demais para um código QR: copie o texto e cole-o na outra máquina.

## Os nomes que a página dá aos nós e aos endereços
# $number: o número do nó nesta aba, a partir de 1.
node-name = Nó { $number }
name-exchange = Corretora
name-class-server = o servidor da turma
name-genesis = gênese
name-nobody = ninguém
# $address: um endereço curto ou um id de par (dígitos hexadecimais).
name-address = { $address }
# $node: o nome de um nó; $tab: o id da outra aba.
name-peer-of-tab = { $node } @{ $tab }

## O registro de atividades ("O que aconteceu"); $node é o nome de um nó, $peer o nó de quem ele ouviu
activity = O que aconteceu
    .aria-label = Atividade
feed-forged = { $node } venceu o sorteio e forjou o bloco #{ $height } com { $count ->
        [one] { $count } transação
        [many] { $count } transações
       *[other] { $count } transações
    }
feed-forged-in-slot = { $node } forjou o bloco #{ $height } no slot { $slot }: ficou na posição { $rank } do sorteio, e os nós à frente dele ficaram em silêncio
# $tip: o hash da nova ponta, curto; $depth: blocos desfeitos; $returned: transações de volta ao pool.
feed-reorg = { $node } mudou para um ramo melhor (ponta { $tip }): { $depth ->
        [one] { $depth } bloco desfeito
        [many] { $depth } blocos desfeitos
       *[other] { $depth } blocos desfeitos
    }, { $returned ->
        [one] { $returned } transação de volta
        [many] { $returned } transações de volta
       *[other] { $returned } transações de volta
    } ao seu pool
feed-equivocation = { $node } flagrou { $forger } forjando { $count } blocos diferentes na altura { $height }: a prova fica guardada, e a escolha de bifurcação fica com um deles
# $behaviour: o nome do comportamento no núcleo (veja faults-behaviour-option).
feed-misbehaved = { $node } ({ faults-behaviour-option }) agiu na altura { $height }
feed-chain-replaced = { $node } tinha ficado para trás (altura { $old }) e pegou a cadeia de { $peer } até a altura { $new }
# $why: o motivo, nas palavras de refusal-tx, refusal-block, refusal-chain ou refusal-message.
feed-tx-refused = { $node } recusou uma transação de { $peer }: { $why }
feed-tx-dropped = { $node } descartou uma transação do seu pool: { $why }
feed-block-refused = { $node } recusou o bloco #{ $height } de { $peer }: { $why }
feed-chain-refused = { $node } recusou a cadeia de { $peer }: { $why }
feed-message-dropped = { $node } descartou uma mensagem de { $peer }: { $why }
feed-peer-lost = { $node } perdeu o contato com { $peer }
feed-node-joined = { $node } entrou na rede
feed-node-left = { $node } saiu da rede
# $amount: tokens; $to: quem os recebe.
feed-asked = { $node } pediu { $amount } tokens à corretora
feed-staked = { $node } colocou { $amount } tokens em stake
feed-sent = { $node } enviou { $amount } tokens para { $to }
feed-links-now = Conexões agora: { $latency } ms de latência, { $jitter } ms de jitter, { $lost } % perdidas
# $groups: números dos nós, com os grupos separados por "|".
feed-split = A rede está dividida: { $groups }
feed-healed = A partição foi desfeita: cada nó volta a ouvir todos os outros
feed-crashed = { $node } caiu
feed-restarted = { $node } reiniciou e está se atualizando
feed-behaviour-now = { $node } agora { $behaviour ->
        [forgeOutOfTurn] forja blocos quando não é a vez dele
        [doubleSpend] gasta os mesmos tokens duas vezes, um gasto para cada metade dos seus pares
        [forgedSignature] envia blocos em nome do vencedor com uma assinatura falsificada
        [equivocate] forja dois blocos diferentes sempre que pode forjar um
        [tamperedChain] oferece uma cadeia adulterada aos nós que sincronizam a partir dele
       *[honest] segue o protocolo
    }
# $network: o nome da rede.
feed-joined-network = Esta aba entrou na rede "{ $network }" e está baixando a cadeia dela
feed-new-network = Esta aba começou uma nova rede, "{ $network }", e hospeda a gênese e a corretora
feed-started-network = Ninguém roda "{ $network }" ainda: esta aba a iniciou e hospeda a gênese e a corretora
feed-restored = Esta aba foi restaurada a partir do armazenamento do navegador: altura { $height }, cada bloco verificado de novo
feed-imported = Uma nova rede começou a partir de uma cadeia importada: { $count ->
        [one] { $count } bloco, verificado
        [many] { $count } blocos, todos verificados
       *[other] { $count } blocos, todos verificados
    }
feed-server-new-chain = O servidor da turma começou uma nova cadeia (ele reiniciou): esta página entra nela e mantém suas chaves
feed-conflict = A aba { $tab } roda uma rede diferente com o mesmo nome: escolha qual manter
feed-invitation-conflict = O convite da aba { $tab } é para outra rede, e esta aba tem blocos próprios: escolha qual manter
feed-linked = Conexão aberta com a aba { $tab } em outra máquina (WebRTC)
# $word: como a conexão terminou (closed ou failed); $reason: por quê (link-reason).
feed-link-over = A conexão com a aba { $tab } { $word ->
        [closed] foi fechada
       *[failed] falhou
    }: { $reason }. Esta aba continua funcionando com os pares que tem; um novo convite a conecta de novo
feed-class-paused-at = O relógio da turma está pausado: nenhum bloco acima do #{ $height } até o professor avançar ou retomar
feed-class-paused = O relógio da turma está pausado
# $speed: por exemplo ×0.25; $slot: por exemplo 16 s.
feed-class-runs = O relógio da turma roda a { $speed }: um slot dura { $slot }
feed-called-back = O professor chamou todos de volta: você segue o professor de novo
feed-not-leading = O servidor da turma recusou ser conduzido a partir daqui: { $reason }
feed-ignored-lesson = A lição "{ $lesson }" do professor foi ignorada: { $reason }
feed-ignored-lesson-unknown = A lição "{ $lesson }" do professor foi ignorada: o menu de lições desta página não tem essa lição
feed-ignored-block = O bloco #{ $height } do professor foi ignorado: a cadeia desta página termina no #{ $tip }, e o sorteio do #{ $next } é o mais longe que ela pode mostrar

## O que o cartão de um nó diz depois de uma ação
result-asked = Pediu { $amount } tokens à corretora
result-staking = Colocando { $amount } tokens em stake: esperando um bloco
result-staked = { $amount } tokens colocados em stake no bloco #{ $height }
result-sending = Enviando { $amount } tokens para { $to }: esperando um bloco
result-sent = { $amount } tokens enviados para { $to } no bloco #{ $height }
result-forged = Bloco #{ $height } forjado
result-refused = Recusado: { $why }
card-to-node = → { $node }

## Recusas: por que um nó recusou algo. Cada uma escolhe pelo $reason, o nome da regra.
refusal-no-node = não existe o nó { $index }
refusal-no-answer = o nó não respondeu
refusal-nothing-happened = nada aconteceu
refusal-not-the-winner = { $node } não venceu o sorteio do próximo bloco: quem venceu foi { $winner }
# Uma transação. $expected/$got: números de transação; $balance/$amount: tokens; $nonce, $with: a outra transação.
refusal-tx = { $reason ->
        [zeroAmount] o valor deve ser maior que zero
        [badSignature] a assinatura não é do remetente
        [duplicate] esta transação já está no pool
        [alreadyOnChain] esta transação já está na cadeia
        [nonceGap] fora de ordem: o próximo número de transação do remetente é { $expected }, e este é { $got }
        [insufficientBalance] tokens insuficientes: o remetente tem { $balance } disponíveis, mas precisa de { $amount }
        [selfTransfer] uma transferência deve ir para outra conta
        [stakeForOther] um stake só pode ir para o stake do próprio remetente
        [notExchange] só a corretora pode vender tokens
        [exchangeOnlySells] a conta da corretora só pode vender tokens, não transferir nem colocar em stake
        [overflow] o valor estouraria um saldo
        [poolFull] o pool de transações está cheio
        [conflict] gasto duplo: o número de transação { $nonce } do remetente já foi usado por { $with }
       *[other] { $reason }
    }
# Um bloco. $forger, $expected, $got: endereços curtos; $why: a recusa de uma transação (refusal-tx);
# $future: o máximo de ms que um bloco pode estar adiantado; $most: o máximo de transações em um bloco.
refusal-block = { $reason ->
        [wrongHeight] altura errada: esperada { $expected }, recebida { $got }
        [unknownParent] o hash anterior dele não é a ponta desta cadeia
        [notTheForger] forjado por { $got }, mas a loteria escolheu { $expected }
        [outOfTurn] forjado fora da vez: { $forger } está na posição { $rank } do sorteio, então pode forjar a partir do slot { $rank }, mas o bloco está no slot { $slot }
        [badSignature] a assinatura do forjador não confere
        [timestampBeforeParent] o timestamp dele é anterior ao do bloco pai
        [fromTheFuture] o timestamp dele está { $ahead } ms adiantado em relação ao relógio deste nó (no máximo { $future })
        [tooManyTransactions] mais de { $most } transações
        [transaction] transação { $index }: { $why }
        [noStakers] ninguém tem stake
        [notAStaker] forjado por { $forger }, que não tem stake e, portanto, nenhum bilhete no sorteio
        [belowHorizon] na altura { $height }, abaixo demais da ponta deste nó (em { $tip }) para importar
        [drawPending] o sorteio sobre o bloco pai { $seed } ainda não foi calculado
       *[other] { $reason }
    }
# Uma cadeia. $why: a recusa do bloco dela (refusal-block).
refusal-chain = { $reason ->
        [empty] a cadeia não tem blocos
        [badGenesis] o bloco 0 não é o bloco gênese
        [otherNetwork] a cadeia pertence a outra rede
        [block] bloco { $height }: { $why }
       *[other] { $reason }
    }
# Uma mensagem. $why: por que ela não pôde ser lida (refusal-decode).
refusal-message = { $reason ->
        [decode] { $why }
        [otherNetwork] a mensagem pertence a outra rede
        [badBuySignature] um pedido de compra não assinado pelo comprador
        [badBuyAmount] um pedido de compra de um valor não permitido
       *[other] { $reason }
    }
# $len: os bytes da mensagem; $most: o máximo que uma mensagem pode ter; $found/$version: versões do protocolo.
refusal-decode = { $reason ->
        [tooLarge] mensagem de { $len } bytes excede o máximo de { $most }
        [malformed] mensagem malformada: { $detail }
        [version] versão de protocolo { $found }, esperada { $version }
       *[other] { $reason }
    }
# O que a própria ação de um nó violou. $why: a recusa da transação (refusal-tx); $max: tokens.
refusal-action = { $reason ->
        [transaction] { $why }
        [buyLimit] a corretora vende no máximo { $max } tokens por vez
       *[other] { $reason }
    }
## Recusas do que alguém fez nesta página (as barras de falhas, de arquivos e de conexões, a barra
## da turma, o "Faça" de uma lição, a linha do tempo). O console dá as mesmas recusas em inglês.
refusal-busy = ocupado: tente de novo
refusal-nothing-done = nada foi feito
refusal-runs-alone = esta aba funciona sozinha
refusal-most-nodes = uma aba roda no máximo { $most } nós
refusal-host-stays = o nó anfitrião fica: ele tem a gênese e a corretora
refusal-step-paused = um passo só funciona enquanto a rede está pausada
# $what: o que se pediu a uma aba conectada a outras (pause, speed ou step).
refusal-linked = { $what ->
        [pause] esta aba está conectada a outras: ela não pode pausar a rede que elas compartilham (a linha do tempo dela só mostra o próprio passado)
        [step] esta aba está conectada a outras: ela não pode avançar passo a passo a rede que elas compartilham (a linha do tempo dela só mostra o próprio passado)
       *[speed] esta aba está conectada a outras: ela não pode mudar a velocidade da rede que elas compartilham (a linha do tempo dela só mostra o próprio passado)
    }
refusal-view-at-present = a visão desta aba está no presente: a rede continua
refusal-class-paused = o relógio da turma está pausado: ninguém forja até o professor avançar ou retomar
# $most: milissegundos.
refusal-latency = a latência e o jitter vão até no máximo { $most } ms
refusal-drop = a perda é a fração de mensagens perdidas, de 0 a 0,9
refusal-no-group = informe pelo menos um grupo de índices de nós, por exemplo [[0,1],[2,3]]
refusal-already-down = { $node } já está fora do ar
refusal-running = { $node } já está funcionando
# $name: o que se pediu; $names: os nomes dos comportamentos, como o console os conhece.
refusal-behaviour = comportamento desconhecido "{ $name }": use um destes: { $names }
refusal-no-class = esta página não foi aberta a partir de um servidor da turma
refusal-not-teacher = só a página do professor conduz (a aberta com o endereço do professor que o servidor da turma mostrou)
refusal-class-offline = o servidor da turma não está conectado: tente de novo daqui a pouco
refusal-class-step = um passo só funciona enquanto o relógio da turma está pausado
refusal-teacher-leads = a página do professor conduz; ela não segue ninguém
refusal-no-conflict = não há conflito com a aba { $tab }
refusal-download = o navegador recusou o download
# $height: o primeiro bloco inválido de um arquivo de cadeia (0: o próprio arquivo).
refused-at-block = Recusado no bloco { $height }: { $why }
no-randomness = Este navegador não forneceu aleatoriedade segura, então nenhuma chave pode ser criada
# Um estado salvo ou um arquivo de cadeia. $detail: as palavras do leitor (em inglês); $why: a recusa
# de um bloco ou de uma cadeia.
refusal-load = { $reason ->
        [unreadable] o texto não pode ser lido: { $detail }
        [notOurs] isto não é um arquivo do pos-playground
        [version] foi escrito por outra versão do playground (formato { $found }; esta lê o { $expected })
        [badKey] uma chave salva está danificada
        [block] o bloco { $height } é inválido: { $why }
       *[other] { $why }
    }

## Recusas de conexões entre máquinas. $link: o identificador de uma conexão (L1); $tab, $me: abas.
refusal-discovering = esta aba ainda está procurando sua rede de abas: tente de novo daqui a um segundo
refusal-most-links = esta aba já tem { $most } conexões ativas: feche uma antes de criar outra
refusal-own-invitation = este é o convite desta própria aba: aceite-o em outra máquina
refusal-accepted-already = este convite já foi aceito (conexão { $link }): a outra máquina precisa da resposta dele, ou cria um novo convite
refusal-answer-elsewhere = esta resposta é para um convite da aba { $tab }, não desta aba ({ $me })
refusal-no-invitation = nenhum convite { $link } está esperando nesta aba (os convites acabam quando a página é recarregada): crie um novo
refusal-not-invited = a conexão { $link } não foi criada por um convite desta aba
# $state: closed ou failed; $why: como ela terminou.
refusal-invitation-over = o convite { $link } { $state ->
        [closed] está fechado
       *[failed] falhou
    } ({ $why }): crie um novo
refusal-completed-already = o convite { $link } já foi concluído
# Um convite ou resposta colado. $len, $most: bytes; $prefix: como começam (pos1:);
# $detail: as palavras do leitor (em inglês); $expected: invitation ou answer.
refusal-signal = { $reason ->
        [empty] nada foi colado
        [tooLong] o texto tem { $len } bytes, mais do que os { $most } que um convite ou uma resposta pode ter
        [noPrefix] isto não é um convite nem uma resposta do pos-playground: eles começam com "{ $prefix }"
        [badBase64] o texto está danificado: depois de "{ $prefix }" só podem vir letras, dígitos, - e _ (ele foi cortado ao copiar?)
        [badJson] o texto está danificado ou é de outra versão: { $detail }
        [wrongKind] { $expected ->
            [invitation] isto é uma resposta (cole-a na máquina que criou o convite), mas aqui é preciso um convite
           *[answer] isto é um convite (aceite-o em outra máquina e depois cole aqui a resposta dela), mas aqui é preciso uma resposta
        }
       *[badField] { $flaw ->
            [offerTooLong] a oferta de conexão dele é longa demais
            [answerTooLong] a resposta de conexão dela é longa demais
            [offerNotSdp] a oferta de conexão dele não é uma descrição de canal de dados WebRTC
            [answerNotSdp] a resposta de conexão dela não é uma descrição de canal de dados WebRTC
            [linkId] o identificador de conexão não tem de 1 a 16 letras e dígitos
            [tabId] o identificador de aba não tem de 1 a 16 letras e dígitos
            [networkName] o nome da rede está vazio ou é longo demais
            [genesisName] a gênese tem um nome de rede incorreto
           *[answers] o convite a que ela responde não tem um nome correto
        }
    }

## Recusas da linha do tempo. $asked, $last: eventos; $branch: um ramo; $height: um bloco.
refusal-history = { $reason ->
        [noEvent] não existe o evento { $asked }: este ramo tem os eventos 0 a { $last }
        [noBranch] não existe o ramo { $branch }
        [noBlock] nenhum bloco #{ $height } foi forjado neste ramo da história
       *[tooManyBranches] a história guarda no máximo { $most } ramos: volte ao presente para agir
    }
# $size, $most: bytes; $why: a recusa do início (refusal-load); $index: uma entrada (a partir de 0);
# $detail: o que há de errado, nos termos do arquivo (em inglês).
refusal-recording = { $reason ->
        [tooBig] a gravação tem { $size } bytes; uma gravação tem no máximo { $most } bytes (8 MiB)
        [start] o início dela: { $why }
       *[entry] entrada { $index }: { $detail }
    }
history-cannot-open = Esta gravação não pode ser aberta: { $why }
history-cannot-save = { $reason ->
        [linked] esta história contém o que outras abas, máquinas ou o servidor da turma disseram: só a história de uma aba que funciona sozinha pode ser salva
        [tooLong] esta história é mais longa do que cabe numa gravação (6 horas)
       *[unwritable] esta história não pôde ser escrita como arquivo
    }

## A região ao vivo: o que um leitor de tela ouve, no máximo a cada poucos segundos
# $line: uma linha do registro de atividades.
announce-line = { $line }.
announce-blocks = { $count } blocos forjados; o mais recente: { $line }.
announce-branches = { $count } mudanças para um ramo melhor; a mais recente: { $line }.
announce-refusals = { $count } recusas; a mais recente: { $line }.
# $name: o nome do vencedor.
announce-next = { $name } venceu o sorteio do bloco #{ $height }.

## Números com suas palavras, onde quer que a página os escreva
# $value: uma fatia com duas casas decimais.
percent = { $value } %
percent-tiny = < 0,01 %
# $factor: uma velocidade como múltiplo do relógio de parede, um decimal.
speed-factor = ×{ $factor }
time-seconds = { $seconds } s
lots = { $count ->
        [one] { $count } bilhete
        [many] { $count } bilhetes
       *[other] { $count } bilhetes
    }

## A seção da loteria
lottery = Loteria
lottery-title-empty = A loteria
lottery-no-stake = Ninguém tem stake ainda, então não há sorteio.
lottery-title = A loteria do bloco #{ $height }
# $node: o nó cuja cadeia a seção lê.
lottery-as-seen = { " " }— como { $node } a vê
# $winner: o vencedor do sorteio (em negrito antes destas palavras).
lottery-verdict-next = { " " }venceu o sorteio do próximo bloco, o #{ $height }: ainda não forjado.
lottery-verdict-forged = { " " }venceu o sorteio e forjou o bloco #{ $height }.
lottery-verdict-silent = { " " }venceu o sorteio, mas ficou em silêncio; { $forger }, na posição { $rank }, forjou o bloco #{ $height } no slot { $slot }.
lottery-blocks = Blocos
lottery-first = ◀◀ #1
    .title = Primeiro bloco (Home)
lottery-prev = ◀ Anterior
    .title = Bloco anterior (←)
lottery-where = bloco { $height } de { $tip }
lottery-where-next = próximo bloco
lottery-next = Próximo ▶
    .title = Próximo bloco (→)
lottery-newest = Mais recente ▶▶
    .title = Bloco mais recente (End)
lottery-replay = ▶ Repetir a cadeia
    .title = Cada bloco por vez, do #1 ao mais recente
lottery-replay-still = ▶ Repetir a partir do #1
    .title = Movimento reduzido: a repetição começa no bloco #1 e você avança com Próximo (→)
lottery-stop = ■ Parar
lottery-worker-failed = O worker da loteria não está disponível: { $why }. Os sorteios grandes são calculados na página, que trava enquanto sorteia.
lottery-stakes-note = Cada token em stake é um bilhete, então a chance de um participante é a fatia dele em todos os bilhetes. As cores seguem os cartões dos nós; os números nas marcas são os dos nós.
lottery-zoom = Zoom
lottery-zoom-in = Aproximar +
    .title = Aproximar (+)
lottery-zoom-out = Afastar −
    .title = Afastar (−)
lottery-zoom-auto = Auto
# $lots: quantos bilhetes (com a palavra); $ms: milissegundos; $where: worker ou page.
lottery-timing = { $lots } sorteados em { $ms } ms { $where ->
        [worker] em um Web Worker
       *[page] na página
    }
lottery-drawing = Sorteando { $lots } em um Web Worker…
lottery-drawing-done = { " " }{ $done } feitos, { $seconds } s
lottery-responsive = A página continua respondendo: o mesmo núcleo wasm roda em uma thread em segundo plano. A tabela de stakes e a explicação abaixo já estão prontas.
lottery-keys = Teclas: ← → percorrem os blocos, Home / End pulam para o primeiro / o mais recente, + / − dão zoom.
stakes-caption = Stakes no sorteio do bloco #{ $height }
stakes-staker = participante
stakes-stake = stake
stakes-lots = bilhetes
stakes-chance = chance
    .title = a fatia dele em todos os bilhetes: a chance dele de vencer este sorteio
stakes-forged = forjados
stakes-forged-title = blocos do #1 ao #{ $height } que ele forjou
stakes-winner = ★ vencedor
stakes-wins = ★ vence
stakes-fallback = forjou, posição { $rank }
stakes-lots-title = bilhetes k = 1 … { $stake }
stakes-all = todos
why = Por que este forjador
why-title-forged = Por que { $winner } forjou o bloco #{ $height }
why-title-next = Por que { $winner } forja o bloco #{ $height } em seguida
why-seed = Semente.{ " " }
why-seed-text = O hash do bloco pai #{ $parent }:{ " " }
why-reference = Referência.{ " " }
why-reference-text = Todos calculam o hash da semente: H(semente) ={ " " }
why-reference-point = . Lido como um número de 256 bits, é um ponto na reta.
why-lots = Bilhetes.{ " " }
# $lots: todos os bilhetes com a palavra; $stake: os bilhetes do vencedor; $share: a porcentagem dele.
why-lots-text = Cada token em stake é um bilhete; o bilhete k de um participante é H aplicada k vezes ao endereço dele + a semente. { $lots } no total; { $winner } tem { $stake } deles ({ $share }).
why-winning = Bilhete vencedor.{ " " }
why-winning-text = O bilhete mais perto da referência é o bilhete k = { $k } de { $winner }:{ " " }
why-offset = , distância{ " " }
# $offset: a que distância da referência fica o bilhete vencedor (lottery-offset-…).
why-offset-share = { " " }— { $offset }.
why-runner-up = Segundo colocado.{ " " }
why-runner-up-text = Bilhete k = { $k } de { $name }:{ " " }
why-runner-up-ratio = , { $ratio } vezes mais longe da referência.
why-runner-up-none = Nenhum: só existe um bilhete.
why-forger = Forjador.{ " " }
why-forger-next = Então { $winner } pode forjar o bloco #{ $height } na hora; qualquer outro precisa esperar um slot posterior —{ " " }
why-forger-forged = Então { $winner } forjou o bloco #{ $height } —{ " " }
why-forger-silent = { $winner } ficou em silêncio, então o bloco #{ $height } veio no slot { $slot }, do participante na posição { $rank } (os participantes são ordenados pelo bilhete mais próximo; a partir do slot r, o participante na posição r também pode forjar): { $forger } —{ " " }
why-forger-end = . Mais stake significa mais bilhetes, portanto mais chance, nunca certeza.
lottery-offset-tiny = menos de 1 parte em 2^64 do intervalo
# $percent: uma fatia do intervalo; $parts: 1 parte em quantas.
lottery-offset-share = { $percent } % do intervalo
lottery-offset-share-parts = { $percent } % do intervalo (1 parte em { $parts })
lottery-ratio-huge = muito mais que 10^6
python = Confira você mesmo em Python
python-help = Cole isto no Python 3 (só usa hashlib e json). Ele recalcula à mão a referência e o bilhete vencedor, depois cada bilhete, e imprime os valores mostrados acima.
python-snippet = O trecho de Python

## A reta numérica da loteria
line-reference = referência
line-reference-seed = referência H(semente)
line-offset = distância
# $name: um participante; $k: o índice do bilhete.
line-winner-label = vencedor: { $name }, bilhete k = { $k }
line-runner-up-label = segundo colocado: { $name }, bilhete k = { $k }
# $power: por exemplo 2^200.
line-minus = referência − { $power }
line-plus = referência + { $power }
# $role: o papel do bilhete no sorteio; $side: above (acima) ou below (abaixo); $offset: lottery-offset-….
line-lot-words = bilhete k = { $k } de { $name }{ $role ->
        [winner] { " " }(o vencedor)
        [runner-up] { " " }(o segundo colocado)
       *[other] {""}
    }, { $side ->
        [above] acima da
       *[below] abaixo da
    } referência, distância { $offset }
line-lot-short = bilhete k = { $k } de { $name }
line-card-staker = participante
line-card-winner = vencedor
line-card-runner-up = segundo colocado
line-card-index = índice k
line-card-hash = hash
line-card-offset = distância
line-card-offset-words = { " " }— { $offset }, { $side ->
        [above] acima da
       *[below] abaixo da
    } referência
line-runner-up = O segundo colocado: { $lot }.
line-no-runner-up = Sem segundo colocado: só existe um bilhete.
# $lots: todos os bilhetes com a palavra; $zoom: a ampliação; $won: o bilhete vencedor em palavras; $runner: line-runner-up ou line-no-runner-up.
line-words = Reta numérica de todos os 2^256 valores: { $lots }, a referência e um zoom ({ $zoom }) em volta dela. O bilhete vencedor: { $won }. { $runner }
line-slice = { $lots } neste 1/4096 do intervalo:{ " " }
line-slice-count = { $name } { $count }
line-slice-closest = Destes, o mais perto da referência:
line-hint = Aponte para a reta, ou foque um bilhete no zoom (Tab), para ler o participante, o índice k, o hash e a distância dele.
line-axis = todos os valores possíveis de um bilhete, 0 … 2^256 − 1: { $lots }
line-zoom-note = Zoom { $zoom }: a reta de baixo mostra a referência ± 2^{ $exp }{ " " }
line-zoom-in-view = ({ $lots } à vista).

## O histórico de forjadores, abaixo da loteria
history = Histórico de forjadores
history-title = Quem forjou cada bloco
history-empty = Nenhum bloco forjado ainda: o histórico começa no bloco #1.
history-range = { " " }— blocos do #1 ao #{ $blocks }; clique em um para ver a loteria dele
history-strip = { $blocks ->
        [one] { $blocks } bloco, na cor do seu forjador
        [many] { $blocks } blocos, cada um na cor do seu forjador
       *[other] { $blocks } blocos, cada um na cor do seu forjador
    }
history-block = Bloco #{ $height }: forjado por { $name }
history-chart = A fatia de blocos forjados até agora por cada participante (linha contínua) comparada com a fatia de stake dele (tracejada)
history-first = bloco #1
history-last = bloco #{ $blocks }
history-key = contínua: fatia de blocos forjados até agora · tracejada: fatia de stake
# $share, $stake: porcentagens com uma casa decimal.
history-legend = { " " }forjou { $forged } de { $blocks ->
        [one] { $blocks } bloco
        [many] { $blocks } blocos
       *[other] { $blocks } blocos
    } ({ $share } %); stake dele: { $stake } % no último sorteio

## As visões Python de um nó (/blockchain, /transactionPool, /info)
# $from, $to: nomes; $amount: tokens.
tx-stake = { $from } coloca { $amount } em stake
tx-exchange = A corretora vende { $amount } → { $to }
tx-transfer = { $from } paga { $amount } → { $to }
chain-table = Blocos, do mais recente ao mais antigo
chain-height = #
chain-hash = hash
chain-previous = anterior
chain-forger = forjador
chain-time = hora
chain-transactions = transações
chain-none = nenhuma
pool-empty = O pool está vazio: cada transação que este nó conhece está em um bloco.
pool-table = Transações no pool
pool-type = tipo
pool-what = o quê
pool-nonce = nonce
pool-id = id
info-address = Endereço{ " " }
# $forger: o nome do próximo forjador; $count: pares.
info-line = Altura { $height } · próximo forjador: { $forger } · { $count ->
        [one] { $count } par
        [many] { $count } pares
       *[other] { $count } pares
    }:{ " " }
info-stakers = Participantes
info-staker = participante
info-stake = stake (= bilhetes)
info-chance = chance de forjar
panels = Visões do nó
panels-node = Nó
panels-view = Visão
panels-chain = Blockchain
panels-pool = Pool
panels-info = Info
panels-raw = { " " }JSON bruto
panels-body = Visão do nó

## A árvore de blocos
tree = Árvore de blocos
tree-title = A árvore de blocos como { $node } a vê
tree-subtitle = { " " }— linha de cima: a cadeia que ele segue; abaixo: os ramos laterais que ele guarda (bifurcações)
tree-scroll = A árvore de blocos, com rolagem lateral
tree-picture = { $blocks ->
        [one] { $blocks } bloco
        [many] { $blocks } blocos
       *[other] { $blocks } blocos
    }, { $sides } deles em ramos laterais
# $height: o bloco; $forger: o forjador; $slot, $rank; $count: transações; $hash: curto.
tree-block = #{ $height } por { $forger } · slot { $slot } · posição { $rank } · { $count } tx · { $hash }

## O botão Copiar
copy = Copiar
copy-done = Copiado.
copy-selected = Selecionado: pressione Ctrl+C (⌘C no Mac) para copiar.

## A página em volta das seções
no-randomness-help = Cada chave do playground vem do gerador aleatório seguro do navegador (crypto.getRandomValues), e este navegador o recusou. Nada mais fraco é usado no lugar, então a página não inicia nenhuma rede. Tente outro navegador, ou abra esta página por https ou em localhost.
new-network-confirm = Começar uma nova rede? A cadeia, os saldos e as chaves desta aba serão substituídos; exporte a cadeia antes se quiser guardá-la.
# $file: o nome do arquivo.
files-saved = { $file } salvo
files-no-node = esse nó não existe
files-checking = Verificando o arquivo: a assinatura, as transações e a loteria de cada bloco…
files-imported = Cadeia válida de altura { $height } importada: esta aba agora roda uma nova rede a partir dela
# $why: a recusa, em palavras.
refused = Recusado: { $why }
# Na barra Turma: em que ponto está a lição do professor.
lesson-step-of = passo { $step } de { $steps }
next-forger = Próximo forjador
next-block = Próximo bloco
next-drawing = Sorteando a loteria depois do bloco mais recente: { $lots }, em um Web Worker para a página ficar livre. Ninguém forja sobre ele até o sorteio terminar.
# $name: o vencedor (em negrito antes destas palavras).
next-won = { " " }venceu o sorteio do bloco #{ $height }. Ele forja assim que o seu pool tiver uma transação.
next-nobody = Ninguém tem stake.

## A navegação do topo e o painel de lições
sections = Seções
section-nodes = Nós
section-lottery = Loteria
section-fairness = Equidade
section-faults = Falhas
section-tree = Árvore de blocos
section-panels = Visões Python
section-key = tecla { $number }
keys-switch = Teclas 1–6
    .title = As teclas 1 a 6 pulam para as seções; desligue-as se atrapalharem
keys-on = { " " }ligadas
keys-off = { " " }desligadas
lessons = Lições
lessons-menu = Lições…
presenter = Apresentador
lesson = Lição
lesson-loading = Carregando a lição…
lesson-close = Fechar
lesson-close-esc = Fechar (Esc)
lesson-waiting = Esperando acontecer: clique em Faça, ou faça à mão.
lesson-done = ✓ Feito.
lesson-already = ✓ Já está assim. Siga para o próximo quando quiser.
lesson-nothing-to-do = Nada a fazer: nenhum nó serve
lesson-not-shown = a parte da página que este passo mostra não está lá agora
lesson-opening = outra lição está sendo aberta
# Uma lição que não abre. $file: o caminho dela; $why: o que o navegador ou o servidor disse;
# $problem: o que há de errado no arquivo, nos termos do formato de lições (em inglês, como suas chaves title: e step:).
lesson-error = { $reason ->
        [badName] "{ $name }" não é um nome de lição (letras minúsculas, dígitos e -)
        [missing] O arquivo de lição { $file } não pôde ser carregado: { $why }
        [damaged] O arquivo de lição { $file } está danificado: { $problem }
       *[line] O arquivo de lição { $file } está danificado, linha { $line }: { $problem }
    }
# $title: o título da lição (do arquivo dela).
lesson-where = { $title } · passo { $step } de { $steps }
lesson-back = ◀ Voltar
lesson-do = Faça
# $button: o que o botão do passo faz (do arquivo da lição).
lesson-do-what = Faça: { $button }
lesson-next = Próximo ▶

## O laboratório de equidade. $rule: o nome da regra no console (lots, weighted, cometbft, ethereum, algorand, praos).
rule-name = { $rule ->
       *[lots] Bilhetes (esta cadeia)
        [weighted] Um sorteio ponderado
        [cometbft] CometBFT por turnos (round-robin)
        [ethereum] Ethereum (Electra)
        [algorand] Sorteio do Algorand
        [praos] Cardano Praos
    }
rule-short = { $rule ->
       *[lots] Bilhetes
        [weighted] Ponderado
        [cometbft] CometBFT
        [ethereum] Ethereum
        [algorand] Algorand
        [praos] Praos
    }
rule-how = { $rule ->
       *[lots] Cada token em stake é um bilhete, uma cadeia de hashes SHA-256 a partir da chave do participante e da semente; vence o bilhete mais perto de H(semente). Um hash por token por bloco: é justo, mas o trabalho cresce com o stake.
        [weighted] Um único hash da semente escolhe um ponto na reta de todo o stake, em que cada participante tem um trecho do tamanho do seu stake. As mesmas chances dos bilhetes, com um só hash, qualquer que seja o stake.
        [cometbft] Sem aleatoriedade: a cada rodada, a prioridade de cada validador cresce conforme o seu poder de voto; o de maior prioridade propõe e devolve o poder total. As vezes vêm em proporção exata, então dá para prever quem é o próximo.
        [ethereum] Cada token é 1 ETH; um participante roda um validador a cada 2.048 ETH (o último fica com o resto). A semente embaralha os validadores (swap-or-not, 90 rodadas) e os percorre nessa ordem: cada um é aceito com chance de cerca de seu saldo ÷ 2.048 ETH (um valor aleatório de 16 bits); se não, tenta-se o próximo. Validadores pequenos ficam quase proporcionais ao stake; perto de 2.048 ETH, o primeiro da ordem leva vantagem (2.048 e 1.024 ETH ficam com 75 % e 25 %, não 67 % e 33 %). O Electra (2025) aumentou o limite de 32 para 2.048 ETH e o valor aleatório de 8 para 16 bits.
        [algorand] Cada token é, de forma independente, um voto com probabilidade τ ÷ stake total (aqui τ = 20), então os votos de um participante seguem uma distribuição binomial. Forma-se um comitê de cerca de 20 votos; seus membros dividem a rodada. O teste conta votos.
        [praos] Cada participante lidera um slot em segredo com probabilidade φ(σ) = 1 − (1 − f)^σ, f = 1/20: um slot pode não ter líder ou ter vários. φ cresce um pouco mais devagar que σ, então dividir o stake não traz ganho nenhum.
    }
rule-source = { $rule ->
       *[lots] Proof-of-Stake-in-Python, ProofOfStake.py
        [weighted] o sorteio ponderado por stake dos livros didáticos
        [cometbft] especificação do CometBFT, proposer-selection.md
        [ethereum] consensus-specs, compute_proposer_index do Electra; idêntico bit a bit
        [algorand] Gilad et al., Algorand, SOSP 2017
        [praos] David et al., Ouroboros Praos, Eurocrypt 2018
    }
# $p: o valor p em palavras (fairness-p-…); $against: stake ou design.
fairness-verdict = { $verdict ->
        [tooFew] Ainda há poucas vitórias para testar: rode mais rodadas.
        [exact] Mais perto de { fairness-target } do que a sorte jamais chegaria (p = { $p }): as vezes são distribuídas por uma regra, não sorteadas.
        [fits] As vitórias batem com { fairness-target }. Uma diferença deste tamanho ou maior acontece por puro acaso com frequência de { $p }, então não há sinal de diferença.
        [borderline] No limite em relação a { fairness-target }: uma diferença deste tamanho acontece por acaso com frequência de apenas { $p }. Rode mais rodadas: uma diferença real fica cada vez mais clara, e a sorte se compensa.
       *[deviates] As vitórias não seguem { fairness-target }: só o acaso daria uma diferença deste tamanho com frequência de apenas { $p }.
    }
fairness-target = { $against ->
        [design] o que a regra foi projetada para dar
       *[stake] as fatias de stake
    }
fairness-p-tiny = menos de 1 em um milhão
# $n: 1 em quantos.
fairness-p-one-in = 1 em { $n }
# $percent: uma porcentagem.
fairness-p-percent = { $percent } %
fairness = Laboratório de equidade
fairness-subtitle = { " " }— a loteria segue o stake? Milhares de rodadas, e como outras cadeias escolhem
lab-loading = O laboratório está chegando…
lab-not-loaded = Não foi possível carregar o laboratório ({ $why }). Recarregue a página para tentar de novo.
fairness-lede = Cada rodada sorteia um forjador a partir da tabela de stakes; a semente dela é o hash da rodada anterior, como na cadeia. A mesma tabela roda sob seis regras lado a lado, fora da thread da página, cada uma exatamente como a sua fonte a define. Depois vêm dois testes: a fatia de vitórias de cada participante se aproxima da fatia de stake dele? E se aproxima do que a regra foi feita para dar? (Os dois diferem no Ethereum perto de 2.048 tokens, e Algorand e Praos podem escolher vários ou ninguém.)
lab-staker = participante
lab-stake = stake
lab-share = fatia
# $name: um participante da tabela do laboratório.
lab-stake-of = Stake de { $name }
lab-remove = remover { $name }
lab-add = + Participante
lab-network = Os stakes da rede
lab-example = Exemplo 10 / 30 / 60
lab-rounds = rodadas{ " " }
lab-lots-per-round = { $lots } por rodada para a regra dos bilhetes
lab-rules = regras
lab-stop = ■ Parar
lab-run = ▶ Executar
lab-starting = iniciando o worker…
# $name: um participante; $stake: o que foi digitado.
lab-not-a-number = o stake de { $name }, "{ $stake }", não é um número inteiro
# Por que o laboratório não pode rodar. $max: o máximo permitido; $detail: as palavras do laboratório do núcleo (em inglês).
refusal-lab = { $reason ->
        [noStakers] a tabela de stake está vazia: adicione um participante
        [tooManyStakers] { $stakers } participantes são demais: no máximo { $max }
        [noStake] ninguém tem stake: dê a alguém um stake maior que 0
        [tooMuchStake] os stakes somam { $total }: no máximo { $max } (cada bilhete passa pelo hash a cada rodada)
        [rounds] { $rounds } rodadas: escolha entre 1 e { $max }
        [noRule] escolha pelo menos uma regra
       *[lab] { $detail }
    }
# Por que uma execução de grinding não pode começar. $grinder, $friend: índices de participantes; $pool: transações.
refusal-grind = { $reason ->
        [grinderOutOfRange] quem faz grinding deve ser um dos { $stakers } participantes (índice { $grinder } informado)
        [friendOutOfRange] o amigo deve ser um dos { $stakers } participantes (índice { $friend } informado)
        [poolTooLarge] o pool pode ter no máximo { $max } transações ({ $pool } informadas)
        [noStake] algum participante precisa ter stake
        [tooManyLots] os stakes podem somar no máximo { $max } bilhetes ({ $lots } informados)
        [tooManyStakers] no máximo { $max } participantes ({ $stakers } informados)
       *[other] { $reason }
    }
lab-rounds-of = { $done } de { $goal } rodadas
lab-draws-of = { $done } de { $goal } sorteios: { $rounds } rodadas × { $rules } regras
# $work: lab-rounds-of ou lab-draws-of; $seconds: tempo; $state: em que ponto está a execução.
lab-status = { $work } · { $seconds } s{ $state ->
        [stopped] { " " }· parado
        [done] { " " }· concluído
       *[running] {""}
    }
lab-follow-stake = Segue o stake? χ² = { $chi } com { $degrees } graus de liberdade, p = { $p }.{ " " }
lab-follow-design = Faz o que os projetistas pretendiam? χ² = { $chi } em relação às fatias que a regra foi feita para dar, p = { $p }.{ " " }
lab-stake-share = fatia de stake
lab-votes = { $count } votos
lab-wins = { $count } vitórias
lab-expected = esperado { $share }
lab-rounds-row = rodadas
lab-p-value = valor p
lab-chi-expected = χ² vs. esperado
    .title = as vitórias em relação ao que cada regra foi feita para dar
lab-p-expected = valor p vs. esperado
lab-empty-shared = rodadas vazias / compartilhadas
    .title = rodadas sem líder / com vários líderes, e a fatia esperada dessas rodadas
lab-expected-pair = esperado { $empty } / { $shared }
lab-rule-note = { $name }. { $how }
lab-rule-source = { " " }({ $source })
lab-electra = Ethereum: a chance de um validador ser aceito
lab-electra-caption = Ethereum: a chance de um validador ser aceito quando chega a vez dele
lab-balance = saldo
lab-accepted = aceito
lab-chart = { $rule }: a fatia de vitórias de cada participante em { $rounds } rodadas (contínua) comparada com a fatia de stake dele (tracejada)
lab-chart-axis = rodadas (escala logarítmica) · contínua: fatia de vitórias até agora · tracejada: fatia de stake
lab-end-title = { $name }: { $wins } das vitórias, { $stake } do stake

## A demonstração de grinding no laboratório de equidade
grinding = Grinding
grinding-title = Grinding: um forjador consegue direcionar o próximo sorteio?
grinding-help = O próximo forjador é sorteado a partir do hash do bloco anterior, e esse hash cobre as transações do bloco na ordem delas. Então um forjador pode testar cada ordem e cada subconjunto do seu pool, calcular o hash de cada versão (não precisa assinar até publicar), rodar a loteria em cada uma e publicar a que faz dele mesmo — ou de um amigo — o próximo forjador. Aqui, blocos reais com transações reais assinadas passam pelo hash com o próprio código da cadeia.
grinding-grinder = quem faz grinding{ " " }
grinding-friend = o amigo dele{ " " }
grinding-nobody = ninguém
grinding-pool = transações no pool dele{ " " }
# $count: transações; $versions: quantos blocos diferentes elas formam.
grinding-versions = { $count } → { $versions } versões do bloco
grinding-blocks = blocos{ " " }
grinding-run = ▶ Honesto vs. grinding
grinding-status = { $done } de { $goal } blocos · { $seconds } s{ $state ->
        [stopped] { " " }· parado
        [done] { " " }· concluído
       *[running] {""}
    }
grinding-why = Por que cadeias reais não são tão fáceis de direcionar.{ " " }
grinding-randao = O RANDAO do Ethereum mistura a revelação de cada proponente, uma assinatura BLS do número da época: um único valor fixo por proponente, então não há nada para testar. A única escolha dele é revelar ou pular o seu slot — um bit de influência, pago com o bloco e a recompensa dele.{ " " }
grinding-vrf = Algorand e Cardano usam uma VRF: a entrada da loteria é a VRF de um nonce fixado antes de existir o conteúdo de qualquer bloco e do número do slot, uma saída por chave e slot, então reordenar as transações não muda nada.
grinding-share = fatia de blocos forjados pelo lado de quem faz grinding
grinding-its-stake = stake dele
grinding-honest-play = jogo honesto
grinding-ground = grinding, { $versions } versões
grinding-predicted = grinding, previsto
grinding-formula = fatia prevista a longo prazo s ÷ (s + (1 − s)^V), para fatia de stake s e V versões: quando o lado de quem faz grinding forja, ele fica com o próximo bloco, a menos que todas as V versões falhem
grinding-first = quem forjou os primeiros { $count } blocos
grinding-honest = honesto
grinding-grinding = grinding
grinding-block = bloco { $height }: { $name }
grinding-block-ground = bloco { $height }: { $name } — o bloco anterior passou por grinding
grinding-summary = O grinding mudou o próximo forjador em { $changed } dos { $blocks } blocos que o lado de quem faz grinding forjou, calculando o hash de { $tried } versões de bloco no total (jogo honesto: { $honest }). Um pé escuro marca um bloco vencido porque o anterior passou por grinding.

## Recompensas e capitalização no laboratório de equidade
# $schedule: constant ou geometric.
cmp-title-of = { $schedule ->
        [geometric] Recompensa geométrica
       *[constant] Recompensa constante
    }
cmp = Recompensas e capitalização
cmp-title = Recompensas e capitalização: os ricos ficam mais ricos?
cmp-help = O forjador de cada bloco ganha uma recompensa e a coloca em stake de novo, então um participante que vence cedo tem mais stake e vence mais vezes depois. Aqui, a fatia de um participante em todo o stake é acompanhada ao longo de muitas execuções independentes dos mesmos blocos, sob duas formas de pagar a mesma recompensa total: a mesma recompensa a cada bloco, ou a mesma fração de todo o stake a cada bloco (geométrica). Cada execução sorteia o vencedor de cada bloco com exatamente a fatia de stake dele, a partir de uma cadeia de sementes SHA-256, em um worker.
cmp-watch = participante a acompanhar{ " " }
cmp-reward = recompensa por bloco{ " " }
# $reward: uma fatia do stake inicial.
cmp-reward-of = { $reward } do stake inicial
cmp-blocks = blocos{ " " }
cmp-runs = execuções{ " " }
cmp-run = ▶ Executar os dois esquemas
cmp-progress = execuções feitas
cmp-status = { $done } de { $goal } execuções de { $blocks } blocos · { $seconds } s{ $state ->
        [stopped] { " " }· parado
        [done] { " " }· concluído
       *[running] {""}
    }
cmp-caption = Fatia final de { $name } após { $blocks } blocos, { $runs } execuções
cmp-reward-row = recompensa por bloco
cmp-rate-of = { $rate } do stake anterior
cmp-mean = média, simulada
cmp-mean-exact = média, exata
cmp-variance = variância, simulada
cmp-variance-exact = variância, exata
cmp-agreement = simulado vs. exato
cmp-sd = desvio padrão
cmp-sd-value = { $sd } (exato: { $exact })
cmp-exact = Exato: a média da fatia nunca se move (é um martingale), e a sua variância é v(1 − v)·(1 − Π(1 − (R/T)²)) sobre as recompensas R e os totais T dos blocos; para uma recompensa constante r, é a da Beta-Binomial, v(1 − v)·n·r² / ((1 + r)(1 + n·r)), que tende a v(1 − v)·r / (1 + r) = { $limit } conforme o número de blocos cresce. ± é um erro padrão da simulação.
cmp-chart = { $schedule }: quantas das { $runs } execuções terminaram com cada fatia final de { $name }; a fatia inicial, { $start }, está tracejada
cmp-every-constant = : { $reward } do stake inicial a cada bloco
cmp-every-geometric = : { $rate } do stake a cada bloco, o mesmo total
cmp-bin = de { $from } a { $to }: { $count } execuções
cmp-start = início { $share }
cmp-axis = fatia de { $name } em todo o stake após { $blocks } blocos · barras: execuções
# Os números em palavras. $mantissa, $error: decimais; $exponent: uma potência de dez sobrescrita (⁻⁴).
cmp-zero = 0
cmp-scientific = { $mantissa } × 10{ $exponent }
cmp-scientific-error = { $mantissa } ± { $error } × 10{ $exponent }
# $value, $error: porcentagens (percent).
cmp-plus-minus = { $value } ± { $error }
# $points: pontos percentuais de fatia, um decimal.
cmp-points = { $points } pontos
cmp-agree-equal = iguais
cmp-agree-unknown = execuções de menos para dizer
# $errors: um decimal.
cmp-agree-apart = a { $errors } erros padrão de distância
# $index: o lugar do participante acompanhado na tabela, a partir de 0 (quando ele não tem nome).
cmp-staker = participante { $index }
# A ideia do artigo, com os números da própria execução. $start, $constant, $geometric, $rate:
# porcentagens (percent); $sd, $exact, $limit: dispersões (cmp-points).
cmp-point-average = Os ricos ficam mais ricos? Não em média. Em cada bloco, um participante vence com exatamente a fatia dele do stake, então a fatia esperada nunca muda: é um martingale. Os dois histogramas se centram nos { $start } iniciais (médias { $constant } e { $geometric } em { $runs } execuções).
cmp-point-luck = Mas a sorte se acumula. Com a mesma recompensa a cada bloco, um participante que vence cedo tem mais stake e vence mais vezes depois, então a fatia final se espalha bastante em torno do início: após { $blocks } blocos, um desvio padrão de { $sd } (exatamente { $exact }). Mais blocos não equilibram: a dispersão tende a v(1 − v)·r / (1 + r), aqui { $limit }.
cmp-point-geometric = Pagar o mesmo total como uma fração fixa do stake a cada bloco (recompensas geométricas: aqui { $rate } do stake por bloco) é o que menos espalha: { $sd } (exatamente { $exact }). Uma recompensa constante é grande diante do pouco stake dos primeiros blocos, então a sorte do começo pesa mais; a recompensa geométrica pesa igual em cada bloco. Fanti et al. provam que ela é a mais equitativa: nenhuma forma de distribuir o mesmo total espalha menos (Compounding of Wealth in Proof-of-Stake Cryptocurrencies, Financial Cryptography 2019).
# Por que uma execução não pode começar. $max: o máximo permitido; $rewardPpm: milionésimos do stake inicial.
refusal-setup = { $reason ->
        [noStakers] a tabela de stake está vazia: adicione um participante
        [tooManyStakers] { $stakers } participantes são demais: no máximo { $max }
        [watchedOutOfRange] o participante { $watched } não está na tabela: escolha um dos { $stakers } participantes (a partir de 0)
        [noStake] ninguém tem stake: dê a alguém um stake maior que 0
        [tooMuchStake] os stakes somam { $total }: no máximo { $max }
        [blocks] { $blocks } blocos: escolha entre 1 e { $max }
        [runs] { $runs } execuções: escolha entre 1 e { $max }
        [tooMuchWork] { $runs } execuções de { $blocks } blocos são blocos demais no total: no máximo { $max }, para que uma execução dure menos de alguns segundos; escolha menos execuções ou menos blocos
        [reward] uma recompensa de { $rewardPpm } milionésimos do stake por bloco: escolha entre 1 e { $max } (todo o stake inicial)
       *[other] { $reason }
    }

## O programa em Python que recalcula um sorteio (seção do sorteio): seus comentários.
python-head = Quem forja o bloco #{ $height }? Recalcule o sorteio à mão (Python 3: só hashlib e json).
python-hash = O hash da cadeia: SHA-256 do texto x codificado em JSON, em hexadecimal.
python-seed = o hash do bloco pai (bloco #{ $height })
python-stakers = (endereço, stake): um bilhete por token em stake, na ordem de stake
python-by-hand = À mão: o bilhete k = { $k } de { $name } é H aplicada { $k } vezes ao seu endereço + semente.
python-every-lot = Todos os bilhetes ({ $count } no total), guardando os dois mais próximos da referência.
python-tie = Em caso de empate, vence o bilhete anterior.
python-best = (distância, endereço, k, bilhete), o mais próximo primeiro
python-best-of = a menor distância de cada participante
python-fallback = { $name } venceu o sorteio mas não forjou: com slots, o participante na posição r pode forjar a partir do slot r.
python-ranked = Os participantes são ordenados pelo bilhete mais próximo (empates: ordem de stake).
python-rank = a página: { $rank }

## The history bar (issue 29)
# $most: how many events a history holds at most.
feed-history-restart = O histórico chegou a { $most } eventos: ele recomeça a partir daqui
history-label = Histórico da rede
history-play = ▶ Reproduzir
history-play-title = Continua na velocidade escolhida; se o passado estiver na tela, primeiro o reproduz
history-pause = ‖ Pausar
history-back = ◀ Voltar
history-back-title = Um evento para trás
history-forward = Passo ▶
history-forward-title = Um evento para frente
history-speed = Velocidade
history-slider = Evento mostrado
history-mark-block = bloco #{ $height }
history-mark-fork = bifurcação
history-now = Voltar ao presente
history-status-now = Agora: evento { $event }
history-status-now-paused = Agora: evento { $event }, pausado
history-status-past-alone = Evento { $at } de { $now }: o passado (agir aqui começa um novo ramo)
history-status-past-linked = Evento { $at } de { $now }: vendo o passado: a rede continua
history-jump-block = Bloco
history-go = Ir
history-branch = Ramo
history-branch-first = { $branch } (o primeiro)
history-branch-from = { $branch } (do { $parent } no evento { $event })
history-save = Salvar gravação
history-save-title = Um arquivo com a chave secreta de cada nó (no máximo 8 MiB, 6 horas)
history-open = Abrir uma gravação:
history-saved = { $file } salvo (ele tem a chave secreta de cada nó)
history-opened = Gravação de { $events } eventos aberta, pausada no fim
history-opening = Abrindo a gravação: entrada { $done } de { $total }
history-open-cancel = Cancelar
history-open-cancelled = A abertura da gravação foi cancelada: nada mudou
history-opening-already = Uma gravação já está sendo aberta: espere ou cancele
history-too-big = Este arquivo tem { $size } bytes: uma gravação tem no máximo { $most } bytes (8 MiB)
