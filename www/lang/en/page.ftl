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
