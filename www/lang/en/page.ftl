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
file-choose = Choose a file…

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
class-pause = ‖ Pause
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
roster-own = { $node } (this tab)
roster-tab = tab { $tab }
roster-account = account { $address }
roster-path-this-tab = this tab
roster-path-channel = channel
roster-path-webrtc = WebRTC
roster-path-relay = relay
roster-path-server = server
roster-path-connecting = connecting
roster-path-overlay = through others
roster-path-offline = offline
roster-path-elsewhere = another tab or machine
roster-follows-teacher = teacher
roster-follows-following = following
roster-follows-exploring = exploring
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
links-answer-ready = Answer ready: copy it back to the machine that invited this one, and paste it there.
links-no-invitation = No invitation: { $reason }
links-answer-taken = Answer taken: link { $link } is connecting.
links-link = Link { $link }
link-state = { $state ->
        [connecting] connecting
        [open] open
        [closed] closed
       *[failed] failed
    }
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
# Why a link stands where it does.
link-reason = { $reason ->
        [waiting] waiting for the answer: paste it here once the other machine accepted
        [answerMade] answer made: waiting for the other machine to paste it
        [answerPasted] answer pasted: the two machines are looking for a route
        [open] data channel open
        [trying] the two machines are trying the addresses in the invitation and answer
        [interrupted] connection interrupted: the browser keeps trying to reach the other machine
        [noRoute] the two machines found no route to each other (ICE failed): was the answer pasted on the inviting machine? Both must be on one network that lets them talk (same LAN or Wi-Fi without client isolation), or use a STUN server (?stun=)
        [noAddress] the browser found no network address to offer: is this machine on a network?
        [closed] the connection was closed
        [channelClosed] the data channel closed (the other machine closed its tab, slept, or lost the network)
        [goodbye] the other machine's tab closed or reloaded (it said goodbye)
        [stuck] no connection after 30 minutes: make a new invitation
       *[failed] no invitation or answer could be made
    }
# Why an invitation, an answer or a link could not be made. $detail: the browser's own words;
# $why: the reason (refusal-signal, link-reason or this message); $step: what the browser was
# doing; $seconds: how long it had.
link-error = { $reason ->
        [browser] the browser said: { $detail }
        [timeout] the browser did not { $step ->
            [gather] gather its network addresses
            [offer] make an offer
            [ownOffer] take its own offer
            [theirOffer] take the invitation's offer
            [answer] make an answer
            [ownAnswer] take its own answer
           *[takeAnswer] take the answer
        } within { $seconds } s
        [noDescription] the browser made no description
        [noWebRtc] this browser cannot make WebRTC connections: { $detail }
        [noInvitation] no invitation could be made: { $why }
        [noAnswer] no answer could be made: { $why }
        [badInvitation] This invitation cannot be used: { $why }
        [badAnswer] This answer cannot be used: { $why }
        [refusedOffer] the browser refused the invitation's offer: { $why }
        [gone] this invitation's connection is gone: make a new one
       *[refusedAnswer] the browser refused this answer: { $why } (is it the answer to this invitation?)
    }
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
# $word: how the link ended (closed or failed); $reason: why (link-reason).
feed-link-over = The link to tab { $tab } { $word ->
        [closed] closed
       *[failed] failed
    }: { $reason }. This tab keeps working with the peers it has; a new invitation links it again
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

## Refusals of what someone did on this page (the faults, files and links bars, the class bar,
## a lesson's "Do it", the timeline). The console gives the same refusals in English.
refusal-busy = busy: try again
refusal-nothing-done = nothing was done
refusal-runs-alone = this tab runs alone
refusal-most-nodes = a tab runs at most { $most } nodes
refusal-host-stays = the host node stays: it holds genesis and the exchange
refusal-step-paused = a step works while the network is paused
# $what: what was asked of a tab linked to others (pause, speed or step).
refusal-linked = { $what ->
        [pause] this tab is linked to others: it cannot pause the network they share (its timeline only views its own past)
        [step] this tab is linked to others: it cannot step the network they share (its timeline only views its own past)
       *[speed] this tab is linked to others: it cannot set the speed of the network they share (its timeline only views its own past)
    }
refusal-view-at-present = this tab's view is at the present: the network goes on
refusal-class-paused = the class clock is paused: nobody forges until the teacher steps or resumes
# $most: milliseconds.
refusal-latency = latency and jitter go up to { $most } ms
refusal-drop = drop is a share of messages lost, from 0 to 0.9
refusal-no-group = give at least one group of node indices, e.g. [[0,1],[2,3]]
refusal-already-down = { $node } is already down
refusal-running = { $node } is running
# $name: what was asked; $names: the behaviours' names, as the console knows them.
refusal-behaviour = unknown behaviour "{ $name }": use one of { $names }
refusal-no-class = this page was not opened from a class server
refusal-not-teacher = only the teacher's page leads (opened from the teacher's address that the class server printed)
refusal-class-offline = the class server is not connected: try again in a moment
refusal-class-step = a step works while the class clock is paused
refusal-teacher-leads = the teacher's page leads; it does not follow
refusal-no-conflict = no conflict with tab { $tab }
refusal-download = the browser refused the download
# $height: the first block of a chain file that does not hold (0: the file itself).
refused-at-block = Refused at block { $height }: { $why }
no-randomness = This browser gave no secure randomness, so no keys can be made
# A saved state or a chain file. $detail: the reader's own words (English); $why: a block's or
# a chain's refusal.
refusal-load = { $reason ->
        [unreadable] the text cannot be read: { $detail }
        [notOurs] this is not a pos-playground file
        [version] it was written by another version of the playground (format { $found }; this one reads { $expected })
        [badKey] a saved key is damaged
        [block] block { $height } is invalid: { $why }
       *[other] { $why }
    }

