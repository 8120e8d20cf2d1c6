"""The sandbox worker renders like the engine does, serves many threads, and survives its templates."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from pressdraft.core.directory import default_directory
from pressdraft.core.library import Template
from pressdraft.core.model import Draft, draft_to_data
from pressdraft.core.problems import PressdraftError
from pressdraft.pipeline import pool as pool_module
from pressdraft.pipeline import worker
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.pool import SandboxPool, check_untrusted, render_documents

pytestmark = pytest.mark.usefixtures("no_workers_left")

EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "v1" / "joint-media-platform.yaml"
NESTED_LOOPS = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"


@pytest.fixture(scope="module")
def example(engine: Engine) -> tuple[Template, Draft, dict[str, Any]]:
    """The shipped example as an organization's template (so not trusted) and its draft as data."""
    draft = engine.load_draft(EXAMPLE)
    shipped = engine.library.get(draft.template)
    template = Template(shipped.id, shipped.files, origin="organization", number=1)
    return template, draft, draft_to_data(draft, [f.name for f in template.meta.fields])


ATTACK_SECONDS = 20.0


def busy() -> float:
    """How much wall-clock caps stretch on a machine loaded by other work (CI): 1 when idle, at most 4."""
    return min(max(os.getloadavg()[0] / (os.cpu_count() or 1), 1.0), 4.0)


def with_source(template: Template, lang: str, source: str) -> Template:
    return Template(template.id, {**template.files, f"{lang}.md.j2": source}, origin="organization")


def test_it_renders_the_shipped_example_byte_for_byte_as_in_process(engine, example, directory_data):
    template, draft, data = example
    markdown, _ = render_documents(template, data, directory_data, draft.languages, allow_incomplete=False)
    expected = engine.render(draft).markdown
    assert list(markdown) == list(expected) == ["tr", "az", "en"]
    assert {lang: text.encode() for lang, text in markdown.items()} == {
        lang: text.encode() for lang, text in expected.items()
    }


def test_a_draft_read_from_yaml_with_dates_can_be_sent_as_it_is(engine, example, example_data, directory_data):
    template, draft, _ = example
    markdown, _ = render_documents(template, example_data, directory_data, ["en"], allow_incomplete=False)
    assert markdown == {"en": engine.render(draft, ["en"]).markdown["en"]}


def test_a_normal_render_costs_milliseconds_once_the_worker_is_warm(example, directory_data):
    template, draft, data = example
    render_documents(template, data, directory_data, draft.languages, allow_incomplete=False)
    started = time.perf_counter()
    for _ in range(5):
        render_documents(template, data, directory_data, draft.languages, allow_incomplete=False)
    assert (time.perf_counter() - started) / 5 < 0.25 * busy()


def test_the_drafts_problems_come_back_as_the_engine_reports_them(engine, example, directory_data):
    template, draft, data = example
    broken = {**data, "release": {**data["release"], "date": "tomorrow"}, "fields": {**data["fields"], "mood": 1}}
    with pytest.raises(PressdraftError) as in_process:
        engine.render(engine.draft_from_data(broken))
    with pytest.raises(PressdraftError) as in_worker:
        render_documents(template, broken, directory_data, [], allow_incomplete=False)
    assert in_worker.value.problems == in_process.value.problems


def test_gaps_are_refused_unless_incomplete_drafts_are_allowed(engine, example, directory_data):
    template, draft, data = example
    gappy = {**data, "fields": {**data["fields"], "theme": {"tr": "Köklü Geçmiş"}}}
    with pytest.raises(PressdraftError) as in_process:
        engine.render(engine.draft_from_data(gappy))
    with pytest.raises(PressdraftError) as in_worker:
        render_documents(template, gappy, directory_data, [], allow_incomplete=False)
    assert in_worker.value.problems == in_process.value.problems
    rendered, _ = render_documents(template, gappy, directory_data, [], allow_incomplete=True)
    assert rendered == engine.render(engine.draft_from_data(gappy), allow_incomplete=True).markdown


def test_checks_in_the_worker_are_the_checks_in_process(example, directory_data):
    template, _, _ = example
    assert check_untrusted(template, directory_data) == IN_PROCESS.check(template, default_directory()) == []
    broken = with_source(template, "az", template.sources["az"] + "{{ undeclared }}")
    problems = check_untrusted(broken, directory_data)
    assert problems == IN_PROCESS.check(broken, default_directory())
    assert any("undeclared" in str(p) for p in problems)


def test_a_check_that_runs_too_long_names_the_file(example, directory_data):
    template, _, _ = example
    hostile = with_source(template, "en", template.sources["en"] + NESTED_LOOPS)
    started = time.perf_counter()
    problems = check_untrusted(hostile, directory_data)
    assert time.perf_counter() - started < 4 * busy()
    assert [str(p) for p in problems] == ["joint-meeting/en.md.j2: the template took longer than 2 s and was stopped"]


