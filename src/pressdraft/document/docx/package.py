"""The OPC package of a document: cloned from a parsed letterhead, written deterministically.

python-docx's ``save`` stamps the current time on every ZIP member, so the package is written
here: the content types and relationships as python-docx serializes them, the members through
the shared deterministic ZIP helper (``core.zips``), in python-docx's order. Each document
starts as a clone of its letterhead's parsed package, because parsing the package again costs
four times as much as copying its trees (≈0.9 ms against ≈0.2 ms a document).

The members are stored, not deflated: a release is written on every download, and deflating
its dozen parts with ``zipfile`` costs ≈0.5 ms a document (a third of writing it; ``zipfile``
cannot reuse the compressed form of the letterhead's parts, which are the same in every
release) to save ≈18 KB. The ZIP edition deflates the documents it holds.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import CT_Relationships
from docx.opc.package import OpcPackage
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.opc.rel import Relationships

from pressdraft.core.zips import zip_bytes

#: Parts python-docx keeps as opaque bytes that the writer edits as XML (``docProps/app.xml``).
EDITED_AS_XML = frozenset((CT.OFC_EXTENDED_PROPERTIES,))


#: Parts a release never changes once its letterhead is prepared for its language and issuer
#: (``Letterhead.new_document``): a document shares their serialized bytes instead of copying and
#: serializing their trees again. A document with a table keeps its styles part as XML: python-docx
#: looks the table's style up in it.
UNCHANGED = frozenset(
    (
        CT.WML_STYLES,
        CT.WML_SETTINGS,
        CT.WML_FONT_TABLE,
        CT.OFC_THEME,
        CT.WML_WEB_SETTINGS,
        CT.WML_HEADER,
        CT.WML_FOOTER,
        CT.OFC_EXTENDED_PROPERTIES,
    )
)
UNCHANGED_WITH_TABLES = UNCHANGED - {CT.WML_STYLES}


def clone_package(source: OpcPackage, unchanged: frozenset[str] = frozenset()) -> OpcPackage:
    """An independent copy of a parsed package: every XML part's tree is deep-copied (in C,
    by lxml), binary parts share their immutable bytes; the parts in ``EDITED_AS_XML`` become
    XML parts; XML parts of the types in ``unchanged`` become binary parts sharing the source's
    serialized bytes (the source must not change them afterwards); nothing is unzipped."""
    package = type(source)()
    parts: dict[int, Part] = {}
    source_parts = _parts_of(source)
    for part in source_parts:
        if isinstance(part, XmlPart) and part.content_type in unchanged:
            clone = Part(part.partname, part.content_type, _serialized(part), package)
        elif isinstance(part, XmlPart):
            clone = type(part)(part.partname, part.content_type, part.element.__copy__(), package)
        elif part.content_type in EDITED_AS_XML:
            clone = XmlPart.load(part.partname, part.content_type, part.blob, package)
        else:
            clone = type(part).load(part.partname, part.content_type, part.blob, package)
        parts[id(part)] = clone

    def target(rel):
        return rel.target_ref if rel.is_external else parts[id(rel.target_part)]

    for rel in source.rels.values():
        package.load_rel(rel.reltype, target(rel), rel.rId, rel.is_external)
    for part in source_parts:
        clone = parts[id(part)]
        for rel in part.rels.values():
            clone.load_rel(rel.reltype, target(rel), rel.rId, rel.is_external)
    package.after_unmarshal()
    return package


@lru_cache(maxsize=64)
def _parts_of(source: OpcPackage) -> tuple[Part, ...]:
    """A prepared package's parts, found once: walking its relationships costs as much as
    copying its trees (a clone's source never changes, packages hash by identity)."""
    return tuple(source.iter_parts())


@lru_cache(maxsize=256)
def _serialized(part: XmlPart) -> bytes:
    """A prepared letterhead part's bytes, serialized once (parts hash by identity)."""
    return part.blob


def write_package(package: OpcPackage, when: dt.datetime | None = None) -> bytes:
    """The package as .docx bytes, every member stamped ``when`` (or 1980-01-01): the same
    parts always give the same bytes."""
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()

    def members():
        yield CONTENT_TYPES_URI.membername, content_types_xml(tuple((p.partname, p.content_type) for p in parts))
        yield PACKAGE_URI.rels_uri.membername, _rels_xml(package.rels, PACKAGE_URI.baseURI)
        for part in parts:
            yield part.partname.membername, part.blob
            if part.rels:
                yield part.partname.rels_uri.membername, _rels_xml(part.rels, part.partname.baseURI)

    return zip_bytes(members(), when, deflated=False)


# A letterhead's documents share their content types and all their relationships but the
# body's (its links): each is serialized by python-docx once and kept.


@lru_cache(maxsize=64)
def content_types_xml(parts: tuple[tuple[PackURI, str], ...]) -> bytes:
    """``[Content_Types].xml`` for parts given as (part name, content type), as python-docx
    writes it: defaults for the usual extensions, overrides sorted by part name."""
    return _ContentTypesItem.from_parts([_Named(name, content_type) for name, content_type in parts]).blob


def _rels_xml(rels: Relationships, base: str) -> bytes:
    """The ``.rels`` part of relationships from a part in folder ``base`` (``/`` for the package's)."""
    return relationships_xml(
        tuple(
            (
                rel.rId,
                rel.reltype,
                rel.target_ref if rel.is_external else _relative_ref(rel.target_part.partname, base),
                rel.is_external,
            )
            for rel in rels.values()
        )
    )


@lru_cache(maxsize=256)
def _relative_ref(partname: PackURI, base: str) -> str:
    """``rel.target_ref`` of an internal relationship, found once: python-docx computes it with
    ``posixpath.relpath`` every time, a dozen times a document."""
    return partname.relative_ref(base)


@lru_cache(maxsize=256)
def relationships_xml(rels: tuple[tuple[str, str, str, bool], ...]) -> bytes:
    """A ``.rels`` part for relationships given as (id, type, target, external), in that order."""
    element = CT_Relationships.new()
    for rel in rels:
        element.add_rel(*rel)
    return element.xml


class _Named(NamedTuple):
    """What python-docx's content types writer reads of a part."""

    partname: PackURI
    content_type: str


def save_deterministic(document: Document, when: dt.datetime | None = None) -> bytes:
    """The document's package bytes, identical for identical content."""
    return write_package(document.part.package, when)