## Refusals of links between machines. $link: a link's id (L1); $tab, $me: tabs' ids.
refusal-discovering = this tab is still looking for its network of tabs: try again in a second
refusal-most-links = this tab has { $most } live links already: close one before making another
refusal-own-invitation = this is this tab's own invitation: accept it on another machine
refusal-accepted-already = this invitation was accepted already (link { $link }): the other machine needs its answer, or makes a new invitation
refusal-answer-elsewhere = this answer is for an invitation of tab { $tab }, not of this tab ({ $me })
refusal-no-invitation = no invitation { $link } waits in this tab (invitations end when the page reloads): make a new one
refusal-not-invited = link { $link } was not made by an invitation of this tab
# $state: closed or failed; $why: how it ended (link-reason).
refusal-invitation-over = invitation { $link } is { $state ->
        [closed] closed
       *[failed] failed
    } ({ $why }): make a new one
refusal-completed-already = invitation { $link } was completed already
# A pasted invitation or answer. $len, $most: bytes; $prefix: how they start (pos1:);
# $detail: the reader's own words (English); $expected: invitation or answer.
refusal-signal = { $reason ->
        [empty] nothing was pasted
        [tooLong] the text is { $len } bytes long, more than the { $most } an invitation or answer can be
        [noPrefix] this is not an invitation or answer of pos-playground: they start with "{ $prefix }"
        [badBase64] the text is damaged: after "{ $prefix }" only letters, digits, - and _ may follow (was it cut when copied?)
        [badJson] the text is damaged or from another version: { $detail }
        [wrongKind] { $expected ->
            [invitation] this is an answer (paste it on the machine that made the invitation), but an invitation is needed here
           *[answer] this is an invitation (accept it on another machine, then paste its answer here), but an answer is needed here
        }
       *[badField] { $flaw ->
            [offerTooLong] its connection offer is too long
            [answerTooLong] its connection answer is too long
            [offerNotSdp] its connection offer is not a WebRTC data-channel description
            [answerNotSdp] its connection answer is not a WebRTC data-channel description
            [linkId] its link id is not 1 to 16 letters and digits
            [tabId] its tab id is not 1 to 16 letters and digits
            [networkName] its network name is empty or too long
            [genesisName] its genesis has a bad network name
           *[answers] the invitation it answers is not named correctly
        }
    }

## Refusals of the timeline. $asked, $last: events; $branch: a branch; $height: a block.
refusal-history = { $reason ->
        [noEvent] there is no event { $asked }: this branch has events 0 to { $last }
        [noBranch] there is no branch { $branch }
        [noBlock] no block #{ $height } was forged in this branch of the history
       *[tooManyBranches] the history keeps at most { $most } branches: go back to now to act
    }
# $size, $most: bytes; $why: the start's refusal (refusal-load); $index: an entry (from 0);
# $detail: what is wrong with it, in the file's terms (English).
refusal-recording = { $reason ->
        [tooBig] the recording is { $size } bytes; recordings hold at most { $most } bytes (8 MiB)
        [start] its start: { $why }
       *[entry] entry { $index }: { $detail }
    }
history-cannot-open = This recording cannot be opened: { $why }
history-cannot-save = { $reason ->
        [linked] this history holds what other tabs, machines or the class server said: only the history of a tab running alone can be saved
        [tooLong] this history is longer than a recording holds (6 hours)
       *[unwritable] this history could not be written as a file
    }

## The live region: what a screen reader hears, at most every few seconds
# $line: one line of the activity feed.
announce-line = { $line }.
announce-blocks = { $count } blocks forged; the newest: { $line }.
announce-branches = { $count } switches to a better branch; the newest: { $line }.
announce-refusals = { $count } refusals; the newest: { $line }.
# $name: the winner's name.
announce-next = { $name } won the draw for block #{ $height }.

## Numbers with their words, wherever the page writes them
# $value: a share with two decimals.
percent = { $value } %
percent-tiny = < 0.01 %
# $factor: a speed as a multiple of the wall clock, a decimal.
speed-factor = ×{ $factor }
time-seconds = { $seconds } s
lots = { $count ->
        [one] { $count } lot
       *[other] { $count } lots
    }

