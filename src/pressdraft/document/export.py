"""Editions of a rendered release as files: DOCX, Markdown, plain text, side by side, ZIP.

The CLI and the app both build their files from ``Edition``, so the same draft gives the same names and
the same bytes wherever it is rendered. Names follow ``<date>_<slug>_<lang>.<ext>``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from pressdraft import N_
from pressdraft.core.body import Block as BodyBlock
from pressdraft.core.problems import NOWHERE, Location, PressdraftError, Problem
from pressdraft.core.zips import zip_bytes
from pressdraft.document.blocks import Block, blocks_to_html, blocks_to_text
from pressdraft.document.rendition import Rendition
from pressdraft.safety.images import IMAGE_ID_PREFIX, is_image_id, picture_type, preview_picture

if TYPE_CHECKING:
    from types import ModuleType

    from pressdraft.document.docx import DocumentInfo, Letterhead

#: At most this many heavy files (Word, ZIP, PDF) are made at once by one server process; a
#: request waits at most ``BUILD_WAIT`` seconds for its turn, then is refused, so a burst of
#: clicks or one large draft never queues work without end (the draft limits bound each build).
HEAVY_BUILDS = 2
BUILD_WAIT = 20.0
_heavy_builds = threading.BoundedSemaphore(HEAVY_BUILDS)
_ASCII = str.maketrans(
    {
        # a dash between numbers is a range: 20–21 Kasım must not run together into a year (2021)
        "–": "-",
        "—": "-",
        "‑": "-",
        "ı": "i",
        "İ": "i",
        "ə": "e",
        "Ə": "e",
        "ğ": "g",
        "Ğ": "g",
        "ş": "s",
        "Ş": "s",
        "ç": "c",
        "Ç": "c",
        "ö": "o",
        "Ö": "o",
        "ü": "u",
        "Ü": "u",
    }
)


def _word() -> ModuleType:
    """The Word writer (python-docx, lxml), imported when a Word file is first made or a letterhead
    read: the app's first page shows only the preview, and these imports cost it ~0.1 s of CPU."""
    from pressdraft.document import docx

    return docx


