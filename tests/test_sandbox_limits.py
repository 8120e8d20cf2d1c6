"""What a template prints is bounded before it is parsed, untrusted output is parsed in the worker,
checks try more than the samples, and one user cannot hold every worker (issue 18, items 5 and 10)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

import pressdraft
from pressdraft.app.trust import template_runner
from pressdraft.app.workshop import BLANK_FILES
from pressdraft.cli.commands import main
from pressdraft.core.directory import default_directory
from pressdraft.core.library import Library, Template
from pressdraft.core.model import draft_to_data
from pressdraft.core.problems import PressdraftError
from pressdraft.document import rendition as rendition_module
from pressdraft.document.blocks import parse_markdown
from pressdraft.document.export import Edition
from pressdraft.pipeline import pool as pool_module
from pressdraft.pipeline import wire
from pressdraft.pipeline.checks import variants
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.pool import SandboxPool, check_untrusted, render_documents
from pressdraft.safety.limits import MAX_RELEASE_CHARS, MAX_RELEASE_LINES, MAX_RELEASE_RUNS

pytestmark = pytest.mark.usefixtures("no_workers_left")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml"
# The new template staff start from, with a field of each kind the bombs below feed on.
BLANK_META = yaml.safe_load(BLANK_FILES["meta.yaml"])
OTHER_FIELDS = """
- name: items
  type: text_list
  label: {tr: Maddeler, az: Bəndlər, en: Items}
  sample: [{tr: bir, az: bir, en: one}, {tr: iki, az: iki, en: two}]
- name: days
  type: number
  required: true
  label: {tr: Gün, az: Gün, en: Days}
  sample: 2
- name: note
  type: text
  label: {tr: Not, az: Qeyd, en: Note}
- name: mood
  type: choice
  choices: [calm, loud]
  label: {tr: Ton, az: Ton, en: Mood}
  sample: calm
