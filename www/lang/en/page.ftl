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
