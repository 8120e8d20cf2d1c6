"""Does the letterhead's font have every letter the release uses?

Caladea and the Liberation fonts, for one, have no ``ə`` (U+0259): an Azerbaijani release
set in them comes out of LibreOffice with that letter in a fallback font. This module finds
the fonts a letterhead's release styles use (theme fonts resolved), asks fontconfig which
file would render each one here (as LibreOffice does: Calibri → Carlito), and checks the
letters against that file's character map with fontTools.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..blocks import GAP_PATTERN, Block
from .letterhead import KIND_STYLE_NAMES, Letterhead, default_letterhead

__all__ = ["FontFile", "font_coverage_warnings", "letterhead_fonts", "resolve_font"]

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"

#: Metric-compatible stand-ins LibreOffice uses for Microsoft's fonts.
METRIC_ALIASES = {
    "calibri": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "courier new": "Liberation Mono",
}


@dataclass(frozen=True)
class FontFile:
    requested: str
    family: str  # the family fontconfig found (may be a substitute)
    path: str
    index: int = 0

    @property
    def substituted(self) -> bool:
        wanted = self.requested.lower()
        return self.family.lower() != wanted and METRIC_ALIASES.get(wanted, "").lower() != (self.family.lower())


def font_coverage_warnings(texts: Sequence[Block] | Iterable[str], letterhead: Letterhead | None = None) -> list[str]:
    """Warnings, one per font, when a font of the letterhead lacks letters the text uses.

    ``texts`` is a release's blocks or plain strings. An empty list means every letter is
    covered by the font that will draw it here (or nothing could be checked: no fontconfig).
    """
    letterhead = letterhead or default_letterhead()
    used = _letters(texts)
    warnings: list[str] = []
    for family in letterhead_fonts(letterhead):
        font = resolve_font(family)
        if font is None:
            continue
        cmap = _cmap(font.path, font.index)
        missing = sorted(ch for ch in used if ord(ch) not in cmap)
        if not missing:
            continue
        letters = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
        if font.substituted:
            warnings.append(
                f"The letterhead's font “{family}” is not installed here; its stand-in "
                f"“{font.family}” lacks {letters} — those letters will be drawn in another font."
            )
        else:
            warnings.append(
                f"The letterhead's font “{family}” lacks {letters} — those letters will be "
                "drawn in another font; choose a font that covers Turkish and Azerbaijani."
            )
    return warnings


def _letters(texts: Sequence[Block] | Iterable[str]) -> set[str]:
    chunks = [item.text if isinstance(item, Block) else str(item) for item in texts]
    text = GAP_PATTERN.sub("", "".join(chunks))
    return {ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] in "LNPS"}


def letterhead_fonts(letterhead: Letterhead) -> list[str]:
    """The font families the release styles use (document defaults and every kind's style
    with the styles it is based on), theme fonts resolved; in order of first use."""
    document = letterhead.document
    styles = document.styles.element
    theme = _theme_fonts(document)
    by_id = {s.get(qn("w:styleId")): s for s in styles.iterchildren(qn("w:style"))}
    families: list[str] = []

    def add_from(rpr) -> None:
        if rpr is None:
            return
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            return
        name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
        if not name:
            theme_ref = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme")) or ""
            name = theme.get("major" if theme_ref.startswith("major") else "minor")
        if name and name not in families:
            families.append(name)

    add_from(styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    if not families and theme.get("minor"):
        families.append(theme["minor"])
    for kind in KIND_STYLE_NAMES:
        style_id = letterhead.style_ids.get(kind)
        seen: set[str] = set()
        while style_id and style_id in by_id and style_id not in seen:
            seen.add(style_id)
            style = by_id[style_id]
            add_from(style.find(qn("w:rPr")))
            based_on = style.find(qn("w:basedOn"))
            style_id = based_on.get(qn("w:val")) if based_on is not None else None
    return families


def _theme_fonts(document) -> dict[str, str]:
    for rel in document.part.rels.values():
        if rel.reltype == RT.THEME and not rel.is_external:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            root = etree.fromstring(rel.target_part.blob, parser)
            fonts = {}
            for which in ("major", "minor"):
                latin = root.find(f".//{{{_A}}}{which}Font/{{{_A}}}latin")
                if latin is not None and latin.get("typeface"):
                    fonts[which] = latin.get("typeface")
            return fonts
    return {}


@lru_cache(maxsize=64)
def resolve_font(family: str) -> FontFile | None:
    """The font file fontconfig would use for ``family`` here; ``None`` without fontconfig."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        out = subprocess.run(
            [fc_match, "-f", "%{family}|%{file}|%{index}", family],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.split("|")
    if len(parts) != 3 or not parts[1]:
        return None
    found = parts[0].split(",")[0]
    return FontFile(family, found, parts[1], int(parts[2] or 0))


@lru_cache(maxsize=64)
def _cmap(path: str, index: int = 0) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, fontNumber=index, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except Exception:  # an unreadable font file: nothing is covered, say so
        return frozenset()