## The lottery section
lottery = Lottery
lottery-title-empty = The lottery
lottery-no-stake = Nobody has stake yet, so there is no draw.
lottery-title = The lottery of block #{ $height }
# $node: the node whose chain the section reads.
lottery-as-seen = { " " }— as { $node } sees it
# $winner: the draw's winner (shown in bold before these words).
lottery-verdict-next = { " " }won the draw for the next block, #{ $height }: not forged yet.
lottery-verdict-forged = { " " }won the draw and forged block #{ $height }.
lottery-verdict-silent = { " " }won the draw but stayed silent; { $forger }, ranked { $rank }, forged block #{ $height } in slot { $slot }.
lottery-blocks = Blocks
lottery-first = ◀◀ #1
    .title = First block (Home)
lottery-prev = ◀ Previous
    .title = Previous block (←)
lottery-where = block { $height } of { $tip }
lottery-where-next = next block
lottery-next = Next ▶
    .title = Next block (→)
lottery-newest = Newest ▶▶
    .title = Newest block (End)
lottery-replay = ▶ Replay the chain
    .title = Every block in turn, from #1 to the newest
lottery-replay-still = ▶ Replay from #1
    .title = Reduced motion: the replay starts at block #1 and you step with Next (→)
lottery-stop = ■ Stop
lottery-worker-failed = The lottery worker is unavailable: { $why }. Big draws are computed on the page, which pauses while it draws.
lottery-stakes-note = Each token staked is one lot, so a staker's chance is its share of all lots. The colours follow the node cards; the numbers on the marks are the nodes'.
lottery-zoom = Zoom
lottery-zoom-in = Zoom in +
    .title = Zoom in (+)
lottery-zoom-out = Zoom out −
    .title = Zoom out (−)
lottery-zoom-auto = Auto
# $lots: how many lots (with their word); $ms: milliseconds; $where: worker or page.
lottery-timing = { $lots } drawn in { $ms } ms { $where ->
        [worker] in a Web Worker
       *[page] on the page
    }
lottery-drawing = Drawing { $lots } in a Web Worker…
lottery-drawing-done = { " " }{ $done } done, { $seconds } s
lottery-responsive = The page stays responsive: the same wasm core runs in a background thread. The stake table and the explanation below are ready already.
lottery-keys = Keys: ← → step through blocks, Home / End jump to the first / newest, + / − zoom.
stakes-caption = Stakes at the draw for block #{ $height }
stakes-staker = staker
stakes-stake = stake
stakes-lots = lots
stakes-chance = chance
    .title = its share of all lots: its chance to win this draw
stakes-forged = forged
stakes-forged-title = blocks #1 to #{ $height } it forged
stakes-winner = ★ winner
stakes-wins = ★ wins
stakes-fallback = forged, rank { $rank }
stakes-lots-title = lots k = 1 … { $stake }
stakes-all = all
why = Why this forger
why-title-forged = Why { $winner } forged block #{ $height }
why-title-next = Why { $winner } forges block #{ $height } next
why-seed = Seed.{ " " }
why-seed-text = The hash of the parent block #{ $parent }:{ " " }
why-reference = Reference.{ " " }
why-reference-text = Everyone hashes the seed: H(seed) ={ " " }
why-reference-point = . Read as a 256-bit number it is a point on the line.
why-lots = Lots.{ " " }
# $lots: all lots with their word; $stake: the winner's lots; $share: its percentage.
why-lots-text = Every staked token is one lot; lot k of a staker is H applied k times to its address + seed. { $lots } in all; { $winner } holds { $stake } of them ({ $share }).
why-winning = Winning lot.{ " " }
why-winning-text = The lot closest to the reference is { $winner }'s lot k = { $k }:{ " " }
why-offset = , offset{ " " }
# $offset: how far the winning lot lies from the reference (lottery-offset-…).
why-offset-share = { " " }— { $offset }.
why-runner-up = Runner-up.{ " " }
why-runner-up-text = { $name }'s lot k = { $k }:{ " " }
why-runner-up-ratio = , { $ratio } times as far from the reference.
why-runner-up-none = None: there is only one lot.
why-forger = Forger.{ " " }
why-forger-next = So { $winner } may forge block #{ $height } at once; anyone else must wait for a later slot —{ " " }
why-forger-forged = So { $winner } forged block #{ $height } —{ " " }
why-forger-silent = { $winner } stayed silent, so block #{ $height } came in slot { $slot } from the staker ranked { $rank } (stakers are ranked by their closest lot; from slot r the staker of rank r may forge too): { $forger } —{ " " }
why-forger-end = . More stake means more lots, so a better chance, never a certainty.
lottery-offset-tiny = less than 1 part in 2^64 of the range
# $percent: a share of the range; $parts: 1 part in how many.
lottery-offset-share = { $percent } % of the range
lottery-offset-share-parts = { $percent } % of the range (1 part in { $parts })
lottery-ratio-huge = far more than 10^6
python = Check it yourself in Python
python-help = Paste this into Python 3 (hashlib and json only). It recomputes the reference and the winning lot by hand, then every lot, and prints the values shown above.
python-snippet = The Python snippet

