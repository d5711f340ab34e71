# pos-playground's words in English: the language every other one falls back to.
# Fluent syntax (https://projectfluent.org): `key = text`, `{ $name }` for a value the page
# fills in, `{ $count -> [one] … *[other] … }` for plurals. Keep every key and every
# `{ $name }`; translate the rest. docs/languages.md says how to add a language.

## The language menu
language-label = Language
language-missing = { $language } lacks { $count ->
        [one] one text: it is shown in English
       *[other] { $count } texts: they are shown in English
    }

## The top of the page
app-lede = A Proof-of-Stake chain running in this tab. Every staked token is a lottery ticket: the node whose ticket lands closest to the block's reference forges the next block.
netbar =
    .aria-label = Network
netbar-nodes = { $count ->
        [one] node here
       *[other] nodes here
    }
netbar-blocks = { $count ->
        [one] block
       *[other] blocks
    }
netbar-agree = all nodes agree
netbar-catching-up = nodes catching up…
netbar-latency = { $ms } ms links
add-node = + Add node
new-network = New network…
    .title = Start over with a new genesis (asks first)
remove-node = − Remove node

## A saved playground that cannot come back
recovery-title = The saved playground could not be restored
recovery-reason = What the browser kept for this tab is not a valid playground: { $reason }.
recovery-nothing-overwritten = Nothing is overwritten until you choose. Keep a copy of the saved data if you want to look at it, then start fresh.
recovery-download = Download a copy
recovery-start-fresh = Start fresh

## The foot of the page
footer-console = Console:
footer-readme = — see the README.

## A node's card
card-host = host
    .title = holds the genesis key and the exchange
card-forges-next = forges next
card-crashed = crashed
card-adversary = adversary
card-balance = balance
card-stake = stake
card-pool = pool
card-height = height
card-tip = tip
card-actions = { $node } actions
card-action = Action
card-buy = Buy
card-transfer = Transfer
card-stake-verb = Stake
card-amount = Amount
card-to = To
card-send = Send
card-forge = Forge now
    .title = Forge a block now (only the draw's winner may)
card-not-a-number = Refused: "{ $amount }" is not a whole number of tokens

## Chain files
files =
    .aria-label = Save and share chains
files-export = Export { $node }'s chain
files-with-keys = with secret keys
files-keys-confirm = Include secret keys? Whoever gets the file can spend this node's tokens (and the exchange's, on the host).
files-import = Import a chain file:

## The network of tabs
net =
    .aria-label = Network of tabs
net-network = Network
net-tab = tab
net-role-solo = this tab runs alone
net-role-discovering = looking for network "{ $name }"…
net-role-host = this tab hosts the network (genesis and exchange)
net-role-member = this tab is a member
net-hint-open = To join tabs or windows into one network, open
net-hint-each = in each of them.
net-no-tabs = no other tabs yet
net-the-server = the class server
net-tab-named = tab { $tab }
# $role is the tab's role as the console names it (host, member); $via: webrtc, relay or here.
net-peer = { $who } · { $role } · height { $height }{ $via ->
        [webrtc] { " " }· other machine
        [relay] { " " }· relayed by the server
       *[here] {""}
    }
net-more-tabs = and { $count } more (the Class roster lists everyone)
net-refused = { $count ->
        [one] { $count } message refused
       *[other] { $count } messages refused
    }
