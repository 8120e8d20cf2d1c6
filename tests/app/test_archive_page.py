"""The archive page through AppTest: a word typed without its letters finds the sample release,
linked to the draft, the matched word highlighted; a filter alone lists; nothing found is said."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from pressdraft.ui.text import literal

HEADLINE = "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı"


def archive_page() -> None:
    from pressdraft.ui import archive_page

    archive_page.page()


def test_a_word_typed_without_its_letters_finds_the_release_linked_and_highlighted(data_dir):
    at = AppTest.from_function(archive_page, default_timeout=60)
    at.run()
    assert [c.value for c in at.caption] == ["Type a word or choose a filter."]

    at.text_input(key="archive-query").input("ISTANBUL").run()
    assert not at.exception
    [link] = [m.value for m in at.markdown if m.value.startswith("**[")]
    assert link.startswith(f"**[{literal(HEADLINE)}](compose?draft=") and link.endswith(")**")
    assert any("<mark>İstanbul&#x27;da</mark>" in m.value for m in at.markdown), [m.value for m in at.markdown]

    at.text_input(key="archive-query").input("").run()
    at.selectbox(key="archive-status").select("approved").run()
    assert [c.value for c in at.caption] == ["Nothing found."]