## The lottery's number line
line-reference = reference
line-reference-seed = reference H(seed)
line-offset = offset
# $name: a staker; $k: the lot's index.
line-winner-label = winner: { $name }, lot k = { $k }
line-runner-up-label = runner-up: { $name }, lot k = { $k }
# $power: such as 2^200.
line-minus = reference − { $power }
line-plus = reference + { $power }
# $role: the lot's part in the draw; $side: above or below; $offset: lottery-offset-….
line-lot-words = { $name }'s lot k = { $k }{ $role ->
        [winner] { " " }(the winner)
        [runner-up] { " " }(the runner-up)
       *[other] {""}
    }, { $side ->
        [above] above
       *[below] below
    } the reference, offset { $offset }
line-lot-short = { $name }'s lot k = { $k }
line-card-staker = staker
line-card-winner = winner
line-card-runner-up = runner-up
line-card-index = index k
line-card-hash = hash
line-card-offset = offset
line-card-offset-words = { " " }— { $offset }, { $side ->
        [above] above
       *[below] below
    } the reference
line-runner-up = The runner-up: { $lot }.
line-no-runner-up = No runner-up: there is only one lot.
# $lots: all lots with their word; $zoom: the magnification; $won: the winning lot in words; $runner: line-runner-up or line-no-runner-up.
line-words = Number line of all 2^256 values: { $lots }, the reference, and a zoom ({ $zoom }) around it. The winning lot: { $won }. { $runner }
line-slice = { $lots } in this 1/4096 of the range:{ " " }
line-slice-count = { $name } { $count }
line-slice-closest = Of these, the closest to the reference:
line-hint = Point at the line, or focus a lot in the zoom (Tab), to read its staker, index k, hash and offset.
line-axis = every possible lot value, 0 … 2^256 − 1: { $lots }
line-zoom-note = Zoom { $zoom }: the lower line shows reference ± 2^{ $exp }{ " " }
line-zoom-in-view = ({ $lots } in view).

## The forger history under the lottery
history = Forger history
history-title = Who forged each block
history-empty = No block forged yet: the history starts with block #1.
history-range = { " " }— blocks #1 to #{ $blocks }; click one to see its lottery
history-strip = { $blocks ->
        [one] { $blocks } block, in its forger's colour
       *[other] { $blocks } blocks, each in its forger's colour
    }
history-block = Block #{ $height }: forged by { $name }
history-chart = Each staker's share of forged blocks so far (solid) against its share of stake (dashed)
history-first = block #1
history-last = block #{ $blocks }
history-key = solid: share of blocks forged so far · dashed: share of stake
# $share, $stake: percentages with one decimal.
history-legend = { " " }forged { $forged } of { $blocks ->
        [one] { $blocks } block
       *[other] { $blocks } blocks
    } ({ $share } %); its stake: { $stake } % at the last draw

## The Python views of a node (/blockchain, /transactionPool, /info)
# $from, $to: names; $amount: tokens.
tx-stake = { $from } stakes { $amount }
tx-exchange = Exchange sells { $amount } → { $to }
tx-transfer = { $from } pays { $amount } → { $to }
chain-table = Blocks, newest first
chain-height = #
chain-hash = hash
chain-previous = previous
chain-forger = forger
chain-time = time
chain-transactions = transactions
chain-none = none
pool-empty = The pool is empty: every transaction this node knows is in a block.
pool-table = Transactions in the pool
pool-type = type
pool-what = what
pool-nonce = nonce
pool-id = id
info-address = Address{ " " }
# $forger: the next forger's name; $count: peers.
info-line = Height { $height } · next forger: { $forger } · { $count ->
        [one] { $count } peer
       *[other] { $count } peers
    }:{ " " }
info-stakers = Stakers
info-staker = staker
info-stake = stake (= lots)
info-chance = chance to forge
panels = Node views
panels-node = Node
panels-view = View
panels-chain = Blockchain
panels-pool = Pool
panels-info = Info
panels-raw = { " " }raw JSON
panels-body = Node view

## The block tree
tree = Block tree
tree-title = Block tree as { $node } sees it
tree-subtitle = { " " }— top row: the chain it follows; below: side branches it keeps (forks)
tree-scroll = The block tree, scrolling sideways
tree-picture = { $blocks ->
        [one] { $blocks } block
       *[other] { $blocks } blocks
    }, { $sides } of them on side branches
# $height: the block; $forger: its forger; $slot, $rank; $count: transactions; $hash: short.
tree-block = #{ $height } by { $forger } · slot { $slot } · rank { $rank } · { $count } tx · { $hash }

## The Copy button
copy = Copy
copy-done = Copied.
copy-selected = Selected: press Ctrl+C (⌘C on a Mac) to copy it.