"""
META = yaml.safe_dump(
    {**BLANK_META, "fields": BLANK_META["fields"] + yaml.safe_load(OTHER_FIELDS)}, allow_unicode=True, sort_keys=False
)
NORMAL = (
    "# {{ headline }}\n\n{% for item in items %}- {{ item }}\n{% endfor %}\n"
    "{{ release.city }}, {{ days }}\n{{ note or '' }}\n{{ mood }}\n"
)
# A million characters of "- a" lines: a quarter of a million list items.
MILLION = "# {{ headline }}\n\n{% for i in range(999) %}{% for j in range(250) %}- a\n{% endfor %}{% endfor %}"
MILLION_SIZE = len("# Başlık\n\n") + 999 * 250 * len("- a\n")
COUNT = "{% set ns = namespace(n=0) %}"
# Bombs that the samples (a six-letter headline, two items) never set off.
BOMBS = {
    "characters": COUNT
    + "{% for a in headline %}{% for b in headline %}{% for c in headline %}{% set ns.n = ns.n + 1 %}"
    + "{% endfor %}{% endfor %}{% endfor %}",
    "gated-by-length": "{% if headline|length > 50 %}"
    + "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}{% endif %}",
    "rows": COUNT + "{% for a in items %}" * 8 + "{% set ns.n = ns.n + 1 %}" + "{% endfor %}" * 8,
    "empty-optional": "{% if not items %}" + "{% for a in range(100000) %}" * 2 + "{% endfor %}" * 2 + "{% endif %}",
    "unsampled-field": "{% if note %}{% for a in note %}{% for b in note %}{% for c in note %}"
    + "{% endfor %}{% endfor %}{% endfor %}{% endif %}",
    "other-choice": "{% if mood == 'loud' %}" + "{% for a in range(100000) %}" * 2 + "{% endfor %}" * 2 + "{% endif %}",
    "embargo": "{% if release.embargo %}" + "{% for a in range(100000) %}" * 2 + "{% endfor %}" * 2 + "{% endif %}",
    "number": "{% for a in range(days) %}{% for b in range(days) %}{% endfor %}{% endfor %}",
    "one-language": "{% if languages|length == 1 %}"
    + "{% for a in range(100000) %}" * 2
    + "{% endfor %}" * 2
    + "{% endif %}",
}
SURROGATE = "{{ '\\ud800' }}"


def template(tr_source: str, template_id: str = "attack", origin: str = "organization") -> Template:
    files = {"meta.yaml": META, "tr.md.j2": tr_source, "az.md.j2": NORMAL, "en.md.j2": NORMAL}
    return Template(template_id, files, origin=origin)


def sample_data(tpl: Template) -> dict[str, Any]:
    draft = tpl.sample_draft()
    return draft_to_data(draft, [f.name for f in tpl.meta.fields])


def write_library(folder: Path, sources: dict[str, str]) -> Path:
    for template_id, source in sources.items():
        (folder / template_id).mkdir(parents=True)
        for name, text in template(source, template_id).files.items():
            (folder / template_id / name).write_text(text, "utf-8")
    return folder


# --- item 5: the rendered text is bounded before anything parses it --------------------------------


def test_a_million_characters_of_list_items_are_refused_in_process_naming_template_language_and_limit():
    tpl = template(MILLION, origin="shipped")
    engine = Engine(Library({tpl.id: tpl}, {}), default_directory(), template_runner())
    with pytest.raises(PressdraftError) as error:
        engine.render(engine.draft_from_data(sample_data(tpl)))
    assert [str(p) for p in error.value.problems] == [
        f"attack/tr.md.j2: the release is {MILLION_SIZE} characters long; the limit is {MAX_RELEASE_CHARS}: print less"
    ]


def test_too_many_lines_are_refused_before_parsing_even_when_short():
    source = "{% for i in range(" + str(MAX_RELEASE_LINES + 1) + ") %}- a\n{% endfor %}"
    tpl = template(source, origin="shipped")
    engine = Engine(Library({tpl.id: tpl}, {}), default_directory(), template_runner())
    with pytest.raises(PressdraftError) as error:
        engine.render(engine.draft_from_data(sample_data(tpl)), ["tr"])
    (problem,) = error.value.problems
    assert problem.path == "attack/tr.md.j2"
    assert (
        problem.message
        == f"the release has {MAX_RELEASE_LINES + 1} lines; the limit is {MAX_RELEASE_LINES}: print fewer lines"
    )


def test_markdown_beyond_the_bound_is_never_parsed():
    with pytest.raises(PressdraftError, match=f"the limit is {MAX_RELEASE_LINES}"):
        parse_markdown("- a\n" * (MAX_RELEASE_LINES + 1))
    with pytest.raises(PressdraftError, match=f"the limit is {MAX_RELEASE_CHARS}"):
        parse_markdown("a" * (MAX_RELEASE_CHARS + 1))


def test_the_million_character_template_is_refused_in_the_worker(directory_data):
    tpl = template(MILLION)
    with pytest.raises(PressdraftError) as error:
        render_documents(tpl, sample_data(tpl), directory_data, ["tr"], allow_incomplete=False)
    assert str(error.value) == (
        f"attack/tr.md.j2: the release is {MILLION_SIZE} characters long; the limit is {MAX_RELEASE_CHARS}: print less"
    )


def test_an_untrusted_templates_markdown_is_parsed_in_the_worker_not_in_the_server(engine, monkeypatch):
    """The blocks of an organization's template come from the worker, equal to in-process parsing."""
    draft = engine.load_draft(EXAMPLE)
    expected = engine.render(draft).blocks
    shipped_files = Edition(engine.render(draft)).files(["docx", "txt"], side_by_side=True)
    shipped = engine.library.get(draft.template)
    untrusted = Template(shipped.id, shipped.files, origin="organization")
    org_engine = Engine(Library({untrusted.id: untrusted}, {}), engine.directory, template_runner())

    def no_parsing_here(markdown: str) -> None:
        raise AssertionError("an untrusted template's Markdown was parsed in the server")

    monkeypatch.setattr(rendition_module, "parse_markdown", no_parsing_here)
    rendition = org_engine.render(draft)
    assert rendition.blocks == expected
    assert rendition.markdown == engine.render(draft).markdown
    assert Edition(rendition).files(["docx", "txt"], side_by_side=True) == shipped_files


