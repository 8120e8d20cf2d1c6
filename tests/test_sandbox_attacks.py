"""A corpus of hostile templates: each is refused or stopped within 2 seconds, and the server lives on.

Every attack is the Turkish source of an otherwise ordinary template, rendered through the
same worker pool the app uses. It must fail with a message that names the file and says
what happened, well inside the time a user would wait; afterwards a normal template still
renders, byte for byte as in-process.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pressdraft.app.workshop import BLANK_FILES
from pressdraft.core.library import Template
from pressdraft.core.model import draft_to_data
from pressdraft.core.problems import PressdraftError
from pressdraft.pipeline import pool as pool_module
from pressdraft.pipeline.checks import engine_data
from pressdraft.pipeline.pool import check_untrusted, render_documents
from pressdraft.pipeline.render import environment

pytestmark = pytest.mark.usefixtures("no_workers_left")

HARD_CAP = 4.0  # seconds, wall clock, including a worker restart; the worker's own limit is 2 s
TIMEOUT = "took longer than 2 s"
MEMORY = "used more than 512 MB"
EITHER = f"{TIMEOUT}|{MEMORY}"
UNSAFE = "is unsafe"
STANDALONE = "is not available: a template cannot use other templates or files"

META = BLANK_FILES["meta.yaml"]  # an attacker starts where staff start: the new template
NORMAL = "# {{ headline }}\n\n{{ release.city }}, {{ release.date }}\n"
LOOP_100K = "{% for a in range(100000) %}"
ATTACKS: list[tuple[str, str, str]] = [
    # --- escapes: attribute walks to Python's internals -------------------------------------------
    ("subclasses-via-tuple", "{{ ().__class__.__bases__[0].__subclasses__() }}", UNSAFE),
    ("mro-walk", "{{ ''.__class__.__mro__[1].__subclasses__() }}", UNSAFE),
    ("class-of-context-object", "{{ release.__class__.model_fields }}", UNSAFE),
    ("attr-filter-chain", "{{ ''|attr('__class__')|attr('__base__')|attr('__subclasses__')() }}", UNSAFE),
    ("attr-filter-escaped-name", "{{ ''|attr('\\x5f\\x5fclass\\x5f\\x5f') }}", UNSAFE),
    ("attr-filter-built-name", "{{ ''|attr('__cla' ~ 'ss__') }}", UNSAFE),
    ("subscript-class", "{{ ''['__class__'] }}", UNSAFE),
    ("cycler-globals", "{{ cycler.__init__.__globals__.os.popen('id').read() }}", UNSAFE),
    ("joiner-globals", "{{ joiner.__init__.__globals__['__builtins__'] }}", UNSAFE),
    ("namespace-init", "{{ namespace.__init__.__globals__ }}", UNSAFE),
    ("range-globals", "{{ range.__globals__['__builtins__']['open']('/etc/passwd').read() }}", UNSAFE),
    ("lipsum-globals", "{{ lipsum.__globals__['os'] }}", "'lipsum' is undefined"),
    ("loop-internals", "{% for x in [1] %}{{ loop._iterator }}{% endfor %}", UNSAFE),
    ("loop-class", "{% for x in [1] %}{{ loop.__class__.__init__.__globals__ }}{% endfor %}", UNSAFE),
    ("self-dict", "{{ self.__dict__ }}", UNSAFE),
    ("self-private-context", "{{ self._TemplateReference__context }}", UNSAFE),
    ("bound-method-self", "{{ dict(a=1).items.__self__ }}", UNSAFE),
    ("str-format-walk", "{{ '{0.__class__.__base__.__subclasses__}'.format('') }}", UNSAFE),
    ("str-format-map-walk", "{{ '{x.__class__}'.format_map({'x': ''}) }}", UNSAFE),
    ("str-format-via-attr", "{{ ('{0.__class__}'|attr('format'))('') }}", UNSAFE),
    ("percent-format", "{{ '%s %s' % ('a', 'b') }}", "'%' formatting is not available"),
    ("mutate-a-list", "{% set l = [] %}{{ l.append(l) }}", UNSAFE),
    ("unicode-fullwidth-underscores", "{{ ''|attr('＿＿class＿＿') }}", "has no attribute"),
    ("unicode-cyrillic-a", "{{ ''.__cl\u0430ss__ }}", "has no attribute"),
    # --- templates cannot name other templates or files ---------------------------------------------
    ("include-passwd", "{% include '/etc/passwd' %}", STANDALONE),
    ("include-on-line-3", "a\nb\n{% include '../meta.yaml' %}", STANDALONE),
    ("import", "{% import 'macros.j2' as m %}", STANDALONE),
    ("from-import", "{% from '/etc/passwd' import root %}", STANDALONE),
    ("extends", "{% extends '/etc/hosts' %}", STANDALONE),
    # --- blow-ups Jinja would fold at compile time -------------------------------------------------
    ("power-tower", "{{ 9**(9**9) }}", "larger than 64"),
    ("string-times-billion", "{{ 'a' * 10**9 }}", "longer than 200000"),
    ("billion-times-list", "{{ 10**9 * [1] }}", "longer than 200000"),
    ("replace-chain", "{{ 'xxxxxxxxxx'" + "|replace('x', 'xxxxxxxxxx')" * 9 + " }}", "longer than 200000"),
    ("huge-int-literal", "{{ 1" + "0" * 5000 + " }}", "4300 digits"),
    # --- blow-ups at render time, from variables and loops -----------------------------------------
    ("string-times-variable", "{% set n = 10**9 %}{{ headline * n }}", "longer than 200000"),
    ("replace-from-variable", "{% set s = 'x' * 1000 %}{{ s|replace('x', s) }}", "longer than 200000"),
    ("str-replace-method", "{% set s = 'x' * 1000 %}{{ s.replace('x', s) }}", "longer than 200000"),
    ("join-big-range", "{{ range(100000)|join(',' * 100000) }}", "longer than 200000"),
    ("str-join-method", "{{ ('x' * 100000).join(range(100000)|map('string')) }}", "longer than 200000"),
    ("padding-method", "{{ headline.ljust(10**9) }}", "longer than 200000"),
    ("format-padding", "{{ '{:>999999999}'.format('x') }}", UNSAFE),
    ("batch-huge-fill", "{{ [1]|batch(10**9, 'x')|list }}", "more than 100000 items"),
    ("slice-huge-count", "{{ [1]|slice(10**9)|list }}", "more than 100000 items"),
    ("tojson-huge-indent", "{{ [1]|tojson(indent=10**9) }}", "indent larger than 8"),
    ("huge-range", "{% for i in range(10**9) %}{% endfor %}", "MAX_RANGE"),
    ("huge-range-list", "{{ range(10**8)|list }}", "MAX_RANGE"),
    (
        "list-doubling",
        "{% set ns = namespace(l=[1]) %}{% for i in range(64) %}{% set ns.l = ns.l + ns.l %}{% endfor %}",
        "longer than 200000",
    ),
    ("output-flood", "{% for i in range(99999) %}{{ 'x' * 100 }}{% endfor %}", "output is longer than 1000000"),
    ("macro-recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "recursion"),
    ("recursive-for", "{% for x in [1] recursive %}{{ loop([x]) }}{% endfor %}", "recursion"),
    ("deep-parentheses", "{{ " + "(" * 500 + "1" + ")" * 500 + " }}", "nested too deeply"),
    ("deeply-nested-loops", "{% for a in [1] %}" * 25 + "{% endfor %}" * 25, "nested too deeply"),
    # --- what only the worker can stop: time ---------------------------------------------------------
    ("nested-loops-3x100k", LOOP_100K * 3 + "{% endfor %}" * 3, TIMEOUT),
    (
        "set-counter-in-nested-loops",
        "{% set ns = namespace(n=0) %}" + LOOP_100K * 2 + "{% set ns.n = ns.n + 1 %}" + "{% endfor %}" * 2,
        TIMEOUT,
    ),
    (
        "macro-fan-out",
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        TIMEOUT,
    ),
    # --- ... and memory -------------------------------------------------------------------------------
    (
        "tilde-doubling",
        "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        MEMORY,
    ),
    # --- either limit, whichever comes first ------------------------------------------------------------
    ("shared-list-printed", "{% set s = 'x' * 100000 %}{{ [s] * 100000 }}", EITHER),
    ("tojson-of-shared-list", "{% set l = range(100000)|list %}{{ ([l] * 100000)|tojson }}", EITHER),
    (
        "power-loop",
        "{% set ns = namespace(x=9) %}{% for i in range(40) %}{% set ns.x = ns.x ** 64 %}{% endfor %}",
        EITHER,
    ),
    (
        "squaring-loop",
        "{% set ns = namespace(x=10**64) %}{% for i in range(64) %}{% set ns.x = ns.x * ns.x %}{% endfor %}",
        EITHER,
    ),
]
DURATIONS: dict[str, float] = {}


def busy() -> float:
    """How much wall-clock caps stretch on a machine loaded by other work (CI): 1 when idle, at most 4."""
    return min(max(os.getloadavg()[0] / (os.cpu_count() or 1), 1.0), 4.0)


def attack_template(source: str) -> Template:
    """An ordinary template whose Turkish version is the attack."""
    files = {"meta.yaml": META, "tr.md.j2": source, "az.md.j2": NORMAL, "en.md.j2": NORMAL}
    return Template("attack", files, origin="organization")


def test_the_corpus_is_large_and_its_ids_are_distinct():
    ids = [name for name, _, _ in ATTACKS]
    assert len(ids) >= 30
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(("source", "expected"), [(s, e) for _, s, e in ATTACKS], ids=[n for n, _, _ in ATTACKS])
def test_an_attack_is_refused_or_stopped_within_two_seconds(request, source, expected, directory_data):
    template = attack_template(source)
    started = time.perf_counter()
    with pytest.raises(PressdraftError) as error:
        render_documents(template, engine_data(template), directory_data, ["tr", "az", "en"], allow_incomplete=False)
    DURATIONS[request.node.callspec.id] = elapsed = time.perf_counter() - started
    message = str(error.value)
    assert message.startswith("attack/tr.md.j2"), message  # which file, which language
    assert any(part in message for part in expected.split("|")), message
    assert elapsed < HARD_CAP * busy(), f"{elapsed:.2f} s"


# One of each limit: the editor's checks go through the same pool (the rest would only add time).
WORKER_ONLY = [(name, s, e) for name, s, e in ATTACKS if name in ("nested-loops-3x100k", "tilde-doubling")]


@pytest.mark.parametrize(
    ("source", "expected"), [(s, e) for _, s, e in WORKER_ONLY], ids=[n for n, _, _ in WORKER_ONLY]
)
def test_the_editors_checks_stop_what_only_the_worker_can_stop(source, expected, directory_data):
    template = attack_template("{{ headline }}" + source)
    started = time.perf_counter()
    problems = check_untrusted(template, directory_data)
    assert time.perf_counter() - started < HARD_CAP * busy()
    assert [p.path for p in problems] == ["attack/tr.md.j2"]
    assert any(part in problems[0].message for part in expected.split("|")), problems[0].message


@pytest.mark.parametrize("tag", ["{% include 'x' %}", "{% import 'x' as y %}", "{% extends 'x' %}"])
def test_no_template_can_read_a_file(tmp_path, tag, directory_data):
    """There is no loader, and the tags that would use one are syntax errors at their line."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret", "utf-8")
    source = "{{ headline }}\n" + tag.replace("'x'", repr(str(secret)))
    problems = check_untrusted(attack_template(source), directory_data)
    assert [p.path for p in problems] == ["attack/tr.md.j2:2"]
    assert STANDALONE in problems[0].message
    assert environment().loader is None


