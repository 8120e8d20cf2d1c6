"""The HTTP 404 the load test saw for a download made on click, at its cause, with Streamlit's own
``MediaFileManager`` and in-memory storage: ``execute_deferred`` stores the file it made mapped to no
session, and two ``remove_orphaned_files`` passes (two script runs ending in other sessions) delete it
before the browser fetches it; ``ui/downloads.py`` maps it to the session that clicked."""

from __future__ import annotations

import pytest
from streamlit.runtime import media_file_manager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from pressdraft.ui.downloads import kept_for_session

SESSION = "session-that-clicked"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NAME = "2021-10-23_release_tr.docx"


@pytest.fixture
def manager(monkeypatch) -> MediaFileManager:
    """Streamlit's manager, drawing buttons for ``SESSION`` (as its script thread would)."""
    monkeypatch.setattr(media_file_manager, "_get_session_id", lambda: SESSION)
    return MediaFileManager(MemoryMediaFileStorage("/media"))


def clicked(manager: MediaFileManager, data_callable) -> str:
    """A deferred download button drawn in ``SESSION``, then clicked: the URL the browser is sent to."""
    file_id = manager.add_deferred(data_callable, DOCX, "1.(2.3).4", NAME, element_id="dl-tr")
    return manager.execute_deferred(file_id).rsplit("/", 1)[-1]


def other_sessions_finish_two_runs(manager: MediaFileManager) -> None:
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()


def test_without_the_fix_two_runs_ending_elsewhere_lose_a_file_made_on_click(manager):
    url = clicked(manager, lambda: b"the release")
    assert manager.read_file(url).content == b"the release"  # made and stored, mapped to no session
    other_sessions_finish_two_runs(manager)
    assert manager.read_file(url) is None  # the browser's GET: 404


def test_a_file_made_on_click_is_kept_for_the_session_that_clicked_until_its_next_full_run(manager):
    url = clicked(manager, kept_for_session(manager, SESSION, "dl-tr", lambda: b"the release", DOCX, NAME))
    other_sessions_finish_two_runs(manager)
    assert manager.read_file(url).content == b"the release"  # the very file execute_deferred stored
    manager.clear_session_refs(SESSION)  # that session's next full run starts
    other_sessions_finish_two_runs(manager)
    assert manager.read_file(url) is None  # released as Streamlit releases every file


def test_a_button_clicked_again_keeps_only_its_newest_file(manager):
    first = clicked(manager, kept_for_session(manager, SESSION, "dl-tr", lambda: b"before", DOCX, NAME))
    second = clicked(manager, kept_for_session(manager, SESSION, "dl-tr", lambda: b"after", DOCX, NAME))
    other_sessions_finish_two_runs(manager)
    assert manager.read_file(first) is None and manager.read_file(second).content == b"after"


def test_nothing_is_kept_for_a_session_that_ended_before_its_file_was_made(manager):
    def made_while_the_session_ends() -> bytes:
        manager.clear_session_refs(SESSION)
        return b"the release"

    url = clicked(manager, kept_for_session(manager, SESSION, "dl-tr", made_while_the_session_ends, DOCX, NAME))
    other_sessions_finish_two_runs(manager)
    assert manager.read_file(url) is None