net-conflict = Tab { $tab } runs another network called "{ $name }" (genesis { $genesis }…, height { $height }). Both cannot be one chain.
net-join-theirs = Join theirs (drop this tab's chain)
net-keep-mine = Keep mine (ignore that tab)

## The Class bar (a page of a class server with a teacher)
class-bar = Class
    .aria-label = Class
class-you-lead = You lead the class
class-taking-lead = Taking the lead…
class-not-leading = Not leading: { $reason }
class-pace =
    .aria-label = Who sets the pace
class-follow-me = Follow me
class-free = Free
class-clock =
    .aria-label = The class clock
class-resume = ▶ Resume
class-step = Step one block
    .title = Exactly one more block: the rightful forger's
class-pause = ⏸ Pause
    .title = No node of the class forges until you resume
class-speed = Speed
# $who: teacher (the teacher's bar) or student (a student's bar, which names the clock).
class-clock-paused-at = { $who ->
        [student] Class clock: paused at block #{ $height }
       *[teacher] Paused at block #{ $height }
    }
class-clock-paused = { $who ->
        [student] Class clock: paused
       *[teacher] Paused
    }
class-clock-running = { $who ->
        [student] Class clock: running { $speed } (a slot lasts { $slot })
       *[teacher] Running { $speed } (a slot lasts { $slot })
    }
class-following = { $following } following · { $exploring } exploring
class-call-back = Call everyone back
class-refused = { $count ->
        [one] { $count } lead message from other pages refused
       *[other] { $count } lead messages from other pages refused
    }
class-no-teacher = No teacher leads the class now
class-free-explore = Free: the teacher lets everyone explore
class-exploring = Exploring on your own
class-following-at = Following the teacher · { $step }
class-following-teacher = Following the teacher
class-follow-teacher = Follow the teacher
class-explore = Explore on my own
class-whole = The whole playground ↓

## The student's view of the next draw
my-draw-next = The next draw
my-draw-nobody = Nobody stakes yet: the first staker's lots will be the whole draw.
my-draw-title = The draw for block #{ $height }
my-draw-lots = Your lots
my-draw-no-lots = none: stake tokens to take part
my-draw-lots-of = { $lots } of { $total ->
        [one] { $total } lot
       *[other] { $total } lots
    }
my-draw-chance = Your chance
my-draw-reference = The reference
my-draw-winner = The winner
my-draw-you-won = { " " }— you: you forge the next block
my-draw-every-lot = Every lot of this draw ↓

## Faults: break the network, watch it heal
faults = Break it, watch it heal
    .aria-label = Break the network
faults-subtitle = { " " }— faults and adversaries for this tab's nodes
faults-latency = latency
faults-jitter = jitter
faults-lost = lost
faults-apply = Apply
faults-now = now: { $latency } ms, ±{ $jitter } ms, { $lost } % lost
faults-node = node
faults-group = group
faults-power = power
faults-behaviour = behaviour
faults-group-of = { $node }: group { $group }
faults-restart = Restart
faults-crash = Crash
faults-behaviour-of = { $node }'s behaviour
# $behaviour is the core's name of a behaviour (the console's): one line for each.
faults-behaviour-option = { $behaviour ->
        [forgeOutOfTurn] adversary: forges blocks when it is not its turn
        [doubleSpend] adversary: spends the same tokens twice, one spend to each half of its peers
        [forgedSignature] adversary: sends blocks in the winner's name with a forged signature
        [equivocate] adversary: forges two different blocks whenever it may forge one
        [tamperedChain] adversary: offers a tampered chain to nodes that sync from it
       *[honest] honest
    }
faults-split = Split into A | B
faults-heal = Heal
faults-split-now = split: { $groups }
faults-one-network = one network: every node hears every other

## The Class panel and its roster
class-connected = Connected to the class server: { $webrtc ->
        [one] { $webrtc } page
       *[other] { $webrtc } pages
    } linked directly over WebRTC, { $relayed ->
        [one] { $relayed } page
       *[other] { $relayed } pages
    } relayed through the server.
class-connecting = Connecting to the class server…
class-every-laptop = Every laptop opens
class-or-scan = or scans the code (click it to show it big):
class-qr =
    .title = Show the code big, for the projector (click again to shrink)
class-qr-alt = QR code of { $address }
roster-caption = Everyone on this network: stake and blocks forged on this tab's chain.
roster-who = Who
roster-stake = Stake
roster-forged = Blocks forged
roster-path = Connected by
roster-online = Online
roster-follows = Follows
yes = yes
no = no

## The timeline of blocks
timeline = Blocks
timeline-subtitle = { " " }— dots: nodes holding the block
timeline-txs = { $count } tx
timeline-held = held by { $held } of { $nodes } nodes
timeline-holds = { $node }: holds it
timeline-not-yet = { $node }: not yet

## Link machines (WebRTC, pasted invitations)
links = Link machines
    .aria-label = Links to other machines
# $server: yes when the class server made the links; $open: how many are open.
links-summary = { $server ->
        [yes] WebRTC links the class server made
       *[no] WebRTC, no server
    } · this tab is { $tab } · { $open ->
        [one] { $open } open link
       *[other] { $open } open links
    }
links-hint-server = The class server links this page to a few others by itself and relays the pairs whose link cannot open; nothing needs pasting. A machine without the server can still be linked by hand here.
links-hint-alone = Tabs of this browser share the network by themselves. To join another computer: create an invitation here, paste it into the Links panel there and accept it, then paste its answer back here.
links-invite-title = Invite another machine
links-invite = Create an invitation
links-its-answer = Its answer
links-answer-in =
    .placeholder = pos1:… (the answer from the other machine)
links-complete = Complete the link
links-accept-title = Accept an invitation
links-the-invitation = The invitation
links-invitation-in =
    .placeholder = pos1:… (the invitation from the other machine)
links-accept = Accept and make an answer
links-invitation-ready = Invitation ready: copy it to the other machine, accept it there, and paste its answer below.
links-no-invitation = No invitation: { $reason }
links-answer-taken = Answer taken: link { $link } is connecting.
links-link = Link { $link }
links-since = { $side } · since { $since }
links-frames-in = { $count } frames in
links-remove = Remove
links-cancel = Cancel
links-unknown-tab = a tab not known yet
links-invited = invited { $who }
links-accepted = accepted { $who }'s invitation
links-no-stun = No STUN server: machines link when they are on one network that lets them talk to each other (same LAN or Wi-Fi without client isolation). Otherwise add ?stun=host:port to the page's address.
links-stun = { $count ->
        [one] STUN server
       *[other] STUN servers
    }: { $servers }.
links-not-redialled = A closed or failed link is not re-dialled: make a new invitation. The tab keeps working with the peers it has.
# $what: invitation or answer.
links-handover = { $what ->
        [answer] answer
       *[invitation] invitation
    }
links-characters = { $count } characters
links-show-qr = Show as QR code
links-qr-of = QR code of the { $what ->
        [answer] answer
       *[invitation] invitation
    }
links-qr-scanning = Scanning it needs a camera and a QR reader on the other machine (a phone can pass the text on); this page does not scan. Pasting the text is enough.
links-qr-too-long = Too long for a QR code: copy the text and paste it on the other machine.

## Names the page gives nodes and addresses
# $number: the node's number in this tab, from 1.
node-name = Node { $number }
name-exchange = Exchange
name-class-server = the class server
name-genesis = genesis
name-nobody = nobody
# $address: a short address or peer id (hex digits).
name-address = { $address }
# $node: a node's name; $tab: the other tab's id.
name-peer-of-tab = { $node } @{ $tab }

## The activity feed ("What happened"); $node is a node's name, $peer the node it heard from
activity = What happened
    .aria-label = Activity
feed-forged = { $node } won the draw and forged block #{ $height } with { $count ->
        [one] { $count } transaction
       *[other] { $count } transactions
    }