@pytest.mark.parametrize("name", ["../../../etc/passwd", "/etc/passwd", "joint-meeting/../../meta.yaml"])
def test_a_template_name_from_a_draft_is_only_a_key_never_a_path(engine, example_data, name):
    """Ids come from folder names and store keys; a draft's ``template`` is a key, then looked up."""
    with pytest.raises(PressdraftError, match="template: must be a key of lower-case letters, digits and hyphens"):
        engine.draft_from_data({**example_data, "template": name})


def test_after_the_corpus_the_server_still_renders_normal_templates(engine, directory_data):
    """The "server alive" check: the same pool renders the shipped example exactly as in-process."""
    draft = engine.load_draft(Path(__file__).resolve().parent / "data" / "v1" / "joint-media-platform.yaml")
    shipped = engine.library.get(draft.template)
    template = Template(shipped.id, shipped.files, origin="organization")
    data = draft_to_data(draft, [f.name for f in template.meta.fields])
    assert (
        render_documents(template, data, directory_data, [], allow_incomplete=False)[0] == engine.render(draft).markdown
    )
    assert pool_module.default_pool().processes <= pool_module.MAX_WORKERS
    if DURATIONS:
        slowest = max(DURATIONS, key=DURATIONS.__getitem__)
        print(f"\n{len(DURATIONS)} attacks, slowest {slowest}: {DURATIONS[slowest]:.2f} s")
        assert DURATIONS[slowest] < HARD_CAP * busy()