## The page around the sections
no-randomness-help = Every key of the playground comes from the browser's secure random generator (crypto.getRandomValues), and this browser refused it. Nothing weaker is used instead, so the page starts no network. Try another browser, or this page over https or localhost.
new-network-confirm = Start a new network? This tab's chain, balances and keys are replaced; export a chain first to keep it.
# $file: the file's name.
files-saved = Saved { $file }
files-no-node = no such node
files-checking = Checking the file: every block's signature, transactions and lottery…
files-imported = Imported a valid chain of height { $height }: this tab now runs a new network from it
# $why: the refusal, in words.
refused = Refused: { $why }
# In the class bar: where the teacher's lesson is.
lesson-step-of = step { $step } of { $steps }
next-forger = Next forger
next-block = Next block
next-drawing = Drawing the lottery after the newest block: { $lots }, in a Web Worker so the page stays free. Nobody forges on it until the draw is done.
# $name: the winner (shown in bold before these words).
next-won = { " " }won the draw for block #{ $height }. It forges as soon as its pool holds a transaction.
next-nobody = Nobody has stake.

## The top navigation and the lesson panel
sections = Sections
section-nodes = Nodes
section-lottery = Lottery
section-fairness = Fairness
section-faults = Faults
section-tree = Block tree
section-panels = Python views
section-key = key { $number }
keys-switch = Keys 1–6
    .title = The keys 1 to 6 jump to the sections; turn them off if they get in your way
keys-on = { " " }on
keys-off = { " " }off
lessons = Lessons
lessons-menu = Lessons…
presenter = Presenter
lesson = Lesson
lesson-loading = Loading the lesson…
lesson-close = Close
lesson-close-esc = Close (Esc)
lesson-waiting = Waiting for it to happen: press Do it, or do it by hand.
lesson-done = ✓ Done.
lesson-already = ✓ Already so. Next when you are ready.
lesson-nothing-to-do = Nothing to do: no node fits
lesson-not-shown = the part of the page this step shows is not there now
lesson-opening = another lesson is opening
# A lesson that cannot open. $file: its path; $why: what the browser or server said; $problem:
# what is wrong in the file, in the lesson format's terms (English, like its keys title: and step:).
lesson-error = { $reason ->
        [badName] "{ $name }" is not a lesson name (lowercase letters, digits and -)
        [missing] The lesson file { $file } could not be loaded: { $why }
        [damaged] The lesson file { $file } is damaged: { $problem }
       *[line] The lesson file { $file } is damaged, line { $line }: { $problem }
    }
# $title: the lesson's title (from its file).
lesson-where = { $title } · step { $step } of { $steps }
lesson-back = ◀ Back
lesson-do = Do it
# $button: what the step's button does (from the lesson file).
lesson-do-what = Do it: { $button }
lesson-next = Next ▶

## The fairness lab. $rule: the rule's name in the console (lots, weighted, cometbft, ethereum, algorand, praos).
rule-name = { $rule ->
       *[lots] Lots (this chain)
        [weighted] One weighted draw
        [cometbft] CometBFT round-robin
        [ethereum] Ethereum (Electra)
        [algorand] Algorand sortition
        [praos] Cardano Praos
    }
rule-short = { $rule ->
       *[lots] Lots
        [weighted] Weighted
        [cometbft] CometBFT
        [ethereum] Ethereum
        [algorand] Algorand
        [praos] Praos
    }
rule-how = { $rule ->
       *[lots] Every staked token is a lot, a chain of SHA-256 hashes from the staker's key and the seed; the lot closest to H(seed) wins. One hash per token per block: fair, but the work grows with the stake.
        [weighted] One hash of the seed picks a point in the line of all stake, each staker owning a stretch as long as its stake. Same chances as the lots, one hash whatever the stake.
        [cometbft] No randomness: every round each validator's priority grows by its voting power, the highest proposes and pays back the total power. Turns come in exact proportion, so it is predictable who is next.
        [ethereum] Each token is 1 ETH; a staker runs one validator per 2,048 ETH (the last holds the rest). The seed shuffles the validators (swap-or-not, 90 rounds) and walks them in that order: each is accepted with chance about its balance ÷ 2,048 ETH (a 16-bit random value), else the next is tried. Small validators are nearly proportional to stake; near 2,048 ETH the first in the order has an edge (2,048 and 1,024 ETH get 75 % and 25 %, not 67 % and 33 %). Electra (2025) raised the cap from 32 to 2,048 ETH and the random value from 8 to 16 bits.
        [algorand] Each token is independently a vote with probability τ ÷ total stake (τ = 20 here), so a staker's votes are binomial. A committee of about 20 votes forms; its members share the round. The test counts votes.
        [praos] Each staker privately leads a slot with probability φ(σ) = 1 − (1 − f)^σ, f = 1/20: a slot can have no leader or several. φ grows a little slower than σ, so splitting stake gains nothing.
    }
rule-source = { $rule ->
       *[lots] Proof-of-Stake-in-Python, ProofOfStake.py
        [weighted] the textbook stake-weighted draw
        [cometbft] CometBFT spec, proposer-selection.md
        [ethereum] consensus-specs, Electra compute_proposer_index; bit-exact
        [algorand] Gilad et al., Algorand, SOSP 2017
        [praos] David et al., Ouroboros Praos, Eurocrypt 2018
    }
