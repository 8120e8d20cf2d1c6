"""The interface in Turkish, Azerbaijani and English, chosen per session, never process-wide.

Catalogs are the ``.po`` files in ``locales/``; they are compiled with Babel in memory the
first time a language is used, so there is no build step and no binary in the repository.
Library problems are translated by their message template (the msgid) before formatting.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from pressdraft.core.problems import Problem

LOCALES = Path(__file__).resolve().parents[3] / "locales"
DOMAIN = "pressdraft"
UI_LANGUAGES = ("tr", "az", "en")
LANGUAGE_NAMES = {"tr": "Türkçe", "az": "Azərbaycanca", "en": "English"}


@cache
def translations(lang: str) -> Translations:
    """The compiled catalog of one language (cached: catalogs do not change while running)."""
    with (LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalog = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def problem_text(lang: str, problem: Problem) -> str:
    """A problem in the interface language: its template translated, then filled."""
    return problem.at.told(gettext(lang, problem.template).format(**problem.params), with_lang=False)


def browser_language(locale: str | None) -> str:
    """The interface language for a browser locale such as ``az-Latn-AZ`` or ``tr-TR``."""
    prefix = (locale or "").split("-")[0].split("_")[0].lower()
    return prefix if prefix in UI_LANGUAGES else "en"
