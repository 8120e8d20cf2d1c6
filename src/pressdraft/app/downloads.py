"""The files of a release, made when they are clicked and kept by what they hold.

A download is made only when someone clicks it, never for a state nobody downloads (a form edit
makes no file). What it made is kept in one small process-wide cache, keyed by a hash of
everything its bytes depend on: the file's name (its kind and language), the template and its
version, the draft as written, each language's Markdown and issuer, the letterhead and the
pictures. So a second click, or another session with the same release, costs nothing, and a
change anywhere in the release is a new key, never a stale file. The cache is bounded in files
and bytes, the least recently used dropped first.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from pressdraft.document.export import Edition, bounded

if TYPE_CHECKING:
    from pressdraft.document.docx import Letterhead

#: Room for the downloads of a few releases at once (Word files are tens of kilobytes, a ZIP with
#: photos a few megabytes).
MAX_FILES = 128
MAX_BYTES = 64 * 1024 * 1024

Make = Callable[[], bytes]


class FileCache:
    """Bytes by key, at most ``max_files`` of them and ``max_bytes`` in all; safe from any thread."""

    def __init__(self, max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES):
        self.max_files, self.max_bytes = max_files, max_bytes
        self._files: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            data = self._files.get(key)
            if data is not None:
                self._files.move_to_end(key)
            return data

    def put(self, key: str, data: bytes) -> None:
        if len(data) > self.max_bytes:
            return
        with self._lock:
            self._size -= len(self._files.pop(key, b""))
            self._files[key] = data
            self._size += len(data)
            while len(self._files) > self.max_files or self._size > self.max_bytes:
                self._size -= len(self._files.popitem(last=False)[1])


FILES = FileCache()


def release_digest(edition: Edition, draft_text: str, letterhead: Letterhead | None) -> str:
    """A hash of everything an edition's files are made from (``draft_text``: the draft as the ZIP holds it)."""
    rendition = edition.rendition
    digest = hashlib.sha256()
    parts = {
        "template": [rendition.template.id, rendition.template.number],
        "draft": draft_text,
        "markdown": rendition.markdown,
        "issuers": rendition.issuers,
        "letterhead": hashlib.sha256(letterhead.data).hexdigest() if letterhead is not None else None,
        "pictures": {ref: hashlib.sha256(data).hexdigest() for ref, data in sorted(edition.images.items())},
    }
    digest.update(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def kept(name: str, release: Callable[[], str], make: Make, *, heavy: bool = False) -> Make:
    """``make``, run at most once for a release's file ``name`` (``release``: its digest, asked for only
    when the file is wanted) while ``FILES`` keeps it. A file not kept is made, when ``heavy``, in one
    of the server's few heavy-build turns (``document.export.bounded``); a kept one needs no turn."""

    def run() -> bytes:
        key = f"{release()}:{name}"
        data = FILES.get(key)
        if data is None:
            data = (bounded(make) if heavy else make)()
            FILES.put(key, data)
        return data

    return run
