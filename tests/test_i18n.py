"""The interface in three languages: no UI string may lack a translation."""

import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from messages import extracted  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]+(?:![rs])?\}")


def catalog(lang):
    with (ROOT / "locales" / lang / "LC_MESSAGES" / "pressdraft.po").open("rb") as po:
        return read_po(po, locale=lang)


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_every_interface_string_has_a_translation(lang):
    translated = {m.id: m.string for m in catalog(lang) if m.id}
    missing = [m for m in extracted() if not translated.get(m)]
    assert not missing, f"untranslated in {lang} (run 'make messages', then fill them): {missing}"


@pytest.mark.parametrize("lang", ["tr", "az"])
def test_translations_keep_every_placeholder(lang):
    for message in catalog(lang):
        if message.id:
            assert sorted(PLACEHOLDER.findall(message.string)) == sorted(PLACEHOLDER.findall(message.id)), message.id


def test_the_language_is_chosen_per_session_not_for_the_process():
    from pressdraft.ui import i18n

    assert i18n.gettext("tr", "New release") == "Yeni bülten"
    assert i18n.gettext("az", "New release") == "Yeni reliz"
    assert i18n.gettext("en", "New release") == "New release"
    assert i18n.browser_language("az-Latn-AZ") == "az" and i18n.browser_language("de-DE") == "en"