# $p: the p-value in words (fairness-p-…); $against: stake or design.
fairness-verdict = { $verdict ->
        [tooFew] Too few wins to test yet: run more rounds.
        [exact] Closer to { fairness-target } than luck would ever be (p = { $p }): the turns are handed out by a rule, not drawn.
        [fits] The wins fit { fairness-target }. A gap this big or bigger happens by pure chance in { $p } of runs, so there is no sign of a difference.
        [borderline] Borderline against { fairness-target }: a gap this big happens by chance in only { $p } of runs. Run more rounds: a real difference gets clearer, luck drifts back.
       *[deviates] The wins do not follow { fairness-target }: chance alone would give a gap this big in only { $p } of runs.
    }
fairness-target = { $against ->
        [design] what the rule is designed to give
       *[stake] the stake shares
    }
fairness-p-tiny = less than 1 in a million
# $n: 1 in how many.
fairness-p-one-in = 1 in { $n }
# $percent: a percentage.
fairness-p-percent = { $percent } %
fairness = Fairness lab
fairness-subtitle = { " " }— does the lottery follow stake? Thousands of rounds, and how other chains choose
lab-loading = The lab is on its way…
lab-not-loaded = The lab could not be loaded ({ $why }). Reload the page to try again.
fairness-lede = Each round draws one forger from the stake table; its seed is the hash of the round before, as on the chain. The same table runs under six rules side by side, off the page's thread, each exactly as its source defines it. Two tests follow: does each staker's share of wins approach its share of stake, and does it approach what the rule is built to give (they differ for Ethereum near 2,048 tokens, and Algorand and Praos can pick several or nobody).
lab-staker = staker
lab-stake = stake
lab-share = share
# $name: a staker of the lab's table.
lab-stake-of = { $name }'s stake
lab-remove = remove { $name }
lab-add = + Staker
lab-network = The network's stakes
lab-example = Example 10 / 30 / 60
lab-rounds = rounds{ " " }
lab-lots-per-round = { $lots } per round for the lots rule
lab-rules = rules
lab-stop = ■ Stop
lab-run = ▶ Run
lab-starting = starting the worker…
# $name: a staker; $stake: what was typed.
lab-not-a-number = { $name }'s stake "{ $stake }" is not a whole number
# Why the lab cannot run. $max: the most allowed; $detail: the core lab's own words (English).
refusal-lab = { $reason ->
        [noStakers] the stake table is empty: add a staker
        [tooManyStakers] { $stakers } stakers is too many: at most { $max }
        [noStake] nobody has stake: give someone a stake above 0
        [tooMuchStake] the stakes add up to { $total }: at most { $max } (every lot is hashed each round)
        [rounds] { $rounds } rounds: choose between 1 and { $max }
        [noRule] choose at least one rule
       *[lab] { $detail }
    }
# Why a grinding run cannot start. $grinder, $friend: stakers' indices; $pool: transactions.
refusal-grind = { $reason ->
        [grinderOutOfRange] the grinder must be one of the { $stakers } stakers (index { $grinder } given)
        [friendOutOfRange] the friend must be one of the { $stakers } stakers (index { $friend } given)
        [poolTooLarge] the pool may hold at most { $max } transactions ({ $pool } given)
        [noStake] some staker must have stake
        [tooManyLots] the stakes may add up to at most { $max } lots ({ $lots } given)
        [tooManyStakers] at most { $max } stakers ({ $stakers } given)
       *[other] { $reason }
    }
lab-rounds-of = { $done } of { $goal } rounds
lab-draws-of = { $done } of { $goal } draws: { $rounds } rounds × { $rules } rules
# $work: lab-rounds-of or lab-draws-of; $seconds: time; $state: how the run stands.
lab-status = { $work } · { $seconds } s{ $state ->
        [stopped] { " " }· stopped
        [done] { " " }· done
       *[running] {""}
    }
lab-follow-stake = Does it follow stake? χ² = { $chi } with { $degrees } degrees of freedom, p = { $p }.{ " " }
lab-follow-design = Does it do what its designers intended? χ² = { $chi } against the shares the rule is built to give, p = { $p }.{ " " }
lab-stake-share = stake share
lab-votes = { $count } votes
lab-wins = { $count } wins
lab-expected = expected { $share }
lab-rounds-row = rounds
lab-p-value = p-value
lab-chi-expected = χ² vs expected
    .title = the wins against what each rule is built to give
lab-p-expected = p-value vs expected
lab-empty-shared = empty / shared rounds
    .title = rounds with no leader / with several leaders, and the expected share of such rounds
lab-expected-pair = expected { $empty } / { $shared }
lab-rule-note = { $name }. { $how }
lab-rule-source = { " " }({ $source })
lab-electra = Ethereum: the chance a validator is accepted
lab-electra-caption = Ethereum: the chance a validator is accepted when its turn comes
lab-balance = balance
lab-accepted = accepted
lab-chart = { $rule }: each staker's share of wins over { $rounds } rounds (solid) against its share of stake (dashed)
lab-chart-axis = rounds (log scale) · solid: share of wins so far · dashed: share of stake
lab-end-title = { $name }: { $wins } of the wins, { $stake } of the stake

