"""The archive (app layer): result lines in the reader's language, the matched words marked and
escaped, every role may search, bad dates refused in one line."""

from __future__ import annotations

import pytest

from pressdraft.app.archive import mark, release_date
from pressdraft.app.auth import Account
from pressdraft.core.problems import PressdraftError


def release(headline: dict, body: str) -> dict:
    return {
        "format": 2,
        "template": "joint-meeting",
        "languages": ["tr", "az"],
        "source_language": "tr",
        "release": {"date": "2025-04-16", "city": "baku", "issuer": "tr-communications", "number": "2025/3"},
        "fields": {"headline": headline, "theme": {"tr": body}},
    }


@pytest.fixture
def kept(service) -> str:
    data = release({"tr": "Bakan Bakü'de", "az": "Nazir Bakıda"}, "Giriş. Hacıyev'in <b>açıklaması</b> geldi. Son.")
    return service.store.create_draft(data, owner="deniz@example.org").id


@pytest.mark.parametrize("role", ["drafter", "editor", "admin"])
def test_every_role_finds_a_release_by_a_name_typed_without_diacritics(service, kept, role):
    reader = service.for_user(Account(f"{role}@example.org", role))
    sample = service.draft_summaries()[-1].id  # names Hikmet Hacıyev by his directory key
    assert {h.id for h in reader.archive.search("haciyev", lang="az")} == {kept, sample}
    [hit] = reader.archive.search("haciyev", lang="az", owner="deniz@example.org")
    assert (hit.id, hit.headline, hit.date, hit.number, hit.status) == (
        kept,
        "Nazir Bakıda",
        "2025-04-16",
        "2025/3",
        "draft",
    )
    assert hit.marked == "<mark>Hacıyev&#x27;in</mark> &lt;b&gt;açıklaması&lt;/b&gt; geldi."


def test_the_headline_falls_back_to_the_language_written_first(service, kept):
    [hit] = service.archive.search("hacıyev açıkla", lang="en")
    assert hit.headline == "Bakan Bakü'de"
    assert hit.marked == "<mark>Hacıyev&#x27;in</mark> &lt;b&gt;<mark>açıklaması</mark>&lt;/b&gt; geldi."


def test_a_search_by_filters_alone_marks_nothing(service, kept):
    hits = service.archive.search("", lang="tr", number="2025/3")
    assert [(h.id, h.marked) for h in hits] == [(kept, "")]


def test_mark_leaves_a_sentence_without_the_word_unmarked():
    assert mark("Bakan konuştu.", ["haciyev"]) is None
    assert mark("İSTANBUL & Ankara", ["istanbul"]) == "<mark>İSTANBUL</mark> &amp; Ankara"


def test_a_bad_date_is_refused_in_one_line_naming_the_field():
    with pytest.raises(PressdraftError) as refused:
        release_date("16.04.2025", "--from")
    assert str(refused.value) == "--from: '16.04.2025' is not a date; write it as YYYY-MM-DD, e.g. 2025-04-16."
    assert release_date("2025-04-16", "--from").isoformat() == "2025-04-16"
    assert release_date("", "--to") is None
