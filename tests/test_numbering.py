"""Release numbers in the app: ``auto`` becomes the issuer's next number of the year, once, recorded
in the draft (which the form goes on editing) and the audit log; refusals are problems at the field.

The series themselves (unique and without gaps under concurrent requests, on SQLite and
PostgreSQL, restarting each year) are tested in ``tests/store/test_store_numbers.py``.
"""

from __future__ import annotations

import pytest

from pressdraft.app.auth import Account
from pressdraft.app.service import EXAMPLE, AppService
from pressdraft.core.files import read_data
from pressdraft.core.problems import PressdraftError
from pressdraft.ui.i18n import problem_text

EDITOR = Account("emre@example.org", "editor")


def release(service: AppService, number: str | None = "auto", date: str = "2026-12-09") -> str:
    """The sample release in format 2, dated ``date``, asking for ``number``."""
    data = read_data(EXAMPLE.read_text("utf-8"), "yaml")
    data["format"], data["release"]["date"] = 2, date
    data["release"]["number"] = number
    return service.store.create_draft(data, owner="ayse@example.org", title="sample").id


def test_auto_gets_the_issuers_next_number_once_and_the_draft_stays_valid(service):
    first, second = release(service), release(service)
    editor = service.for_user(EDITOR)

    assert editor.assign_release_number(first) == "2026/1"
    assert editor.assign_release_number(second) == "2026/2"
    assert service.assign_release_number(first) == "2026/1"  # idempotent, whoever asks

    stored = service.store.get_draft(first)
    assert service.engine.draft_from_data(stored.data).release.number == "2026/1"
    [entry] = service.store.audit_entries(1, object_type="draft", object_id=first)
    assert (entry.user, entry.action, entry.after["printed"]) == ("emre@example.org", "release.number", "2026/1")


def test_the_form_open_on_the_draft_goes_on_saving_after_the_number_is_given(service):
    draft_id = release(service)
    form = service.editor(draft_id)
    form.value("fields.theme.en")

    service.assign_release_number(draft_id)
    form.set("fields.theme.en", "Rooted Past, Strong Future Together")

    data = service.store.get_draft(draft_id).data
    assert data["release"]["number"] == "2026/1"
    assert data["fields"]["theme"]["en"] == "Rooted Past, Strong Future Together"


def test_the_issuers_format_prints_the_number(service):
    service.set_release_number_format("tr-communications", "{number:3}")
    assert service.release_number_format("tr-communications") == "{number:3}"
    assert service.assign_release_number(release(service)) == "001"


@pytest.mark.parametrize("number", ["241", None])
def test_a_release_that_does_not_ask_for_a_number_is_refused_at_its_field(service, number):
    draft_id = release(service, number)
    with pytest.raises(PressdraftError) as refused:
        service.assign_release_number(draft_id)
    [problem] = refused.value.problems
    assert problem.at.where() == "release.number"
    assert "write auto" in problem_text("en", problem)
    assert service.store.release_number_register("tr-communications", 2026) == []


def test_an_invalid_release_is_refused_with_its_problems_and_takes_no_number(service):
    draft_id = release(service)
    stored = service.store.get_draft(draft_id)
    data = {**stored.data, "release": {**stored.data["release"], "issuer": "Not A Key"}}
    service.store.save_draft(draft_id, data, expected_revision=stored.revision)

    with pytest.raises(PressdraftError) as refused:
        service.assign_release_number(draft_id)

    assert any(problem.at.where() == "release.issuer" for problem in refused.value.problems)
    assert service.store.next_release_number("tr-communications", 2026) == 1


def test_a_format_is_set_for_an_organization_of_the_directory(service):
    with pytest.raises(PressdraftError) as refused:
        service.set_release_number_format("tr-communication", "{number}")
    [problem] = refused.value.problems
    assert str(problem) == (
        "release_number_format.tr-communication: unknown organization 'tr-communication'; "
        "did you mean 'tr-communications'?"
    )
    assert service.store.settings() == {}


@pytest.mark.parametrize("number_format", ["{year}", "No {number}", "{number}/"])
@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_a_format_that_cannot_print_a_number_is_refused_in_the_users_language(service, number_format, lang):
    with pytest.raises(PressdraftError) as refused:
        service.set_release_number_format("tr-communications", number_format)
    [problem] = refused.value.problems
    text = problem_text(lang, problem)
    assert problem.at.where() == "release_number_format.tr-communications"
    assert number_format in text and "{number}" in text and "{{" not in text and "\n" not in text
    assert service.release_number_format("tr-communications") == "{year}/{number}"