## The grinding demonstration in the fairness lab
grinding = Grinding
grinding-title = Grinding: can a forger steer the next draw?
grinding-help = The next forger is drawn from the hash of the block before, and that hash covers the block's transactions in their order. So a forger may try every order and subset of its pool, hash each version (no signature needed until it publishes), run the lottery on each, and publish the one that makes itself — or a friend — the next forger. Here real blocks of real signed transactions are hashed with the chain's own code.
grinding-grinder = grinder{ " " }
grinding-friend = its friend{ " " }
grinding-nobody = nobody
grinding-pool = transactions in its pool{ " " }
# $count: transactions; $versions: how many blocks they make.
grinding-versions = { $count } → { $versions } block versions
grinding-blocks = blocks{ " " }
grinding-run = ▶ Honest vs grinding
grinding-status = { $done } of { $goal } blocks · { $seconds } s{ $state ->
        [stopped] { " " }· stopped
        [done] { " " }· done
       *[running] {""}
    }
grinding-why = Why real chains are not this easy to steer.{ " " }
grinding-randao = Ethereum's RANDAO mixes in each proposer's reveal, a BLS signature of the epoch number: one fixed value per proposer, so there is nothing to try. Its only choice is to reveal or skip its slot — one bit of influence, paid for with its block and reward.{ " " }
grinding-vrf = Algorand and Cardano use a VRF: the lottery input is the VRF of a nonce fixed before any block's contents exist and the slot number, one output per key and slot, so reordering transactions changes nothing.
grinding-share = share of blocks forged by the grinder's side
grinding-its-stake = its stake
grinding-honest-play = honest play
grinding-ground = grinding, { $versions } versions
grinding-predicted = grinding, predicted
grinding-formula = predicted long-run share s ÷ (s + (1 − s)^V), for stake share s and V versions: once the grinder's side forges, it keeps the next block unless all V versions fail
grinding-first = who forged the first { $count } blocks
grinding-honest = honest
grinding-grinding = grinding
grinding-block = block { $height }: { $name }
grinding-block-ground = block { $height }: { $name } — the block before it was ground
grinding-summary = Grinding changed the next forger in { $changed } of the { $blocks } blocks the grinder's side forged, hashing { $tried } block versions in all (honest play: { $honest }). A dark foot marks a block won because the one before it was ground.

## Rewards and compounding in the fairness lab
# $schedule: constant or geometric.
cmp-title-of = { $schedule ->
        [geometric] Geometric reward
       *[constant] Constant reward
    }
cmp = Rewards and compounding
cmp-title = Rewards and compounding: do the rich get richer?
cmp-help = Each block's forger earns a reward and stakes it again, so a staker that wins early holds more stake and wins more often after. Here one staker's share of all stake is followed through many independent runs of the same blocks, under two ways of paying the same total reward: the same reward every block, or the same fraction of all stake every block (geometric). Each run draws every block's winner with exactly its share of the stake, from a chain of SHA-256 seeds, in a worker.
cmp-watch = staker to watch{ " " }
cmp-reward = reward per block{ " " }
# $reward: a share of the starting stake.
cmp-reward-of = { $reward } of the starting stake
cmp-blocks = blocks{ " " }
cmp-runs = runs{ " " }
cmp-run = ▶ Run both schedules
cmp-progress = runs done
cmp-status = { $done } of { $goal } runs of { $blocks } blocks · { $seconds } s{ $state ->
        [stopped] { " " }· stopped
        [done] { " " }· done
       *[running] {""}
    }
