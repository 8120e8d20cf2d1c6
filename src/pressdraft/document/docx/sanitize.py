"""Letterheads from users: checked before use, cleaned of anything active, or refused.

A letterhead is a .docx made in Word by someone outside this program; everything in it is
copied into every release we send out. So, at the zip level and before any XML is parsed:

- refuse what is not a real .docx (not a zip, an old binary .doc, no main document, an
  encrypted entry, odd entry names), what is over 10 MB packed, what *declares* more than
  64 MB unpacked or compresses suspiciously well (a zip bomb, caught before unzipping),
  any part containing ``<!DOCTYPE`` (entities), and macro-enabled files (.docm/.dotm).

Then the package is rebuilt from what its relationships reach, never from part names (Word
finds parts by relationship and content type, so ``header1.XML`` or ``settings.bin`` is as
live as ``header1.xml``):

- each relationship is judged by its type and its target's content type, both compared
  case-insensitively: the parts of a letterhead (``KEPT_PARTS``, images) are kept, written
  under plain names with their types in standard spelling; macros, ActiveX, OLE, alternate
  chunks, sub-documents, comments, glossary, custom XML, attached templates, mail-merge
  sources … are dropped (``DROPPED_RELATIONSHIPS``); a part of any other kind, or not of
  the kind its relationship says, is refused with a message naming it;
- external relationships (whatever the case of ``TargetMode``) are dropped but for
  http/https/mailto hyperlinks, and so are internal targets that are missing or leave the
  package; parts nothing points to are left behind;
- every kept XML part is parsed and cleaned: references to dropped relationships cut,
  ``w:updateFields`` and the other ``DROPPED_SETTINGS``, alternate chunks, sub-documents and
  controls removed, and every field but PAGE and NUMPAGES unwrapped (its shown text kept),
  simple or complex, its instructions joined across runs and read in any case;
- every image is decoded as PNG, JPEG, GIF, BMP or TIFF only and re-encoded with Pillow,
  refusing image bombs.

Every refusal is a ``LetterheadError`` (a ``ValueError``) whose message, one line, says why.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import threading
import warnings
import zipfile
from collections import OrderedDict
from urllib.parse import unquote

from docx.opc.packuri import PackURI
from lxml import etree

from pressdraft.core.zips import zip_bytes

from ..blocks import is_safe_link
from .letterhead import Letterhead, default_letterhead
from .package import content_types_xml, relationships_xml

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
MS = "http://schemas.microsoft.com/office"
#: Strict OOXML spells the same things in other namespaces; both are cleaned.
W_NAMESPACES = frozenset((W, "http://purl.oclc.org/ooxml/wordprocessingml/main"))
R_NAMESPACES = frozenset((R, "http://purl.oclc.org/ooxml/officeDocument/relationships"))
OFFICE_DOCUMENT = f"{R}/officeDocument"
HYPERLINK = f"{R}/hyperlink"
IMAGE = f"{R}/image"

WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DOCUMENT_MAIN = f"{WML}.document.main+xml"
TEMPLATE_MAIN = f"{WML}.template.main+xml"

#: The parts a letterhead keeps: relationship type → the content type its target must have
#: (both compared case-insensitively, written in these spellings) and its root element.
#: Every one is XML, and cleaned.
KEPT_PARTS = {
    OFFICE_DOCUMENT: (DOCUMENT_MAIN, f"{{{W}}}document"),
    f"{PR}/metadata/core-properties": (
        "application/vnd.openxmlformats-package.core-properties+xml",
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties",
    ),
    f"{R}/extended-properties": (
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties",
    ),
    f"{R}/styles": (f"{WML}.styles+xml", f"{{{W}}}styles"),
    f"{MS}/2007/relationships/stylesWithEffects": ("application/vnd.ms-word.stylesWithEffects+xml", f"{{{W}}}styles"),
    f"{R}/numbering": (f"{WML}.numbering+xml", f"{{{W}}}numbering"),
    f"{R}/settings": (f"{WML}.settings+xml", f"{{{W}}}settings"),
    f"{R}/fontTable": (f"{WML}.fontTable+xml", f"{{{W}}}fonts"),
    f"{R}/theme": (
        "application/vnd.openxmlformats-officedocument.theme+xml",
        "{http://schemas.openxmlformats.org/drawingml/2006/main}theme",
    ),
    f"{R}/header": (f"{WML}.header+xml", f"{{{W}}}hdr"),
    f"{R}/footer": (f"{WML}.footer+xml", f"{{{W}}}ftr"),
    f"{R}/footnotes": (f"{WML}.footnotes+xml", f"{{{W}}}footnotes"),
    f"{R}/endnotes": (f"{WML}.endnotes+xml", f"{{{W}}}endnotes"),
}

#: Images a letterhead keeps (re-encoded): content type → Pillow format and file extensions.
IMAGE_TYPES = {
    "image/png": ("PNG", "png"),
    "image/jpeg": ("JPEG", "jpeg", "jpg"),
    "image/gif": ("GIF", "gif"),
    "image/bmp": ("BMP", "bmp"),
    "image/tiff": ("TIFF", "tiff", "tif"),
}

#: Relationship types whose targets never belong in a release: dropped with their parts.
DROPPED_RELATIONSHIPS = frozenset(
    f"{prefix}/{name}".lower()
    for prefix, names in (
        (R, ("attachedTemplate", "oleObject", "package", "control", "aFChunk", "subDocument", "frame",
             "comments", "commentAuthors", "glossaryDocument", "people", "mailMergeSource",
             "mailMergeHeaderSource", "recipientData", "printerSettings", "customXml", "customXmlProps",
             "webSettings", "custom-properties", "font", "video", "audio",
             "hyperlink")),  # internal ones: web links are external, and kept when safe
        (f"{MS}/2006/relationships", ("vbaProject", "wordVbaData", "keyMapCustomizations",
                                      "activeXControlBinary", "ui/extensibility", "ui/userCustomization")),
        (f"{MS}/2007/relationships", ("ui/extensibility", "hdphoto", "media")),
        (f"{MS}/2011/relationships", ("people", "commentsExtended", "webextensiontaskpanes")),
        (f"{MS}", ("2016/09/relationships/commentsIds", "2018/08/relationships/commentsExtensible",
                   "2020/02/relationships/classificationlabels", "2020/10/relationships/intelligence")),
        (PR, ("metadata/thumbnail", "digital-signature/origin")),
    )
    for name in names
)  # fmt: skip

#: Fields a letterhead may keep: the page numbers of the house style. Every other field goes
#: (its shown result stays as text).
SAFE_FIELDS = frozenset(("PAGE", "NUMPAGES"))

#: Settings that reach outside the document or change how every release opens.
DROPPED_SETTINGS = (
    "attachedTemplate", "mailMerge", "linkStyles", "updateFields", "documentProtection",
    "writeProtection", "saveThroughXslt", "attachedSchema", "saveXmlDataOnly",
    "useXSLTWhenSaving", "doNotValidateAgainstSchema", "removePersonalInformation",
)  # fmt: skip

#: Elements removed from every part, wherever they are: the settings above, what pulls in
#: other content (alternate chunks, sub-documents) or runs code (ActiveX, OLE objects), and
#: the base every relative link would be resolved against (a file share, say).
DROPPED_ELEMENTS = frozenset(
    {f"{{{ns}}}{name}" for ns in W_NAMESPACES for name in (
        *DROPPED_SETTINGS, "altChunk", "subDoc", "control", "objectEmbed", "objectLink",
    )} | {
        "{urn:schemas-microsoft-com:office:office}OLEObject",
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}HyperlinkBase",
    }
)  # fmt: skip

#: Elements that mean nothing without the relationship they name.
NEEDS_RELATIONSHIP = frozenset(
    f"{{{ns}}}{name}" for ns in W_NAMESPACES for name in ("headerReference", "footerReference")
)


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
        raise LetterheadError(f"the letterhead could not be read as a Word document ({_shown(str(exc))})") from None
    with _cache_lock:
        _cache[digest] = letterhead
        while len(_cache) > 16:
            _cache.popitem(last=False)
    return letterhead


_cache: OrderedDict[str, Letterhead] = OrderedDict()
_cache_lock = threading.Lock()


def clean_letterhead(data: bytes) -> bytes:
    """The letterhead, checked and cleaned, as .docx bytes; ``LetterheadError`` if refused.

    The package is rebuilt from what the relationships reach, each part judged by its
    relationship type and content type (never by its name): known XML parts are parsed and
    cleaned, images re-encoded, what is never kept dropped, anything else refused. Nothing
    is copied through uncleaned; parts nothing points to are left behind."""
    parts = _read_package(data)
    _refuse_doctype(parts)
    package = _Package(parts)
    package.walk()
    return zip_bytes([("[Content_Types].xml", package.content_types_xml()), *package.cleaned()])


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
            or any(ord(ch) < 0x20 for ch in name)
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
        raise LetterheadError(f"the part {_shown(name)} is not well-formed XML ({_shown(str(exc))})") from None


def _serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Package:
    """The letterhead's parts as its relationships reach them, from ``_rels/.rels`` on."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts
        self.names = {name.lower(): name for name in parts}
        self.types = _ContentTypes(_parse(parts, "[Content_Types].xml"))
        self.kept: dict[str, tuple[str, str | None]] = {}  # part name → (content type, root element)
        self.rels: dict[str, list[tuple[str, str, str, bool]]] = {}  # source → (id, type, target, external)
        self.new_names: dict[str, str] = {}

    def walk(self) -> None:
        pending = [""]  # "" is the package itself
        while pending:
            source = pending.pop(0)
            for reltype, name in self._relationships(source):
                kind = self._judge(reltype, name, source)  # every use of a part is judged
                if name not in self.kept:
                    self.kept[name] = kind
                    if reltype != IMAGE:
                        pending.append(name)
        if not self._has_main():
            raise LetterheadError("the file is not a Word document: it has no main document part")
        self._name_parts()

    def _has_main(self) -> bool:
        return any(reltype == OFFICE_DOCUMENT for _, reltype, _, _ in self.rels.get("", []))

    def _relationships(self, source: str):
        """Keep ``source``'s wanted relationships (in ``self.rels``); yield the internal ones."""
        folder, file = posixpath.split(source)
        rels_name = self.names.get(posixpath.join(folder, "_rels", f"{file}.rels").lower())
        kept = self.rels.setdefault(source, [])
        if rels_name is None:
            return
        seen: set[str] = set()
        for rel in _parse(self.parts, rels_name).iter(f"{{{PR}}}Relationship"):
            rel_id, target = rel.get("Id", ""), rel.get("Target", "")
            reltype = _canonical_reltype(rel.get("Type", ""))
            if not rel_id or rel_id in seen:
                continue
            if (rel.get("TargetMode") or "").lower() == "external":
                if reltype == HYPERLINK and is_safe_link(target):
                    kept.append((rel_id, reltype, target, True))
                    seen.add(rel_id)
                continue
            name = None if reltype.lower() in DROPPED_RELATIONSHIPS else self._resolve(source, target)
            if name is None or (reltype == OFFICE_DOCUMENT and (source or self._has_main())):
                continue  # dropped, missing, outside the package, or a second main document
            if reltype not in KEPT_PARTS and reltype != IMAGE:
                raise LetterheadError(
                    f"the part {_shown(name)} ({_shown(self.types.of(name) or 'no content type')}) is not something "
                    "a letterhead may hold; remove it in Word, or copy the header and footer into a new Word document"
                )
            kept.append((rel_id, reltype, name, False))
            seen.add(rel_id)
            yield reltype, name

    def _resolve(self, source: str, target: str) -> str | None:
        """The part a relationship target names, or None: missing, outside the package, a URI."""
        if not target or ":" in target or "\\" in target:
            return None
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(source), target)
        path = posixpath.normpath(path)
        if path == ".." or path.startswith("../"):
            return None
        name = self.names.get(path.lower()) or self.names.get(unquote(path).lower())
        if name is None or name.lower().endswith(".rels") or name == "[Content_Types].xml":
            return None
        return name

    def _judge(self, reltype: str, name: str, source: str) -> tuple[str, str | None]:
        """The content type ``name`` is kept as and the root element it must have (None for
        an image), if it is what ``reltype`` says it is."""
        declared = self.types.of(name)
        if declared is None:
            raise LetterheadError(f"the part {_shown(name)} has no content type; save the letterhead again in Word")
        ctype = {"image/jpg": "image/jpeg"}.get(declared.lower(), declared.lower())
        if reltype == OFFICE_DOCUMENT:
            if "macroenabled" in ctype:
                raise LetterheadError(
                    "the letterhead is macro-enabled (.docm/.dotm); save it as a Word Document (.docx)"
                )
            if ctype == TEMPLATE_MAIN.lower():
                return KEPT_PARTS[OFFICE_DOCUMENT]  # a .dotx works as a .docx
            if ctype != DOCUMENT_MAIN.lower():
                raise LetterheadError(f"the file is not a Word document (its main part is {_shown(declared)})")
        if reltype == IMAGE:
            if ctype in IMAGE_TYPES:
                return ctype, None
            if ctype.startswith("image/"):
                raise LetterheadError(
                    f"the image {_shown(posixpath.basename(name))} is {_shown(declared)}, which cannot be checked; "
                    "insert the logo as PNG or JPEG"
                )
        elif ctype == KEPT_PARTS[reltype][0].lower():
            return KEPT_PARTS[reltype]
        raise LetterheadError(
            f"the part {_shown(name)} is declared as {_shown(declared)}, but {_shown(source or 'the package')} "
            f"uses it as its {reltype.rsplit('/', 1)[1]}; save the letterhead again in Word as a Word Document (.docx)"
        )

    def _name_parts(self) -> None:
        """Plain names for the kept parts: their own where it fits their kind, else a new one."""
        taken: set[str] = set()
        renamed = []
        for name, (ctype, root) in self.kept.items():
            extensions = ("xml",) if root else IMAGE_TYPES[ctype][1:]
            if _PLAIN_NAME.fullmatch(name) and name.rsplit(".", 1)[1] in extensions:
                self.new_names[name] = name
                taken.add(name.lower())
            else:
                renamed.append((name, extensions[0]))
        for name, extension in renamed:
            folder, file = posixpath.split(name)
            stem = re.sub(r"[^A-Za-z0-9_-]", "_", file.rsplit(".", 1)[0] if "." in file[1:] else file) or "part"
            folders = [re.sub(r"[^A-Za-z0-9_-]", "_", s) for s in folder.split("/") if s]
            folder = "/".join("rels" if s.lower() == "_rels" else s for s in folders)
            new, count = posixpath.join(folder, f"{stem}.{extension}"), 1
            while new.lower() in taken:
                count += 1
                new = posixpath.join(folder, f"{stem}{count}.{extension}")
            self.new_names[name] = new
            taken.add(new.lower())

    def content_types_xml(self) -> bytes:
        parts = ((PackURI(f"/{self.new_names[name]}"), ctype) for name, (ctype, _) in self.kept.items())
        return content_types_xml(tuple(parts))

    def cleaned(self):
        """(name, bytes) of every part written: the package's relationships, then each kept
        part, cleaned, with its relationships."""
        yield "_rels/.rels", self._rels_xml("")
        for name, (ctype, root_tag) in self.kept.items():
            new = self.new_names[name]
            if root_tag is None:
                yield new, _reencode_image(name, self.parts[name], IMAGE_TYPES[ctype][0])
                continue
            root = _parse(self.parts, name)
            if root.tag != root_tag:
                raise LetterheadError(
                    f"the part {_shown(name)} is not what its type says (its root is {_shown(root.tag)}); "
                    "save the letterhead again in Word as a Word Document (.docx)"
                )
            kept_ids = {rel_id for rel_id, *_ in self.rels.get(name, [])}
            yield new, _clean_xml(root, kept_ids)
            if self.rels.get(name):
                folder, file = posixpath.split(new)
                yield posixpath.join(folder, "_rels", f"{file}.rels"), self._rels_xml(name)

    def _rels_xml(self, source: str) -> bytes:
        base = posixpath.dirname(self.new_names.get(source, ""))
        rels = []
        for rel_id, reltype, target, external in self.rels.get(source, []):
            if not external:
                target = posixpath.relpath(self.new_names[target], base or ".")
            rels.append((rel_id, reltype, target, external))
        return relationships_xml(tuple(rels))