def test_blocks_from_a_worker_are_rebuilt_part_by_part():
    """A worker's answer is data: unknown kinds are refused, unsafe links lose their target."""
    answer = {
        "markdown": {"en": "x\n"},
        "blocks": {"en": [["paragraph", 0, [["x", True, False, "file:///etc/passwd"]]]]},
    }
    _, blocks = wire.documents_from_json(answer)
    assert blocks["en"][0].runs[0].href is None and blocks["en"][0].runs[0].bold
    for forged in (
        {"markdown": {"en": "x"}, "blocks": {"en": [["script", 0, []]]}},
        {"markdown": {"en": "x"}, "blocks": {"en": [["paragraph", 0, [["x", 1, 0, None]]]]}},
        {"markdown": {"en": "x"}, "blocks": {}},
        {"markdown": {"en": "x"}, "blocks": {"en": [["paragraph", 0, [["x" * (MAX_RELEASE_CHARS + 1)]]]]}},
    ):
        with pytest.raises(PressdraftError, match="stopped the renderer"):
            wire.documents_from_json(forged)


def test_the_cli_ends_quickly_with_the_limit_for_a_million_character_library_template(tmp_path):
    library = write_library(tmp_path / "library", {"attack": MILLION})
    draft = tmp_path / "draft.yaml"
    tpl = template(MILLION)
    engine = Engine(Library({tpl.id: tpl}, {}), default_directory(), template_runner())
    draft.write_text(engine.dump_draft(tpl.sample_draft()), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pressdraft.cli", "render", str(draft), "--library", str(library)]
        + ["-o", str(tmp_path / "out"), "--format", "docx,txt"],
        capture_output=True,
        text=True,
        timeout=20,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(pressdraft.__file__).parents[1])},  # this checkout's code
        check=False,
    )
    assert result.returncode == 2, result.stderr
    limit = f"the release is {MILLION_SIZE} characters long; the limit is {MAX_RELEASE_CHARS}"
    assert f"attack/tr.md.j2: {limit}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


# --- item 10: checks try varied values, and the reply is always valid text ------------------------------


@pytest.mark.parametrize("bomb", list(BOMBS), ids=list(BOMBS))
def test_the_check_refuses_a_bomb_the_samples_never_set_off(bomb, directory_data):
    tpl = template(NORMAL + BOMBS[bomb])
    engine = Engine(Library({tpl.id: tpl}, {}), default_directory(), template_runner())
    engine.render(engine.draft_from_data(sample_data(tpl)))  # the samples alone render
    assert IN_PROCESS.check(template(NORMAL), default_directory()) == []
    problems = check_untrusted(tpl, directory_data)
    assert [str(p) for p in problems] == ["attack/tr.md.j2: the template took longer than 2 s and was stopped"]


def test_a_lone_surrogate_is_a_problem_for_its_template_and_language_never_a_crash(directory_data, capfd):
    tpl = template(NORMAL + SURROGATE)
    problems = check_untrusted(tpl, directory_data)
    assert [str(p) for p in problems] == [
        "attack/meta.yaml: sample: attack/tr.md.j2: the release holds U+D800, which is not a character "
        "(a lone surrogate): remove it"
    ]
    with pytest.raises(PressdraftError, match=r"^attack/tr.md.j2: the release holds U\+D800"):
        render_documents(tpl, sample_data(tpl), directory_data, [], allow_incomplete=False)
    assert IN_PROCESS.check(tpl, default_directory()) == problems  # the same in-process
    assert "Traceback" not in capfd.readouterr().err


