"""Markdown blocks → Word documents: the letterhead, the writer, the editions, PDF.

``write_docx`` and ``write_side_by_side`` write releases into a ``Letterhead``: the shipped
house style (``default_letterhead()``) or a user's .docx checked and cleaned by
``load_letterhead``. ``font_coverage_warnings`` says when a letterhead's font lacks a letter
the text uses; ``convert_to_pdf`` turns documents into PDF through LibreOffice.
"""

from .fonts import font_coverage_warnings
from .letterhead import Letterhead, default_letterhead
from .pdf import PdfConversionError, PdfUnavailable, convert_to_pdf
from .sanitize import LetterheadError, clean_letterhead, load_letterhead
from .writer import DocumentInfo, align_blocks, clean_text, write_docx, write_side_by_side

__all__ = [
    "DocumentInfo",
    "Letterhead",
    "LetterheadError",
    "PdfConversionError",
    "PdfUnavailable",
    "align_blocks",
    "clean_letterhead",
    "clean_text",
    "convert_to_pdf",
    "default_letterhead",
    "font_coverage_warnings",
    "load_letterhead",
    "write_docx",
    "write_side_by_side",
]
