"""Another spelling of an organization's official name (docs/style-guide.md#issuer-name).

A release names its issuer one way: by its full official name, or by the short form the directory
declares for it. "Turkish Presidency's Directorate of Communications" in a contact block of a release
whose lead says "the Directorate of Communications of the Turkish Presidency" is the same body spelled
twice, and a reader may take it for two. A phrase is such a spelling when it is a run of the name's own
words (English "of" and "the" may join them; punctuation ends a run) holding every content word of the
short form, without being the full name or the short form, word for word. Words match as the language
inflects them: English adds a possessive ``'s``; Turkish and Azerbaijani add case endings and may put
another possessive in place of the last one (tr ``İletişim Başkanlığının``, az ``Kommunikasiya
İdarəmizin``), so "İletişim Başkanı" (a title, not the body) is no spelling of "İletişim Başkanlığı".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pressdraft.language.casing import lower

#: Words that join a name's words in English without being one of its content words.
_JOINERS = {"en": frozenset({"of", "the"})}
_WORD = re.compile(r"[^\W\d_]+(?:[-.][^\W\d_]+)*(?:['’ʼ][^\W\d_]*)?")
_APOSTROPHE = re.compile(r"['’ʼ].*$")
#: A third-person possessive ending a compound name's word (``Başkanlığı``, ``İdarəsi``, ``Birliyi``).
_POSSESSIVE = re.compile(r"(?:s[ıiuü]|(?<=[^aeıioöuüə])[ıiuü])$")
#: Only spaces may stand between the words of one run.
_SPACE = re.compile(r"[ \t\n]+")


@lru_cache(maxsize=1024)
def _stem(word: str, lang: str) -> str:
    """What every spelling of a name's word starts with: tr/az without its possessive ending."""
    if lang in ("tr", "az") and (possessive := _POSSESSIVE.search(word)) and possessive.start() >= 3:
        return word[: possessive.start()]
    return word


@lru_cache(maxsize=4096)
def _fold(word: str, lang: str) -> str:
    """A word of a text or a name as compared: lower case, without what follows an apostrophe (``'s``,
    ``'de``). Kept: the same words are folded for every text and every name, each check."""
    return _APOSTROPHE.sub("", lower(word, lang))


def _matches(word: str, name_word: str, lang: str) -> bool:
    """``word`` (folded) is ``name_word`` (folded) as the language inflects it."""
    if lang in ("tr", "az"):
        return word.startswith(_stem(name_word, lang))
    return word == name_word


def _words(text: str, lang: str) -> list[str]:
    return [_fold(match.group(), lang) for match in _WORD.finditer(text)]


def _runs(text: str, name_words: set[str], head: str, lang: str) -> Iterator[tuple[str, list[str]]]:
    """Each run of ``name_words`` in ``text`` (as written, and folded word by word). In Turkish and
    Azerbaijani a name ends with its head (``Başkanlığı``, ``İdarəsi``): what follows it begins another
    phrase (az "Kommunikasiya İdarəsi Prezident Administrasiyasının …" has no comma between them)."""
    joiners = _JOINERS.get(lang, frozenset())
    turkic = lang in ("tr", "az")
    stems = tuple(_stem(name_word, lang) for name_word in name_words)  # ``_matches`` for every name word at once
    run: list[tuple[re.Match[str], str]] = []

    def finished() -> Iterator[tuple[str, list[str]]]:
        while run and run[-1][1] in joiners:
            run.pop()
        if run:
            yield text[run[0][0].start() : run[-1][0].end()], [word for _, word in run]
        run.clear()

    previous_end = None
    for match in _WORD.finditer(text):
        word = _fold(match.group(), lang)
        joined = previous_end is not None and _SPACE.fullmatch(text[previous_end : match.start()]) is not None
        if not joined:
            yield from finished()
        if word.startswith(stems) if turkic else word in name_words:
            run.append((match, word))
            if turkic and _matches(word, head, lang):
                yield from finished()
        elif word in joiners and run:
            run.append((match, word))
        else:
            yield from finished()
        previous_end = match.end()
    yield from finished()


def _same(words: list[str], name: list[str], lang: str) -> bool:
    """The run is the name word for word, only its last word inflected (``Cumhurbaşkanlığının İletişim
    Başkanlığı`` is not ``Cumhurbaşkanlığı İletişim Başkanlığı``)."""
    return words[:-1] == name[:-1] and len(words) == len(name) and _matches(words[-1], name[-1], lang)


def other_spellings(text: str, name: str, short: str | None, lang: str) -> list[str]:
    """Each phrase of ``text`` that names the organization called ``name`` (short form ``short``)
    neither by that name nor by its short form, as written, once each.

    >>> other_spellings("Press Office, Turkish Presidency's Directorate of Communications",
    ...     "Directorate of Communications of the Turkish Presidency", "Directorate of Communications", "en")
    ["Turkish Presidency's Directorate of Communications"]
    >>> other_spellings("the Directorate of Communications' centre", "Directorate of Communications of the "
    ...     "Turkish Presidency", "Directorate of Communications", "en")
    []
    """
    return list(_other_spellings(text, name, short, lang))


@lru_cache(maxsize=4096)
def _other_spellings(text: str, name: str, short: str | None, lang: str) -> tuple[str, ...]:
    """``other_spellings``, remembered: a form edit changes one text, and only that one is read again."""
    full_words, short_words = _words(name, lang), _words(short or name, lang)
    joiners = _JOINERS.get(lang, frozenset())
    core = [word for word in short_words if word not in joiners]
    found: list[str] = []
    name_words = {word for word in full_words if word not in joiners}
    for phrase, words in _runs(text, name_words, full_words[-1], lang):
        content = [word for word in words if word not in joiners]
        if not all(any(_matches(word, c, lang) for word in content) for c in core):
            continue
        if _same(words, full_words, lang) or _same(words, short_words, lang) or phrase in found:
            continue
        found.append(phrase)
    return tuple(found)