def test_the_worker_lives_on_after_a_surrogate(directory_data, capfd):
    pool = SandboxPool(warm=1, max_workers=1)
    try:
        tpl = template(NORMAL + SURROGATE)
        request = {"draft": sample_data(tpl), "directory": directory_data, "languages": ["tr"]}
        pool.run(template(NORMAL), "documents", {**request, "allow_incomplete": False}, 2.0)
        (pid,) = pool.idle_pids()
        value, problems = pool.run(tpl, "documents", {**request, "allow_incomplete": False}, 2.0)
        assert value is None and [p.path for p in problems] == ["attack/tr.md.j2"]
        assert pool.idle_pids() == [pid]
    finally:
        pool.close()
    assert "Traceback" not in capfd.readouterr().err


def test_templates_check_from_the_cli_refuses_the_bombs_and_the_surrogate(tmp_path, capsys):
    sources = {f"bomb-{name}": NORMAL + source for name, source in BOMBS.items()}
    sources["surrogate"] = NORMAL + SURROGATE
    sources["fine"] = NORMAL
    library = write_library(tmp_path / "library", sources)
    assert main(["templates", "check", str(library)]) == 1
    out = capsys.readouterr()
    for template_id in sources:
        verdict = "ok" if template_id == "fine" else "problems"
        assert f"{template_id}: {verdict}" in out.out
    assert "Traceback" not in out.err


# --- item 10: the pool's per-user limit and queue wait ----------------------------------------------------

SLOW = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"


def _hold_a_worker(pool: SandboxPool, user: str, directory_data: dict[str, Any]) -> threading.Thread:
    """Start a render that holds one of ``user``'s workers for seconds; return once it holds it."""
    tpl = template(SLOW)
    request = {"draft": sample_data(tpl), "directory": directory_data, "languages": ["tr"], "allow_incomplete": False}
    thread = threading.Thread(target=pool.run, args=(tpl, "documents", request, 3.0), kwargs={"user": user})
    thread.start()
    deadline = time.monotonic() + 60
    while pool.busy(user) < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pool.busy(user) == 1
    return thread


def _normal_request(directory_data: dict[str, Any]) -> tuple[Template, dict[str, Any]]:
    tpl = template(NORMAL)
    return tpl, {"draft": sample_data(tpl), "directory": directory_data, "languages": ["tr"], "allow_incomplete": False}


def test_one_user_cannot_hold_every_worker(directory_data):
    pool = SandboxPool(warm=0, max_workers=2, per_user=1, queue_wait=0.5)
    try:
        holder = _hold_a_worker(pool, "alice", directory_data)
        tpl, request = _normal_request(directory_data)
        with pytest.raises(PressdraftError) as refused:
            pool.run(tpl, "documents", request, 2.0, user="alice")
        assert str(refused.value) == (
            "attack: the server is busy, try again in a moment (no renderer was free within 0.5 s)"
        )
        value, problems = pool.run(tpl, "documents", request, 2.0, user="bob")
        assert problems == [] and value[0]["tr"].startswith("# Başlık")
        holder.join()
        assert pool.busy("alice") == pool.busy("bob") == 0
    finally:
        pool.close()