feed-forged-in-slot = { $node } forged block #{ $height } in slot { $slot }: it ranked { $rank } in the draw, and the nodes ahead of it stayed silent
# $tip: the new tip's hash, short; $depth: blocks undone; $returned: transactions back in the pool.
feed-reorg = { $node } switched to a better branch (tip { $tip }): { $depth ->
        [one] { $depth } block
       *[other] { $depth } blocks
    } undone, { $returned ->
        [one] { $returned } transaction
       *[other] { $returned } transactions
    } back in its pool
feed-equivocation = { $node } caught { $forger } forging { $count } different blocks at height { $height }: evidence kept, fork choice keeps one
# $behaviour: the core's name of the behaviour (see faults-behaviour-option).
feed-misbehaved = { $node } ({ faults-behaviour-option }) acted at height { $height }
feed-chain-replaced = { $node } was behind (height { $old }) and took { $peer }'s chain up to height { $new }
# $why: the reason, in the words of refusal-tx, refusal-block, refusal-chain or refusal-message.
feed-tx-refused = { $node } refused a transaction from { $peer }: { $why }
feed-tx-dropped = { $node } dropped a pooled transaction: { $why }
feed-block-refused = { $node } refused block #{ $height } from { $peer }: { $why }
feed-chain-refused = { $node } refused the chain of { $peer }: { $why }
feed-message-dropped = { $node } dropped a message from { $peer }: { $why }
feed-peer-lost = { $node } lost touch with { $peer }
feed-node-joined = { $node } joined the network
feed-node-left = { $node } left the network
# $amount: tokens; $to: who receives them.
feed-asked = { $node } asked the exchange for { $amount } tokens
feed-staked = { $node } staked { $amount } tokens
feed-sent = { $node } sent { $amount } tokens to { $to }
feed-links-now = Links now: { $latency } ms latency, { $jitter } ms jitter, { $lost } % lost
# $groups: node numbers, groups split by "|".
feed-split = The network is split: { $groups }
feed-healed = The partition is healed: every node hears every other again
feed-crashed = { $node } crashed
feed-restarted = { $node } restarted and is catching up
feed-behaviour-now = { $node } now { $behaviour ->
        [forgeOutOfTurn] forges blocks when it is not its turn
        [doubleSpend] spends the same tokens twice, one spend to each half of its peers
        [forgedSignature] sends blocks in the winner's name with a forged signature
        [equivocate] forges two different blocks whenever it may forge one
        [tamperedChain] offers a tampered chain to nodes that sync from it
       *[honest] follows the protocol
    }