cmp-caption = { $name }'s final share after { $blocks } blocks, { $runs } runs
cmp-reward-row = reward per block
cmp-rate-of = { $rate } of the stake before it
cmp-mean = mean, simulated
cmp-mean-exact = mean, exact
cmp-variance = variance, simulated
cmp-variance-exact = variance, exact
cmp-agreement = simulated vs exact
cmp-sd = standard deviation
cmp-sd-value = { $sd } (exact { $exact })
cmp-exact = Exact: the share's mean never moves (a martingale), and its variance is v(1 − v)·(1 − Π(1 − (R/T)²)) over the blocks' rewards R and totals T; for a constant reward r that is the Beta-Binomial's v(1 − v)·n·r² / ((1 + r)(1 + n·r)), tending to v(1 − v)·r / (1 + r) = { $limit } as blocks grow. ± is one standard error of the simulation.
cmp-chart = { $schedule }: how many of { $runs } runs ended with each final share of { $name }; the starting share { $start } is dashed
cmp-every-constant = : { $reward } of the starting stake every block
cmp-every-geometric = : { $rate } of the stake every block, the same total
cmp-bin = { $from } to { $to }: { $count } runs
cmp-start = start { $share }
cmp-axis = { $name }'s share of all stake after { $blocks } blocks · bars: runs
# The figures in words. $mantissa, $error: decimals; $exponent: a power of ten in superscript (⁻⁴).
cmp-zero = 0
cmp-scientific = { $mantissa } × 10{ $exponent }
cmp-scientific-error = { $mantissa } ± { $error } × 10{ $exponent }
# $value, $error: percentages (percent).
cmp-plus-minus = { $value } ± { $error }
# $points: percentage points of share, a decimal.
cmp-points = { $points } points
cmp-agree-equal = equal
cmp-agree-unknown = too few runs to tell
# $errors: a decimal.
cmp-agree-apart = { $errors } standard errors apart
# $index: the watched staker's place in the table, from 0 (when it has no name).
cmp-staker = staker { $index }
# The paper's point, with the run's own figures. $start, $constant, $geometric, $rate:
# percentages (percent); $sd, $exact, $limit: spreads (cmp-points).
cmp-point-average = Do the rich get richer? Not on average. Every block a staker wins with exactly its share of the stake, so its expected share never moves: it is a martingale. Both histograms centre on the starting { $start } (means { $constant } and { $geometric } over { $runs } runs).
cmp-point-luck = But luck compounds. With the same reward every block, a staker that wins early holds more stake and wins more often after, so the final share spreads widely around its start: after { $blocks } blocks, a standard deviation of { $sd } (exactly { $exact }). More blocks do not even it out: the spread tends to v(1 − v)·r / (1 + r), { $limit } here.
cmp-point-geometric = Paying the same total as a fixed fraction of the stake each block (geometric rewards: { $rate } of the stake per block here) spreads least: { $sd } (exactly { $exact }). A constant reward is large next to the small stake of the first blocks, so early luck weighs most; the geometric reward weighs every block alike. Fanti et al. prove it the most equitable: no schedule handing out the same total spreads less (Compounding of Wealth in Proof-of-Stake Cryptocurrencies, Financial Cryptography 2019).
# Why a run cannot start. $max: the most allowed; $rewardPpm: millionths of the starting stake.
refusal-setup = { $reason ->
        [noStakers] the stake table is empty: add a staker
        [tooManyStakers] { $stakers } stakers is too many: at most { $max }
        [watchedOutOfRange] staker { $watched } is not in the table: choose one of the { $stakers } stakers (from 0)
        [noStake] nobody has stake: give someone a stake above 0
        [tooMuchStake] the stakes add up to { $total }: at most { $max }
        [blocks] { $blocks } blocks: choose between 1 and { $max }
        [runs] { $runs } runs: choose between 1 and { $max }
        [tooMuchWork] { $runs } runs of { $blocks } blocks are too many blocks in all: at most { $max }, so that a run stays under a few seconds; choose fewer runs or fewer blocks
        [reward] a reward of { $rewardPpm } millionths of the stake per block: choose between 1 and { $max } (the whole starting stake)
       *[other] { $reason }
    }

## The Python program that recomputes a draw (lottery section): its comments. The code and
## what it prints stay as they are.
python-head = Who forges block #{ $height }? Recompute its lottery by hand (Python 3: hashlib and json only).
python-hash = The chain's hash: SHA-256 of the JSON-encoded string x, in hex.
# $height: the parent block's height.
python-seed = the parent block's hash (block #{ $height })
python-stakers = (address, stake): one lot per staked token, in staking order
# $name: the winner; $k: its winning lot's index.
python-by-hand = By hand: { $name }'s lot k = { $k } is H applied { $k } times to its address + seed.
# $count: every lot of the draw.
python-every-lot = Every lot ({ $count } in all), keeping the two closest to the reference.
python-tie = On a tie, the earlier lot wins.
python-best = (offset, address, k, lot), closest first
python-best-of = each staker's closest offset
# $name: the winner, who did not forge (a staker ranked after it did, in its slot).
python-fallback = { $name } won the draw but did not forge: with slots, the staker of rank r may forge from slot r on.
python-ranked = Stakers are ranked by their closest lot (ties: staking order).
# $rank: the forger's rank, as the page shows it.
python-rank = the page: { $rank }

## The history bar (issue 29)
# $most: how many events a history holds at most.
feed-history-restart = The history reached { $most } events: it starts again from here
history-label = History of the network
history-play = ▶ Play
history-play-title = Plays on at the chosen speed; when the past is shown, it replays the past first
history-pause = ‖ Pause
history-back = ◀ Back
history-back-title = One event back
history-forward = Step ▶
history-forward-title = One event forward
history-speed = Speed
history-slider = Event shown
history-mark-block = block #{ $height }
history-mark-fork = fork
history-now = Back to now
history-status-now = Now: event { $event }
history-status-now-paused = Now: event { $event }, paused
history-status-past-alone = Event { $at } of { $now }: the past (acting here starts a new branch)
history-status-past-linked = Event { $at } of { $now }: viewing the past: the network goes on
history-jump-block = Block
history-go = Go
history-branch = Branch
history-branch-first = { $branch } (the first)
history-branch-from = { $branch } (from { $parent } at event { $event })
history-save = Save recording
history-save-title = A file with every node's secret key (at most 8 MiB, 6 hours)
history-open = Open a recording:
history-saved = Saved { $file } (it holds every node's secret key)
history-opened = Opened a recording of { $events } events, paused at its end
history-opening = Opening the recording: entry { $done } of { $total }
history-open-cancel = Cancel
history-open-cancelled = Opening the recording was called off: nothing changed
history-opening-already = A recording is being opened already: wait for it, or cancel it
history-too-big = This file is { $size } bytes: a recording holds at most { $most } bytes (8 MiB)