def test_many_threads_render_at_once_and_each_gets_its_own_result(engine, example, directory_data):
    template, draft, data = example
    expected = engine.render(draft).markdown
    results: dict[int, Any] = {}

    def render(number: int) -> None:
        langs = [["tr"], ["az"], ["en"], ["tr", "az", "en"]][number % 4]
        try:
            results[number] = (
                langs,
                render_documents(template, data, directory_data, langs, allow_incomplete=False)[0],
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[number] = (langs, error)

    threads = [threading.Thread(target=render, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 12
    for langs, markdown in results.values():
        assert markdown == {lang: expected[lang] for lang in langs}
    assert pool_module.default_pool().processes <= pool_module.MAX_WORKERS


def test_a_hostile_template_does_not_hold_up_other_users(example, directory_data):
    """Other users' renders are all done while the hostile one still runs: none waited for its worker.
    An order, not a wall-clock bound (which a busy CI machine broke): the attack is given a cap long
    enough for five ordinary renders on any machine, and is stopped by it."""
    template, draft, data = example
    hostile = with_source(template, "tr", NESTED_LOOPS)
    render_documents(template, data, directory_data, ["en"], allow_incomplete=False)  # warm
    failure: list[BaseException] = []

    def attack() -> None:
        try:
            render_documents(hostile, data, directory_data, ["tr"], allow_incomplete=False, timeout=ATTACK_SECONDS)
        except PressdraftError as error:
            failure.append(error)

    attacker = threading.Thread(target=attack)
    attacker.start()
    time.sleep(0.2)
    for _ in range(5):
        render_documents(template, data, directory_data, draft.languages, allow_incomplete=False)
    assert attacker.is_alive() and not failure
    attacker.join()
    assert f"took longer than {ATTACK_SECONDS:g} s" in str(failure[0])


def test_a_killed_worker_is_replaced_and_its_next_request_succeeds(example, directory_data):
    template, draft, data = example
    pool = SandboxPool(warm=1, max_workers=1)
    try:
        request = {"draft": data, "directory": directory_data, "languages": ["en"], "allow_incomplete": False}
        first, problems = pool.run(template, "documents", request, 2.0)
        assert problems == [] and first[0]["en"]
        (pid,) = pool.idle_pids()
        os.kill(pid, signal.SIGKILL)
        second, problems = pool.run(template, "documents", request, 2.0)
        assert problems == [] and second == first
        assert pool.idle_pids() != [pid]
    finally:
        pool.close()
    assert pool.processes == 0


def test_a_worker_stopped_for_its_time_is_replaced(example, directory_data):
    template, draft, data = example
    pool = SandboxPool(warm=1, max_workers=1)
    try:
        request = {"draft": data, "directory": directory_data, "languages": ["tr"], "allow_incomplete": False}
        pool.run(template, "documents", request, 2.0)
        (pid,) = pool.idle_pids()
        value, problems = pool.run(with_source(template, "tr", NESTED_LOOPS), "documents", request, 0.5)
        assert value is None
        assert [str(p) for p in problems] == [
            "joint-meeting/tr.md.j2: the template took longer than 0.5 s and was stopped"
        ]
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # killed, and reaped
        value, problems = pool.run(template, "documents", request, 2.0)
        assert problems == [] and value[0]["tr"].startswith("{.release}")
    finally:
        pool.close()


def test_memory_is_limited_in_the_worker(example, directory_data):
    template, draft, data = example
    doubling = (
        "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
        "{{ ns.s|length }}"
    )
    started = time.perf_counter()
    with pytest.raises(PressdraftError) as error:
        render_documents(with_source(template, "az", doubling), data, directory_data, [], allow_incomplete=False)
    assert time.perf_counter() - started < 4 * busy()
    assert str(error.value) == "joint-meeting/az.md.j2: the template used more than 512 MB of memory and was stopped"


def test_a_closed_pool_refuses_work_and_leaves_no_process(example, directory_data):
    template, _, data = example
    pool = SandboxPool(warm=2)
    pool.close()
    assert pool.processes == 0
    with pytest.raises(PressdraftError, match="shut down"):
        pool.run(template, "documents", {"draft": data, "directory": directory_data}, 2.0)


def test_a_worker_renders_in_process_and_starts_no_pool(engine, example, directory_data, monkeypatch):
    """Inside a worker the engine is given the in-process runner: a worker starting workers would be a fork bomb."""
    template, draft, data = example

    def no_pool() -> None:
        raise AssertionError("a worker asked for the sandbox pool")

    monkeypatch.setattr(pool_module, "default_pool", no_pool)
    request = {"draft": data, "directory": directory_data, "languages": ["tr"], "allow_incomplete": False}
    rendered = worker._render(template, request)
    assert rendered["markdown"]["tr"] == engine.render(draft, ["tr"]).markdown["tr"]


def test_a_worker_sees_no_secret_from_the_servers_environment(monkeypatch):
    monkeypatch.setenv("PRESSDRAFT_DATABASE_URL", "postgresql://app:secret@db/pressdraft")
    monkeypatch.setenv("TZ", "Europe/Istanbul")
    environment = pool_module._environment()
    assert "PRESSDRAFT_DATABASE_URL" not in environment
    assert environment["TZ"] == "Europe/Istanbul"


def test_the_house_style_of_the_server_is_the_workers(engine, example, directory_data, monkeypatch):
    from pressdraft.language import editorial

    template, draft, data = example
    monkeypatch.setattr(editorial, "APOSTROPHE", "\u2019")
    markdown, _ = render_documents(template, data, directory_data, ["tr"], allow_incomplete=False)
    assert "\u2019" in markdown["tr"]
    assert markdown["tr"] == engine.render(draft, ["tr"]).markdown["tr"]
