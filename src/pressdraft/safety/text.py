"""The one gate every text passes on its way in (draft files, the form, the directory).

A document can only hold what Word's XML can hold: C0 controls other than tab and newline,
U+FFFE/U+FFFF and lone surrogates make python-docx fail, so they never enter the system.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_STORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """NFC-normalise and drop what a document cannot store; Word's \\v becomes a newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n\n")
    return unicodedata.normalize("NFC", _NOT_STORABLE.sub("", text))