def slugify(text: str, limit: int = 60) -> str:
    """An ASCII file-name slug: "İstanbul'da yaptı" -> "istanbulda-yapti"."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_ASCII)).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’`]", "", ascii_text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "release"


@dataclass(frozen=True)
class OutputFile:
    name: str
    data: bytes


MISSING_PICTURE = N_("no picture {ref} was given for this photo: check the file name, or upload the picture again")


class Edition:
    """A rendition seen as documents: blocks, titles and file names per language.

    ``images``: the pictures of its photos, by each photo's ``src`` (its ``file``: a path
    relative to the draft, read by the CLI, or a stored ``img-…`` id, read by the app from the
    store), already cleaned by ``safety.images.clean_image``. Nothing else is ever read for a photo.
    """

    def __init__(self, rendition: Rendition, images: Mapping[str, bytes] | None = None):
        self.rendition = rendition
        self.draft = rendition.draft
        self.images = dict(images or {})

    @property
    def blocks(self) -> dict[str, list[Block]]:
        return self.rendition.blocks  # an untrusted template's were parsed in the sandbox worker

    def first_text(self, lang: str, kind: str) -> str:
        return next(("".join(r.text for r in b.runs) for b in self.blocks[lang] if b.kind == kind), "")

    @cached_property
    def stem(self) -> str:
        langs = list(self.rendition.markdown)
        title_lang = self.draft.source_language if self.draft.source_language in langs else langs[0]
        return f"{self.draft.release.date.isoformat()}_{slugify(self.first_text(title_lang, 'headline'))}"

    def info(self, lang: str) -> DocumentInfo:
        issuer = self.rendition.issuers[lang]
        return _word().DocumentInfo(
            lang=lang,
            title=self.first_text(lang, "headline"),
            subject=self.first_text(lang, "subheadline"),
            author=issuer,
            issuer=issuer,
            created=dt.datetime.combine(self.draft.release.date, dt.time(), tzinfo=dt.UTC),
            keywords=self.rendition.template.id,
        )

    def missing_pictures(self) -> list[Problem]:
        """A problem for each photo whose picture was not given, at its ``body[i].photo.file``."""
        missing = dict.fromkeys(
            block.src or ""
            for blocks in self.blocks.values()
            for block in blocks
            if block.kind == "photo" and (not block.src or block.src not in self.images)
        )
        return [Problem(self._photo_location(ref), MISSING_PICTURE, {"ref": repr(ref)}) for ref in missing]

    def _photo_location(self, ref: str) -> Location:
        for index, block in enumerate(self.draft.body):
            if isinstance(block, BodyBlock) and block.kind == "photo" and block.value.file == ref:
                return Location(field=("body", index, "photo", "file"))
        return NOWHERE

    def _pictures(self) -> dict[str, bytes]:
        """The pictures, once every photo is known to have one."""
        problems = self.missing_pictures()
        if problems:
            raise PressdraftError(problems)
        return self.images

    def docx(self, lang: str, letterhead: object | None = None) -> bytes:
        return _word().write_docx(self.blocks[lang], self.info(lang), letterhead, self._pictures())  # type: ignore[arg-type]

    def side_by_side(self, letterhead: object | None = None) -> bytes:
        editions = [(self.blocks[lang], self.info(lang)) for lang in self.rendition.markdown]
        return _word().write_side_by_side(editions, letterhead, self._pictures())  # type: ignore[arg-type]

    def html(self, lang: str) -> str:
        """The preview of one language: its blocks as HTML, pictures scaled down for the screen."""
        return blocks_to_html(self.blocks[lang], self.preview_pictures)

    @cached_property
    def preview_pictures(self) -> dict[str, bytes]:
        return {ref: preview_picture(data) for ref, data in self.images.items()}

    def plan(
        self, formats: Iterable[str], *, side_by_side: bool = False, letterhead: object | None = None
    ) -> list[Planned]:
        """The files the formats ask for, named now and made only when wanted (the app's
        downloads make them on click)."""
        planned: list[Planned] = []
        for lang, markdown in self.rendition.markdown.items():
            name = f"{self.stem}_{lang}"
            for fmt in formats:
                if fmt == "docx":
                    planned.append(Planned(f"{name}.docx", partial(self.docx, lang, letterhead)))
                elif fmt == "md":
                    planned.append(Planned(f"{name}.md", partial(str.encode, markdown, "utf-8")))
                elif fmt == "txt":
                    text = partial(blocks_to_text, self.blocks[lang], lang)
                    planned.append(Planned(f"{name}.txt", lambda text=text: text().encode("utf-8")))
        if side_by_side and len(self.rendition.markdown) > 1:
            joined = "-".join(self.rendition.markdown)
            planned.append(Planned(f"{self.stem}_{joined}.docx", partial(self.side_by_side, letterhead)))
        return planned

    def files(
        self, formats: Iterable[str], *, side_by_side: bool = False, letterhead: object | None = None
    ) -> list[OutputFile]:
        """The requested formats for every language (and the side-by-side DOCX)."""
        return [p.make_file() for p in self.plan(formats, side_by_side=side_by_side, letterhead=letterhead)]


@dataclass(frozen=True)
class Planned:
    name: str
    make: Callable[[], bytes]

    def make_file(self) -> OutputFile:
        return OutputFile(self.name, self.make())


def bounded(make: Callable[[], bytes], wait: float = BUILD_WAIT) -> Callable[[], bytes]:
    """``make`` run only when one of the ``HEAVY_BUILDS`` turns is free within ``wait`` seconds."""

    def run() -> bytes:
        if not _heavy_builds.acquire(timeout=wait):
            raise PressdraftError(Problem(NOWHERE, "the server is busy making other files; try again in a moment"))
        try:
            return make()
        finally:
            _heavy_builds.release()

    return run


def pick_letterhead(source: Path | None, template_id: str, issuer: str) -> Letterhead | None:
    """The letterhead for a release: a .docx, or a folder of them chosen per release —
    ``<template id>.docx``, else ``<issuer key>.docx``, else ``default.docx`` — else the house style."""
    if source is None:
        return None
    if source.is_dir():
        candidates = [source / f"{name}.docx" for name in (template_id, issuer, "default")]
        source = next((path for path in candidates if path.is_file()), None)  # type: ignore[assignment]
        if source is None:
            return None
    try:
        data = source.read_bytes()
    except OSError as error:
        raise PressdraftError(
            Problem(Location(file=str(source)), "cannot read the letterhead: {reason}", {"reason": str(error)})
        ) from None
    return _word().load_letterhead(data)


def zip_edition(edition: Edition, files: Sequence[OutputFile], draft_text: str) -> OutputFile:
    """Everything in one ZIP, with the draft file itself and its photos' pictures: ``<date>_<slug>.zip``."""
    draft_file = OutputFile(f"{edition.stem}.yaml", draft_text.encode("utf-8"))
    pictures = [OutputFile(picture_name(ref, data), data) for ref, data in sorted(edition.images.items())]
    return OutputFile(f"{edition.stem}.zip", zip_files([*files, draft_file, *pictures], edition.draft.release.date))


def picture_name(ref: str, data: bytes) -> str:
    """A picture's name in the ZIP: its path, so that the unpacked draft finds it, when that is a
    plain relative path; else (a stored ``img-…`` id, or a path that climbs out) a name of its own."""
    plain = not any(mark in ref for mark in ("\\", ":")) and all(part not in ("", ".", "..") for part in ref.split("/"))
    if plain and not is_image_id(ref):
        return ref
    digest = ref.removeprefix(IMAGE_ID_PREFIX) if is_image_id(ref) else hashlib.sha256(data).hexdigest()
    extension = "png" if picture_type(data) == "image/png" else "jpg"
    return f"{IMAGE_ID_PREFIX}{digest}.{extension}"


def pdf_files(docx_files: Sequence[OutputFile]) -> list[OutputFile]:
    """The DOCX files as PDF, through LibreOffice in one call (``PdfUnavailable`` without it)."""
    from pressdraft.document.docx.pdf import convert_to_pdf

    converted = convert_to_pdf({f.name: f.data for f in docx_files})
    return [OutputFile(name, data) for name, data in converted.items()]


def zip_files(files: Sequence[OutputFile], when: dt.date) -> bytes:
    """One ZIP of all files, stamped with the release date so the same release zips to the same bytes."""
    return zip_bytes(((file.name, file.data) for file in files), when)
