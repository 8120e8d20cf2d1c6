"""Markdown blocks → Word documents: the letterhead, the writer, the editions."""

from .letterhead import Letterhead, default_letterhead
from .writer import DocumentInfo, align_blocks, clean_text, write_docx, write_side_by_side

__all__ = [
    "DocumentInfo",
    "Letterhead",
    "align_blocks",
    "clean_text",
    "default_letterhead",
    "write_docx",
    "write_side_by_side",
]
