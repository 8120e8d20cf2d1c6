"""Extract the interface's messages and update the tr, az and en catalogs in ``locales/``.

Run ``make messages`` after changing UI strings; then fill the new ``msgstr`` entries. The
library's problem messages are extracted too (``Problem(at, template)``, ``N_(...)``), so
the check panel speaks the user's language. A test fails while any entry is untranslated.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
KEYWORDS = {"_": None, "N_": None, "Problem": (2,)}
METHODS = [("src/pressdraft/**.py", "python"), ("app.py", "python")]


def extracted() -> list[str]:
    """Every message the code marks, in a stable order (the format-only "{message}" left out)."""
    found = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(ROOT, METHODS, keywords=KEYWORDS)
    }
    return sorted(m for m in found if m and m != "{message}")


def update(lang: str, messages: list[str]) -> Catalog:
    path = LOCALES / lang / "LC_MESSAGES" / "pressdraft.po"
    old = read_po(path.open("rb"), locale=lang) if path.exists() else Catalog(locale=lang)
    catalog = Catalog(locale=lang, project="pressdraft", domain="pressdraft")
    for message in messages:
        previous = old.get(message)
        catalog.add(message, previous.string if previous else "")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, omit_header=False, no_location=True)
    return catalog


if __name__ == "__main__":
    messages = extracted()
    for lang in ("tr", "az", "en"):
        catalog = update(lang, messages)
        missing = sum(1 for m in catalog if m.id and not m.string)
        print(f"{lang}: {len(messages)} messages, {missing} untranslated")
