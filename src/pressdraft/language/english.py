"""English in AP style where no other module has a home for the rule (data in ``data/ap.yaml``).

* Titles after a name are lower case (AP "titles"): ``Zeynep Aksoy, deputy director of communications of
  the Turkish Presidency``. The words of offices and their portfolios are lowered; an organization or a
  country (``of the Media Development Agency``, ``of Türkiye``) keeps its capitals.
* No article before an acronym or a one-word name (``About AZERTAC``, ``TRT welcomed``), nor before a
  possessive name (``Turkey's Directorate of Communications``); a name of several words headed by a common
  noun takes "the" (``the Directorate of Communications``). ⚠ Our rule, read from AP's own usage (``NATO
  said``, ``the European Union``) and issue 13; a name already written with its article (``the EU``) keeps
  it, which is how the directory overrides the rule.
* Datelines (AP "datelines"): the city in capitals, then its country unless it stands alone
  (``BAKU, Azerbaijan``, ``ISTANBUL``); a city whose country is not known prints alone and is reported.
* Headlines drop a leading article (AP "headlines").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from ._base import check_lang
from .casing import lower, upper
from .countries import country_name
from .phonology import shipped_data

_ARTICLES = ("the ", "a ", "an ")
_ACRONYM = re.compile(r"^[A-ZÇĞİÖŞÜƏ0-9&.\-]{2,}$")


@dataclass(frozen=True)
class APData:
    standalone: frozenset[str]
    countries: dict[str, str]
    title_words: frozenset[str]
    portfolio_words: frozenset[str]


@cache
def ap_data() -> APData:
    """The AP lists of ``data/ap.yaml``, read once."""
    data = shipped_data("ap")
    return APData(
        standalone=frozenset(data["standalone_datelines"]),
        countries={str(city): str(code) for city, code in data["dateline_countries"].items()},
        title_words=frozenset(data["title_words"]),
        portfolio_words=frozenset(data["portfolio_words"]),
    )


# --- titles -------------------------------------------------------------------------------------


def _bare(word: str) -> str:
    return lower(word.rstrip(",;"), "en")


def _in(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` (each of its hyphenated parts) is one of ``words``."""
    return all(part in words for part in _bare(word).split("-"))


def _runs(words: list[str]) -> list[tuple[str, list[int]]]:
    """The runs of capitalized words (a comma ends one), each with the word before it (lower case)."""
    runs: list[tuple[str, list[int]]] = []
    for index, word in enumerate(words):
        if not word[:1].isupper():
            continue
        before = words[index - 1] if index else ""
        if runs and runs[-1][1][-1] == index - 1 and not before.endswith(","):
            runs[-1][1].append(index)
        else:
            runs.append((lower(before, "en"), [index]))
    return runs


@lru_cache(maxsize=1024)
def title_after_name(title: str) -> str:
    """A formal title as it follows a name (AP "titles"): office words lower case, names kept.

    A run of capitalized words made only of office words (``Deputy Executive Director``, ``the President``)
    is lowered; so is a run of portfolio words after ``of`` (``of Communications``, ``of Foreign Affairs``).
    A run at the head of the title or after a comma lowers its office and portfolio words (``Foreign
    Minister``, ``Turkish ambassador``). Any other run names an organization or a country and keeps its
    capitals (``of the Media Development Agency``, ``of Türkiye``). Kept: every render asks again."""
    data = ap_data()
    words = title.split(" ")
    for before, run in _runs(words):
        portfolio = before == "of" and all(_in(words[i], data.portfolio_words) for i in run)
        if portfolio or all(_in(words[i], data.title_words) for i in run):
            lowered = run
        elif before == "" or before.endswith(","):
            office = data.title_words | data.portfolio_words
            lowered = [i for i in run if _in(words[i], office)]
        else:
            lowered = []
        for i in lowered:
            words[i] = lower(words[i], "en")
    return " ".join(words)


# --- articles -----------------------------------------------------------------------------------


def takes_article(name: str) -> bool:
    """Whether AP writes "the" before this organization's name (module docstring): not before one word,
    an acronym at its head (``TRT World``), a possessive, or a name written with its article."""
    words = str(name).split()
    if len(words) < 2 or lower(str(name), "en").startswith(_ARTICLES) or _ACRONYM.match(words[0]):
        return False
    return not any(word.endswith(("'s", "’s", "s'", "s’")) for word in words)


def with_article(name: str, lang: str = "en") -> str:
    """``the Directorate of Communications``, ``AZERTAC``, ``Turkey's Directorate of Communications``;
    Turkish and Azerbaijani have no article: the name as it is."""
    return f"the {name}" if check_lang(lang) == "en" and takes_article(str(name)) else str(name)


def headline_text(text: str, lang: str = "en") -> str:
    """A phrase for a headline: its leading article dropped (AP "headlines": articles only when needed)."""
    if check_lang(lang) != "en":
        return text
    for article in _ARTICLES:
        if lower(text[: len(article)], "en") == article:
            return text[len(article) :]
    return text


# --- datelines ----------------------------------------------------------------------------------


def dateline_place(city: str, on: dt.date, since: Mapping[str, dt.date] | None = None) -> str:
    """``ISTANBUL``, ``BAKU, Azerbaijan``, ``ANKARA, Turkey`` before the issuer wrote Türkiye (``since``:
    per country, the day it did; ``language/countries.py``); a city whose country is not known, alone
    (see ``dateline_doubt``)."""
    data = ap_data()
    code = data.countries.get(city)
    if city in data.standalone or code is None:
        return upper(city, "en")
    return f"{upper(city, 'en')}, {country_name(code, 'en', on, (since or {}).get(code))}"


def dateline_doubt(city: str) -> bool:
    """True when the city neither stands alone nor has a known country: the dateline lacks its country."""
    data = ap_data()
    return city not in data.standalone and city not in data.countries
