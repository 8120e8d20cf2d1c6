"""Issue 14 on the compose page: an edit is analysed once (preview, check panel, title and the store's
summary share one rendering of the saved state), the title comes from the data, and every download is
made when it is clicked, with the command line's bytes, once for the same content."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from pressdraft.app import downloads
from pressdraft.app import service as service_module
from pressdraft.app.downloads import FileCache
from pressdraft.app.service import AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.cli.commands import main
from pressdraft.document import docx as word
from pressdraft.pipeline.engine import Engine
from pressdraft.ui.text import literal

APP = Path(__file__).resolve().parents[2] / "app.py"
STEM = "2021-10-23_turkiye-azerbaycan-ortak-medya-platformu-ilk-toplantisini"
RENDERED_TITLE = "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı"


@pytest.fixture
def calls(monkeypatch) -> dict[str, int]:
    """How often the real engine is asked to examine, check and render a draft."""
    counted = dict.fromkeys(("examine", "check", "render"), 0)
    for name in counted:
        real = getattr(Engine, name)

        def counting(self, *args, real=real, name=name, **kwargs):
            counted[name] += 1
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Engine, name, counting)
    return counted


def stored_title(app: AppTest) -> str:
    service = AppService.open(load_settings(), template_runner())
    try:
        return service.store.get_draft(app.query_params["draft"]).title
    finally:
        service.store.close()


def test_an_edit_is_analysed_once_and_a_rerun_without_a_change_not_at_all(app, calls):
    calls.update(dict.fromkeys(calls, 0))
    app.text_input(key="w-fields-theme-en").input("Rooted Past, Stronger Future").run()
    assert not app.exception
    assert "Rooted Past, Stronger Future" in "".join(h.value for h in app.get("html"))  # the preview shows it
    assert calls == {"examine": 1, "check": 0, "render": 0}  # the save's analysis is the rerun's
    app.run()
    assert calls == {"examine": 1, "check": 0, "render": 0}


def test_the_title_is_the_headline_written_in_the_source_language_else_the_rendered_one(app, calls):
    assert stored_title(app) == RENDERED_TITLE  # no headline written: the template's, from one rendering
    app.text_input(key="w-fields-headline-en").input("Our own headline").run()  # not the source language
    assert stored_title(app) == RENDERED_TITLE
    calls.update(dict.fromkeys(calls, 0))
    app.text_input(key="w-fields-headline-tr").input("Kendi başlığımız").run()
    assert not app.exception
    assert app.subheader[0].value == literal("Kendi başlığımız")
    assert stored_title(app) == "Kendi başlığımız"
    assert calls == {"examine": 1, "check": 0, "render": 0}
    app.text_input(key="w-fields-headline-tr").input("").run()
    assert stored_title(app) == RENDERED_TITLE and app.subheader[0].value == literal(RENDERED_TITLE)


def cli_files(folder: Path, *options: str) -> dict[str, bytes]:
    assert main(["render", str(service_module.EXAMPLE), "-o", str(folder), *options]) == 0
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_a_click_makes_the_command_lines_bytes_once_for_every_session(data_dir, monkeypatch, tmp_path):
    deferred: dict[str, tuple[MediaFileManager, str]] = {}  # each button's file name -> its placeholder
    real_add = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = real_add(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        deferred[file_name] = (self, file_id)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    monkeypatch.setattr(downloads, "FILES", FileCache())  # none kept by the tests before
    made = []
    real_write = word.write_docx  # the Word writer the edition imports when a file is first made
    monkeypatch.setattr(word, "write_docx", lambda *args: made.append(args) or real_write(*args))

    def click(name: str) -> bytes:
        """The browser's click on the button for ``name``, two script runs ending elsewhere, then its GET."""
        manager, file_id = deferred[name]
        url = manager.execute_deferred(file_id)
        manager.remove_orphaned_files()
        manager.remove_orphaned_files()
        return manager.read_file(url.rsplit("/", 1)[-1]).content  # kept for the session that clicked

    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    assert made == []
    expected = cli_files(tmp_path / "files", "--format", "docx,md,txt", "--side-by-side")
    expected |= cli_files(tmp_path / "zip", "--format", "docx,md,txt", "--side-by-side", "--zip")
    assert f"{STEM}_tr-az-en.docx" in expected and f"{STEM}.zip" in expected
    made.clear()
    for name, data in expected.items():
        assert click(name) == data, name
    assert len(made) == 3  # each language's Word file once: the ZIP took the ones made before it
    made.clear()
    other = AppTest.from_file(str(APP), default_timeout=60)  # another session on the same release
    other.query_params["draft"] = app.query_params["draft"]
    deferred.clear()
    other.run()
    assert {name: click(name) for name in expected} == expected
    assert made == []