_PLAIN_NAME = re.compile(r"(?!(?i:_rels)/)(?:[A-Za-z0-9_-]+/(?!(?i:_rels)/))*[A-Za-z0-9_-]+\.[a-z]+")
_RELTYPES = {reltype.lower(): reltype for reltype in (*KEPT_PARTS, IMAGE, HYPERLINK)}


def _canonical_reltype(reltype: str) -> str:
    return _RELTYPES.get(reltype.lower(), reltype)


def _shown(text: str) -> str:
    """A name or type from the file, fit for a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


class _ContentTypes:
    """[Content_Types].xml: part names and extensions compared case-insensitively, as OPC says."""

    def __init__(self, root) -> None:
        self.overrides: dict[str, str] = {}
        self.defaults: dict[str, str] = {}
        for override in root.iter(f"{{{CT_NS}}}Override"):
            self.overrides.setdefault(override.get("PartName", "").lstrip("/").lower(), override.get("ContentType", ""))
        for default in root.iter(f"{{{CT_NS}}}Default"):
            self.defaults.setdefault(default.get("Extension", "").lower(), default.get("ContentType", ""))

    def of(self, name: str) -> str | None:
        override = self.overrides.get(name.lower())
        if override is not None:
            return override
        file = posixpath.basename(name)
        return self.defaults.get(file.rsplit(".", 1)[1].lower()) if "." in file else None


# -- XML parts ----------------------------------------------------------------------------


def _clean_xml(root, kept_ids: set[str]) -> bytes:
    """Every XML part goes through here: references to relationships not kept cut, the
    dropped elements and settings removed, every field but the safe ones unwrapped, links
    in attributes (VML ``href``) kept only when safe, image sources (VML ``src``) removed."""
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in DROPPED_ELEMENTS:
            doomed.append(el)
            continue
        for attr, value in list(el.attrib.items()):
            namespace, _, local = attr[1:].partition("}") if attr.startswith("{") else ("", "", attr)
            if namespace in R_NAMESPACES and value not in kept_ids:
                if el.tag in NEEDS_RELATIONSHIP:
                    doomed.append(el)
                del el.attrib[attr]
            elif local == "src" or (local == "href" and not is_safe_link(value)):
                del el.attrib[attr]  # VML's own links: images come from relationships only
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    _strip_fields(root)
    return _serialize(root)


def _field_keyword(instruction: str) -> str:
    words = instruction.strip().split()
    return words[0].upper() if words else ""


def _w_local(el) -> str:
    """The local name of a WordprocessingML element, else ""."""
    tag = el.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    namespace, _, local = tag[1:].partition("}")
    return local if namespace in W_NAMESPACES else ""


def _strip_fields(root) -> None:
    """Unwrap every field that is not in ``SAFE_FIELDS``: its shown result stays as text.

    A complex field is kept only when it is whole (begin, instructions, end) and holds no
    other field in its instructions; instructions are joined across runs before they are
    judged, case-insensitively. Anything left of a broken field goes."""
    elements = [el for el in root.iter() if _w_local(el) in ("fldSimple", "fldChar", "instrText", "delInstrText")]
    doomed: list = []
    stack: list[dict] = []
    for el in elements:
        local = _w_local(el)
        if local == "fldSimple":
            instruction = next((v for k, v in el.attrib.items() if k.endswith("}instr")), "")
            if _field_keyword(instruction) not in SAFE_FIELDS:
                parent = el.getparent()
                index = parent.index(el)
                for child in list(el):
                    parent.insert(index, child)
                    index += 1
                parent.remove(el)
        elif local == "fldChar":
            kind = next((v for k, v in el.attrib.items() if k.endswith("}fldCharType")), "").lower()
            if kind == "begin":
                if stack and not stack[-1]["separated"]:
                    stack[-1]["nested"] = True
                stack.append({"instr": [], "elements": [el], "separated": False, "nested": False})
            elif stack and kind in ("separate", "end"):
                frame = stack[-1]
                frame["elements"].append(el)
                frame["separated"] = True
                if kind == "end":
                    stack.pop()
                    if frame["nested"] or _field_keyword("".join(frame["instr"])) not in SAFE_FIELDS:
                        doomed += frame["elements"]
            else:
                doomed.append(el)  # outside any field, or of no known kind
        elif stack and not stack[-1]["separated"]:
            stack[-1]["instr"].append(el.text or "")
            stack[-1]["elements"].append(el)
        else:
            doomed.append(el)  # instruction text outside a field's instructions
    for frame in stack:  # unterminated fields
        doomed += frame["elements"]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


# -- images -------------------------------------------------------------------------------

_DECODERS = sorted({fmt for fmt, *_ in IMAGE_TYPES.values()})


def _reencode_image(name: str, blob: bytes, fmt: str) -> bytes:
    """The image decoded (as one of the formats we keep, nothing else Pillow knows) and
    written afresh as ``fmt``."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(blob), formats=_DECODERS) as image:
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
