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
