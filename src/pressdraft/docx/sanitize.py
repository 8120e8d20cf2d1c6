"""Letterheads from users: checked before use, cleaned of anything active, or refused.

A letterhead is a .docx made in Word by someone outside this program; everything in it is
copied into every release we send out. So, at the zip level and before any XML is parsed:

- refuse what is not a real .docx (not a zip, an old binary .doc, no main document, an
  encrypted entry, odd entry names), what is over 10 MB packed, what *declares* more than
  64 MB unpacked or compresses suspiciously well (a zip bomb, caught before unzipping),
  any part containing ``<!DOCTYPE`` (entities), and macro-enabled files (.docm/.dotm);
- strip ``vbaProject.bin`` and other active or private parts (ActiveX, OLE embeddings,
  comments, glossary, thumbnail), attached-template links, mail-merge sources, external
  relationships (all but http/https/mailto hyperlinks) and every field that is not a known,
  harmless one (DDE, DDEAUTO, INCLUDETEXT, INCLUDEPICTURE …: their shown text is kept);
- re-encode every image with Pillow, refusing image bombs and formats it cannot re-encode.

Every refusal is a ``LetterheadError`` (a ``ValueError``) whose message says why.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import threading
import warnings
import zipfile
from collections import OrderedDict

from lxml import etree

from ..blocks import is_safe_link
from . import ooxml
from .letterhead import Letterhead, default_letterhead

__all__ = [
    "MAX_IMAGE_PIXELS",
    "MAX_PACKED_BYTES",
    "MAX_UNPACKED_BYTES",
    "LetterheadError",
    "clean_letterhead",
    "load_letterhead",
]

MAX_PACKED_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_RATIO = 100  # uncompressed / compressed, for entries over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_IMAGE_PIXELS = 25_000_000  # a full A4 page at 300 dpi is ≈ 8.7 million

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = f"{R}/officeDocument"
HYPERLINK = f"{R}/hyperlink"

DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

#: Relationship types whose targets never belong in a release.
DROPPED_RELATIONSHIPS = {
    f"{R}/{name}"
    for name in (
        "attachedTemplate",
        "oleObject",
        "package",
        "control",
        "aFChunk",
        "subDocument",
        "frame",
        "comments",
        "commentAuthors",
        "glossaryDocument",
        "people",
        "mailMergeSource",
        "mailMergeHeaderSource",
        "recipientData",
        "printerSettings",
        "customXml",
        "webSettings",
    )  # fmt: skip
} | {
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "http://schemas.microsoft.com/office/2006/relationships/wordVbaData",
    "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations",
    "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary",
    "http://schemas.microsoft.com/office/2011/relationships/people",
    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
}

#: Fields a letterhead may keep (page numbers, dates, document properties, references).
SAFE_FIELDS = frozenset(
    (
        "PAGE",
        "NUMPAGES",
        "SECTIONPAGES",
        "SECTION",
        "DATE",
        "TIME",
        "CREATEDATE",
        "SAVEDATE",
        "PRINTDATE",
        "TITLE",
        "SUBJECT",
        "AUTHOR",
        "KEYWORDS",
        "LASTSAVEDBY",
        "STYLEREF",
        "PAGEREF",
        "REF",
        "SEQ",
        "SYMBOL",
    )  # fmt: skip
)

#: Settings that reach outside the document or change how every release opens.
DROPPED_SETTINGS = (
    "attachedTemplate", "mailMerge", "linkStyles", "updateFields", "documentProtection",
    "writeProtection", "saveThroughXslt", "attachedSchema", "saveXmlDataOnly",
    "useXSLTWhenSaving", "doNotValidateAgainstSchema", "removePersonalInformation",
)  # fmt: skip

IMAGE_FORMATS = {"png": "PNG", "jpeg": "JPEG", "jpg": "JPEG", "gif": "GIF", "bmp": "BMP",
                 "tif": "TIFF", "tiff": "TIFF"}  # fmt: skip


class LetterheadError(ValueError):
    """A letterhead was refused; the message says why, in words a user can act on."""


def load_letterhead(data: bytes) -> Letterhead:
    """Check, clean and parse a user's letterhead .docx (or .dotx); the same file is parsed
    only once per process."""
    digest = hashlib.sha256(data).hexdigest()
    with _cache_lock:
        if digest in _cache:
            _cache.move_to_end(digest)
            return _cache[digest]
    cleaned = clean_letterhead(data)
    try:
        letterhead = Letterhead.from_bytes(cleaned, fallback=default_letterhead())
    except LetterheadError:
        raise
    except Exception as exc:  # python-docx's own complaints, in our words
        raise LetterheadError(f"the letterhead could not be read as a Word document ({exc})") from None
    with _cache_lock:
        _cache[digest] = letterhead
        while len(_cache) > 16:
            _cache.popitem(last=False)
    return letterhead


_cache: OrderedDict[str, Letterhead] = OrderedDict()
_cache_lock = threading.Lock()


def clean_letterhead(data: bytes) -> bytes:
    """The letterhead, checked and cleaned, as .docx bytes; ``LetterheadError`` if refused."""
    parts = _read_package(data)
    _refuse_doctype(parts)
    content_types = _parse(parts, "[Content_Types].xml")
    main = _main_part(parts)
    main_type = _content_type(content_types, main)
    if main_type is None:
        raise LetterheadError("the file is not a Word document: its main part has no type")
    if "macroenabled" in main_type.lower():
        raise LetterheadError("the letterhead is macro-enabled (.docm/.dotm); save it as a Word Document (.docx)")
    if main_type == TEMPLATE_MAIN:
        _set_content_type(content_types, main, DOCUMENT_MAIN)  # a .dotx works as a .docx
    elif main_type != DOCUMENT_MAIN:
        raise LetterheadError(f"the file is not a Word document (its main part is {main_type})")

    removed, dropped_ids = _strip_relationships(parts)
    for name in list(parts):
        ctype = (_content_type(content_types, name) or "").lower()
        if name in removed or "vbaproject" in ctype or "vbadata" in ctype:
            parts.pop(name, None)
            removed.add(name)
    for name in sorted(removed):
        _remove_override(content_types, name)
    parts["[Content_Types].xml"] = _serialize(content_types)

    for name in list(parts):
        ctype = _content_type(content_types, name) or ""
        if name.endswith(".xml") and "wordprocessingml" in ctype:
            parts[name] = _clean_story(parts[name], dropped_ids.get(name, set()), ctype.endswith("settings+xml"))
        elif ctype.startswith("image/") or posixpath.splitext(name)[1][1:].lower() in (
            *IMAGE_FORMATS,
            "emf",
            "wmf",
            "svg",
        ):
            parts[name] = _reencode_image(name, parts[name])

    writer = ooxml.ZipWriter(None)
    for name, blob in parts.items():
        writer.add(name, blob)
    return writer.close()


# -- the package ------------------------------------------------------------------------


def _read_package(data: bytes) -> dict[str, bytes]:
    if len(data) > MAX_PACKED_BYTES:
        raise LetterheadError(
            f"the letterhead is {len(data) / 1048576:.1f} MB; the limit is {MAX_PACKED_BYTES // 1048576} MB"
        )
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise LetterheadError(
            "the file is an old binary Word document (.doc) or an encrypted file; save it as a Word Document (.docx)"
        )
    if data[:4] != b"PK\x03\x04":
        raise LetterheadError("the file is not a Word document (.docx): it is not a zip package")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LetterheadError(f"the file is not a readable .docx package ({exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise LetterheadError(f"the package has {len(infos)} parts; a letterhead needs few")
    total = 0
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if (
            not name
            or name.startswith("/")
            or "\\" in name
            or "\x00" in name
            or ".." in name.split("/")
            or name.lower() in seen
        ):
            raise LetterheadError(f"the package has a suspicious part name: {name!r}")
        seen.add(name.lower())
        if info.flag_bits & 0x1:
            raise LetterheadError("the package is encrypted; save it without a password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise LetterheadError(f"the part {name} uses an unusual compression")
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise LetterheadError(
                f"the letterhead would expand past {MAX_UNPACKED_BYTES // 1048576} MB when unpacked (a zip bomb?)"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise LetterheadError(
                f"the part {name} expands {info.file_size // max(info.compress_size, 1)}-fold (a zip bomb?)"
            )
    parts: dict[str, bytes] = {}
    try:
        for info in infos:
            if info.is_dir():
                continue
            with archive.open(info) as member:  # stops at the declared size, checks the CRC
                parts[info.filename] = member.read()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise LetterheadError(f"the package is damaged ({exc})") from None
    if "[Content_Types].xml" not in parts:
        raise LetterheadError("the file is not a Word document: [Content_Types].xml is missing")
    return parts


def _refuse_doctype(parts: dict[str, bytes]) -> None:
    needles = [
        b"<!doctype",
        "<!doctype".encode("utf-16-le"),
        "<!doctype".encode("utf-16-be"),
    ]
    for name, blob in parts.items():
        lowered = blob.lower()
        if any(needle in lowered for needle in needles):
            raise LetterheadError(f"the part {name} declares a DOCTYPE (entities are not allowed in a letterhead)")


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _parse(parts: dict[str, bytes], name: str):
    try:
        return etree.fromstring(parts[name], _PARSER)
    except KeyError:
        raise LetterheadError(f"the file is not a Word document: {name} is missing") from None
    except etree.XMLSyntaxError as exc:
        raise LetterheadError(f"the part {name} is not well-formed XML ({exc})") from None


def _serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _main_part(parts: dict[str, bytes]) -> str:
    rels = _parse(parts, "_rels/.rels")
    for rel in rels.iter(f"{{{PR}}}Relationship"):
        if rel.get("Type") == OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            name = rel.get("Target", "").lstrip("/")
            if name in parts:
                return name
    raise LetterheadError("the file is not a Word document: it has no main document part")


def _content_type(types, name: str) -> str | None:
    for override in types.iter(f"{{{CT_NS}}}Override"):
        if override.get("PartName", "").lstrip("/") == name:
            return override.get("ContentType")
    ext = posixpath.splitext(name)[1][1:].lower()
    for default in types.iter(f"{{{CT_NS}}}Default"):
        if default.get("Extension", "").lower() == ext:
            return default.get("ContentType")
    return None


def _set_content_type(types, name: str, content_type: str) -> None:
    for override in types.iter(f"{{{CT_NS}}}Override"):
        if override.get("PartName", "").lstrip("/") == name:
            override.set("ContentType", content_type)


def _remove_override(types, name: str) -> None:
    for override in list(types.iter(f"{{{CT_NS}}}Override")):
        if override.get("PartName", "").lstrip("/") == name:
            types.remove(override)


def _rels_source(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word/document.xml``; ``_rels/.rels`` → ``""``."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file[: -len(".rels")]).lstrip("/")


def _strip_relationships(parts: dict[str, bytes]) -> tuple[set[str], dict[str, set[str]]]:
    """Drop unwanted relationships; return the internal parts nothing may keep, and per
    source part the ids of the dropped relationships (to cut references to them)."""
    removed: set[str] = set()
    kept_targets: set[str] = set()
    dropped_ids: dict[str, set[str]] = {}
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        rels = _parse(parts, rels_name)
        source = _rels_source(rels_name)
        base = posixpath.dirname(source)
        for rel in list(rels.iter(f"{{{PR}}}Relationship")):
            reltype = rel.get("Type", "")
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if external:
                drop = not (reltype == HYPERLINK and is_safe_link(target))
            else:
                resolved = posixpath.normpath(
                    target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
                )
                drop = reltype in DROPPED_RELATIONSHIPS
                (removed if drop else kept_targets).add(resolved)
            if drop:
                rels.remove(rel)
                dropped_ids.setdefault(source, set()).add(rel.get("Id", ""))
        parts[rels_name] = _serialize(rels)
    # A part both dropped and kept (shared) stays; anything under these folders goes.
    removed -= kept_targets
    for name in parts:
        lowered = name.lower()
        if lowered.endswith("vbaproject.bin") or any(folder in lowered for folder in ("/activex/", "/embeddings/")):
            removed.add(name)
    for name in list(removed):
        folder, file = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", f"{file}.rels")
        if rels_name in parts:
            removed.add(rels_name)
    return removed, dropped_ids


# -- XML parts ----------------------------------------------------------------------------


def _clean_story(blob: bytes, dropped_ids: set[str], settings: bool = False) -> bytes:
    root = etree.fromstring(blob, _PARSER)
    _cut_references(root, dropped_ids)
    if settings:
        for name in DROPPED_SETTINGS:
            for el in root.findall(f"{{{W}}}{name}"):
                root.remove(el)
    _strip_fields(root)
    for name in ("altChunk", "subDoc"):
        for el in list(root.iter(f"{{{W}}}{name}")):
            el.getparent().remove(el)
    return _serialize(root)


def _cut_references(root, dropped: set[str]) -> None:
    """Remove ``r:id``/``r:embed``/``r:link`` … attributes naming a dropped relationship."""
    if not dropped:
        return
    r_prefix = f"{{{R}}}"
    for el in root.iter():
        for attr, value in list(el.attrib.items()):
            if attr.startswith(r_prefix) and value in dropped:
                del el.attrib[attr]


def _field_keyword(instruction: str) -> str:
    words = instruction.strip().split()
    return words[0].upper().lstrip("\\") if words else ""


def _strip_fields(root) -> None:
    """Unwrap every field that is not in ``SAFE_FIELDS``: its shown result stays as text."""
    for simple in list(root.iter(f"{{{W}}}fldSimple")):
        if _field_keyword(simple.get(f"{{{W}}}instr", "")) not in SAFE_FIELDS:
            parent = simple.getparent()
            index = parent.index(simple)
            for child in list(simple):
                parent.insert(index, child)
                index += 1
            parent.remove(simple)
    fld_char, instr_text = f"{{{W}}}fldChar", f"{{{W}}}instrText"
    del_instr = f"{{{W}}}delInstrText"
    stack: list[dict] = []
    doomed: list = []
    for el in list(root.iter(fld_char, instr_text, del_instr)):
        if el.tag == fld_char:
            kind = el.get(f"{{{W}}}fldCharType")
            if kind == "begin":
                stack.append({"instr": [], "elements": [el]})
            elif stack:
                stack[-1]["elements"].append(el)
                if kind == "end":
                    frame = stack.pop()
                    if _field_keyword("".join(frame["instr"])) not in SAFE_FIELDS:
                        doomed += frame["elements"]
        elif stack:
            stack[-1]["instr"].append(el.text or "")
            stack[-1]["elements"].append(el)
        else:
            doomed.append(el)  # instruction text outside any field
    for frame in stack:  # unterminated fields
        doomed += frame["elements"]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


# -- images -------------------------------------------------------------------------------


def _reencode_image(name: str, blob: bytes) -> bytes:
    from PIL import Image

    ext = posixpath.splitext(name)[1][1:].lower()
    fmt = IMAGE_FORMATS.get(ext)
    if fmt is None:
        raise LetterheadError(
            f"the image {posixpath.basename(name)} is a .{ext} file, which cannot be checked; "
            "insert the logo as PNG or JPEG"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(blob)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise LetterheadError(
                        f"the image {posixpath.basename(name)} is {width}×{height} pixels "
                        f"(an image bomb?); the limit is {MAX_IMAGE_PIXELS:,} pixels"
                    )
                image.seek(0)
                image.load()
                out = io.BytesIO()
                frame = image.copy()
        if fmt == "JPEG" and frame.mode not in ("RGB", "L", "CMYK"):
            frame = frame.convert("RGB")
        options = {"quality": 92} if fmt == "JPEG" else {}
        frame.save(out, fmt, **options)
        return out.getvalue()
    except LetterheadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise LetterheadError(
            f"the image {posixpath.basename(name)} has far too many pixels for a logo "
            f"(an image bomb?); the limit is {MAX_IMAGE_PIXELS:,} pixels"
        ) from exc
    except Exception as exc:
        raise LetterheadError(
            f"the image {posixpath.basename(name)} could not be read ({exc.__class__.__name__})"
        ) from None