# $network: the network's name.
feed-joined-network = This tab joined the network "{ $network }" and is fetching its chain
feed-new-network = This tab started a new network "{ $network }" and hosts genesis and the exchange
feed-started-network = Nobody runs "{ $network }" yet: this tab started it and hosts genesis and the exchange
feed-restored = Restored this tab from the browser's storage: height { $height }, every block checked again
feed-imported = Started a new network from an imported chain: { $count ->
        [one] { $count } block
       *[other] { $count } blocks
    }, every one checked
feed-server-new-chain = The class server started a new chain (it restarted): this page joins it, keeping its keys
feed-conflict = Tab { $tab } runs a different network under the same name: choose which one to keep
feed-invitation-conflict = The invitation from tab { $tab } is for another network, and this tab has blocks of its own: choose which one to keep
feed-linked = Linked to tab { $tab } on another machine (WebRTC)
# $word: how the link ended; $reason: why (both in English for now, from the browser's link).
feed-link-over = The link to tab { $tab } { $word }: { $reason }. This tab keeps working with the peers it has; a new invitation links it again
feed-class-paused-at = The class clock is paused: no block above #{ $height } until the teacher steps or resumes
feed-class-paused = The class clock is paused
# $speed: such as ×0.25; $slot: such as 16 s.
feed-class-runs = The class clock runs at { $speed }: a slot lasts { $slot }
feed-called-back = The teacher called everyone back: following the teacher again
feed-not-leading = The class server refused to be led from here: { $reason }
feed-ignored-lesson = Ignored the teacher's lesson "{ $lesson }": { $reason }
feed-ignored-lesson-unknown = Ignored the teacher's lesson "{ $lesson }": this page's lesson menu has no such lesson
feed-ignored-block = Ignored the teacher's block #{ $height }: this page's chain ends at #{ $tip }, and the draw for #{ $next } is the furthest it can show

## What a node card says after an action
result-asked = Asked the exchange for { $amount } tokens
result-staking = Staking { $amount } tokens: waiting for a block
result-staked = Staked { $amount } tokens in block #{ $height }
result-sending = Sending { $amount } tokens to { $to }: waiting for a block
result-sent = Sent { $amount } tokens to { $to } in block #{ $height }
result-forged = Forged block #{ $height }
result-refused = Refused: { $why }
card-to-node = → { $node }

