"""A download button whose file is made when it is clicked, and is still there when the browser comes for it.

Streamlit (1.67) makes a deferred download (``st.download_button(data=callable)``) in
``MediaFileManager.execute_deferred``: it runs the callable, stores the bytes and answers the browser
with their URL, but maps the stored file to no session. Every script run that ends, in any session,
calls ``remove_orphaned_files``, which marks a downloadable file that no session maps on its first pass
and deletes it on the second. So on a busy server, when two runs end elsewhere between the click and the
browser's GET of that URL, the browser gets HTTP 404 (the load test saw it).

The cause is the missing mapping, so that is what is added: once our callable has made the bytes, it
maps the same bytes, MIME type and file name to the session that clicked (its id taken while the button
was drawn) under a coordinate of our own, one per button. The in-memory storage names a file by a hash
of exactly those three (``memory_media_file_storage._calculate_file_id``), so this is the very file
``execute_deferred`` stores and returns next. It stays mapped, as a file given to ``st.download_button``
directly does, until that session's next full run clears its references (``clear_session_refs``; a
fragment's run does not), and is then released as Streamlit releases every file. A button clicked again
maps its new file in place of the old one.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit import runtime
from streamlit.runtime.media_file_manager import MediaFileManager, MediaFileMetadata
from streamlit.runtime.media_file_storage import MediaFileKind
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


def download_button(
    label: str, make: Callable[[], bytes], *, file_name: str, mime: str, key: str, help: str | None = None
) -> None:
    """``st.download_button`` for ``make``'s bytes, made on click (a rerun makes nothing) and kept for
    this session until its next full run."""
    ctx = get_script_run_ctx(suppress_warning=True)
    data = make
    if ctx is not None and runtime.exists():
        data = kept_for_session(runtime.get_instance().media_file_mgr, ctx.session_id, key, make, mime, file_name)
    st.download_button(label, data=data, file_name=file_name, mime=mime, key=key, help=help, on_click="ignore")


def kept_for_session(
    manager: MediaFileManager, session_id: str, key: str, make: Callable[[], bytes], mime: str, file_name: str
) -> Callable[[], bytes]:
    """``make``, whose bytes are mapped to ``session_id`` once made (see the module's docstring)."""

    def made() -> bytes:
        data = make()
        keep(manager, session_id, f"pressdraft-download:{key}", data, mime, file_name)
        return data

    return made


def keep(manager: MediaFileManager, session_id: str, coordinates: str, data: bytes, mime: str, file_name: str) -> None:
    """Store ``data`` as a download and map it to ``session_id`` at ``coordinates``: what
    ``MediaFileManager.add`` does for the session of the thread it runs in, for a session named here
    (a deferred download is made in a worker thread, which has none). A session that has ended since
    the click (its references are gone) gets nothing mapped, so that nothing is kept for nobody."""
    with manager._lock:
        files = manager._files_by_session_and_coord
        if session_id not in files:
            return
        file_id = manager._storage.load_and_get_id(data, mime, MediaFileKind.DOWNLOADABLE, file_name)
        manager._file_metadata[file_id] = MediaFileMetadata(kind=MediaFileKind.DOWNLOADABLE)
        files[session_id][coordinates] = file_id