def test_a_request_that_gets_no_worker_in_time_is_refused_as_busy(directory_data, monkeypatch):
    pool = SandboxPool(warm=0, max_workers=1, per_user=1, queue_wait=0.3)
    try:
        holder = _hold_a_worker(pool, "alice", directory_data)
        tpl, request = _normal_request(directory_data)
        outcome: list[BaseException] = []

        def as_bob() -> None:
            pool_module.act_for("bob")  # the user of this thread's requests, as the app names it per page run
            try:
                pool.run(tpl, "documents", request, 2.0)
            except PressdraftError as error:
                outcome.append(error)

        other = threading.Thread(target=as_bob)
        other.start()
        other.join()
        assert [str(e) for e in outcome] == [
            "attack: the server is busy, try again in a moment (no renderer was free within 0.3 s)"
        ]
        monkeypatch.setattr(pool_module, "_default_pool", pool)
        (busy,) = check_untrusted(tpl, directory_data)  # a check is refused the same way, as its problem
        assert str(busy) == str(outcome[0])
        holder.join()
        value, problems = pool.run(tpl, "documents", request, 2.0, user="bob")
        assert problems == [] and value[0]["tr"].startswith("# Başlık")
    finally:
        pool.close()


def test_the_limits_are_documented_where_templates_are():
    from pressdraft.safety import limits

    documented = (ROOT / "docs" / "templates.md").read_text("utf-8")
    for name in [n for n in vars(limits) if n.isupper()]:
        assert f"`{name}`" in documented, name


def test_a_worker_stopped_for_time_or_memory_writes_nothing_to_the_servers_log(directory_data, capfd):
    """Its standard error goes nowhere: the one-line problem is all anybody sees."""
    doubling = "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    pool = SandboxPool(warm=1, max_workers=1)
    try:
        # the memory bomb gets time enough that the memory limit, not the clock, stops it (on a busy
        # machine, doubling a string to 512 MB took more than 1 s)
        stopped = ((SLOW, 1.0, "took longer than 1 s"), (doubling, 30.0, "used more than 512 MB"))
        for source, seconds, expected in stopped:
            tpl = template(NORMAL + source)
            request = {"draft": sample_data(tpl), "directory": directory_data, "languages": ["tr"]}
            value, problems = pool.run(tpl, "documents", {**request, "allow_incomplete": False}, seconds)
            assert value is None and [p.path for p in problems] == ["attack/tr.md.j2"]
            assert expected in problems[0].message
    finally:
        pool.close()
    assert capfd.readouterr().err == ""


def test_the_check_parses_what_it_renders_as_a_render_does(monkeypatch):
    """Markdown that is slow to parse is caught within the check's time, like any other bomb."""
    parsed: list[str] = []
    monkeypatch.setattr(rendition_module, "parse_markdown", lambda markdown: parsed.append(markdown) or [])
    assert IN_PROCESS.check(template(NORMAL, origin="shipped"), default_directory()) == []
    drafts = variants(template(NORMAL), default_directory()).values()
    assert len(parsed) == sum(len(draft["languages"]) for draft in drafts) == 3 * 6 + 3


def test_too_many_formatted_stretches_are_refused_once_parsed_naming_the_file(directory_data):
    """A single line of ``*a* *a* …`` is short but costs a Word run per stretch in every document."""
    source = NORMAL + "{% for i in range(" + str(MAX_RELEASE_RUNS) + ") %}*a* {% endfor %}\n"
    tpl = template(source)
    expected = re.compile(
        rf"attack/tr\.md\.j2: the release has (\d+) differently formatted stretches; "
        rf"the limit is {MAX_RELEASE_RUNS}: format less"
    )
    with pytest.raises(PressdraftError) as in_worker:
        Engine(Library({tpl.id: tpl}, {}), default_directory(), template_runner()).render(tpl.sample_draft())
    found = expected.fullmatch(str(in_worker.value))
    assert found and int(found[1]) > 2 * MAX_RELEASE_RUNS
    shipped = template(source, origin="shipped")
    with pytest.raises(PressdraftError) as in_process:
        in_process_engine = Engine(Library({tpl.id: shipped}, {}), default_directory(), template_runner())
        in_process_engine.render(shipped.sample_draft()).blocks  # noqa: B018
    assert str(in_process.value) == str(in_worker.value)
    assert [str(p) for p in check_untrusted(tpl, directory_data)] == [f"attack/meta.yaml: sample: {found[0]}"]
