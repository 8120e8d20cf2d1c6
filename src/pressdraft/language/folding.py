"""Folding: a word as people type it into a search box, so the index and the query meet.

People search Turkish and Azerbaijani with and without the special letters ("Hacıyev",
"haciyev", "HACIYEV"), so both sides are folded the same way: lower case with the dotted and
dotless pairs (İ/i, I/ı), then without diacritics (ı->i, ş->s, ç->c, ğ->g, ö->o, ü->u, ə->e,
â/î/û). A Turkish "I" lowers to "ı" and an English "I" to "i": once diacritics go both are "i",
which is what lets a query typed without diacritics find either spelling, whatever the language.
A proper name's suffix follows an apostrophe (TDK yazım kılavuzu, "Kesme işareti": "Hacıyev'in"):
the word is the part before it, so the name is found by itself.
"""

from __future__ import annotations

import re
import unicodedata

# letters that lose more than a combining mark, or lower differently in Turkish and Azerbaijani
_LETTERS = str.maketrans({"İ": "i", "I": "i", "ı": "i", "Ə": "e", "ə": "e"})
_APOSTROPHES = "'’‘ʼ`"
# a word: letters and digits, and what follows an apostrophe inside it (the suffix)
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*")
_SUFFIX = re.compile(rf"[{_APOSTROPHES}].*")
# the same words, capturing each without its suffix
_STEM = re.compile(rf"([^\W_]+)(?:[{_APOSTROPHES}][^\W_]+)*")


def fold(text: str) -> str:
    """``text`` lower case without diacritics, as typed on any keyboard ("İstanbul" -> "istanbul")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS).lower())
    # the marks among the text's distinct characters, removed in one pass (a test per character of
    # the text cost most of a save: the index folds every save's whole text)
    marks = "".join(c for c in set(decomposed) if unicodedata.combining(c))
    return re.sub(f"[{re.escape(marks)}]+", "", decomposed) if marks else decomposed


def words(text: str) -> list[str]:
    """The folded words of ``text``, each without the suffix after its apostrophe, in order: the
    text folded once, then split (the index folds every save's whole text, issue 14)."""
    return _STEM.findall(fold(text))


def spans(text: str) -> list[tuple[int, int, str]]:
    """Each word of ``text`` as (start, end, folded word), to mark in the text as written
    what a folded query matched (the suffix after an apostrophe stays in the span)."""
    return [(m.start(), m.end(), fold(_SUFFIX.sub("", m.group()))) for m in _WORD.finditer(text)]