## Refusals: why a node refused something. Each selects on $reason, the rule's name.
refusal-no-node = there is no node { $index }
refusal-no-answer = the node did not answer
refusal-nothing-happened = nothing happened
refusal-not-the-winner = { $node } did not win the draw for the next block: { $winner } did
# A transaction. $expected/$got: transaction numbers; $balance/$amount: tokens; $nonce, $with: the other transaction.
refusal-tx = { $reason ->
        [zeroAmount] the amount must be more than zero
        [badSignature] the signature is not the sender's
        [duplicate] this transaction is already in the pool
        [alreadyOnChain] this transaction is already in the chain
        [nonceGap] out of order: the sender's next transaction number is { $expected }, this one is { $got }
        [insufficientBalance] not enough tokens: the sender has { $balance } available but needs { $amount }
        [selfTransfer] a transfer must go to someone else
        [stakeForOther] a stake must go to the sender's own stake
        [notExchange] only the exchange can sell tokens
        [exchangeOnlySells] the exchange account can only sell tokens, not transfer or stake
        [overflow] the amount would overflow a balance
        [poolFull] the transaction pool is full
        [conflict] double spend: the sender's transaction number { $nonce } is already taken by { $with }
       *[other] { $reason }
    }
# A block. $forger, $expected, $got: short addresses; $why: a transaction's refusal (refusal-tx);
# $future: the most ms a block may be ahead; $most: the most transactions in a block.
refusal-block = { $reason ->
        [wrongHeight] wrong height: expected { $expected }, got { $got }
        [unknownParent] its previous hash is not this chain's tip
        [notTheForger] forged by { $got } but the lottery chose { $expected }
        [outOfTurn] forged out of turn: { $forger } ranks { $rank } in the draw, so it may forge from slot { $rank } on, but the block is in slot { $slot }
        [badSignature] the forger's signature does not verify
        [timestampBeforeParent] its timestamp is earlier than its parent's
        [fromTheFuture] its timestamp is { $ahead } ms ahead of this node's clock (at most { $future })
        [tooManyTransactions] more than { $most } transactions
        [transaction] transaction { $index }: { $why }
        [noStakers] nobody has stake
        [notAStaker] forged by { $forger }, which holds no stake, so no lot in the draw
        [belowHorizon] at height { $height }, too far below this node's tip at { $tip } to matter
        [drawPending] the draw on its parent { $seed } is not computed yet
       *[other] { $reason }
    }
# A chain. $why: its block's refusal (refusal-block).
refusal-chain = { $reason ->
        [empty] the chain has no blocks
        [badGenesis] block 0 is not the genesis block
        [otherNetwork] the chain belongs to another network
        [block] block { $height }: { $why }
       *[other] { $reason }
    }
# A message. $why: why it could not be read (refusal-decode).
refusal-message = { $reason ->
        [decode] { $why }
        [otherNetwork] the message belongs to another network
        [badBuySignature] a purchase request not signed by its buyer
        [badBuyAmount] a purchase request of a refused amount
       *[other] { $reason }
    }
# $len: the message's bytes; $most: the most a message may have; $found/$version: protocol versions.
refusal-decode = { $reason ->
        [tooLarge] message of { $len } bytes exceeds { $most }
        [malformed] malformed message: { $detail }
        [version] protocol version { $found }, expected { $version }
       *[other] { $reason }
    }
# What a node's own action broke. $why: the transaction's refusal (refusal-tx); $max: tokens.
refusal-action = { $reason ->
        [transaction] { $why }
        [buyLimit] the exchange sells at most { $max } tokens at a time
       *[other] { $reason }
    }

## The live region: what a screen reader hears, at most every few seconds
# $line: one line of the activity feed.
announce-line = { $line }.
announce-blocks = { $count } blocks forged; the newest: { $line }.
announce-branches = { $count } switches to a better branch; the newest: { $line }.
announce-refusals = { $count } refusals; the newest: { $line }.
# $name: the winner's name.
announce-next = { $name } won the draw for block #{ $height }.
