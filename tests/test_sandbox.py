"""Templates are untrusted: the sandbox refuses escapes and blow-ups, at compile and render time.

In-process guards only; ``test_sandbox_attacks.py`` runs the full corpus through the worker.
"""

import time

import pytest
from jinja2 import pass_context
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError, UndefinedError

from pressdraft.pipeline.render import environment
from pressdraft.safety.sandbox import MAX_OUTPUT_CHARS, ReleaseSandbox, bounded

ATTACKS = [
    "{{ ().__class__.__bases__[0].__subclasses__() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ ''|attr('__class__') }}",
    "{{ 'x'.format.__self__ }}",
    "{{ 9**(9**9) }}",
    "{{ 'a' * 10**9 }}",
    "{{ 10**9 * 'a' }}",
    "{{ ('a' * 100000) + ('b' * 100001) }}",
    "{{ '%s' % 'x' }}",
    "{{ 'x'|center(1000000000) }}",
    "{{ 'x'|indent(1000000000) }}",
    "{{ 'x'|format('y') }}",
    "{{ 'istanbul'.upper() }}",
]


@pytest.mark.parametrize("source", ATTACKS)
def test_an_attack_is_refused_without_hanging(source):
    env = ReleaseSandbox()
    with pytest.raises((SecurityError, TemplateError)):
        env.from_string(source).render()


def test_ordinary_arithmetic_and_repetition_still_work():
    env = ReleaseSandbox()
    assert (
        env.from_string("{{ 2 * 3 }} {{ 'ab' * 2 }} {{ 2 ** 10 }} {{ 7 // 2 }} {{ 1 + 1 }}").render()
        == "6 abab 1024 3 2"
    )


def test_output_is_bounded_even_when_each_piece_is_small():
    env = ReleaseSandbox()
    template = env.from_string("{% for i in range(99999) %}{{ 'x' * 20 }}{% endfor %}")
    with pytest.raises(SecurityError, match=str(MAX_OUTPUT_CHARS)):
        bounded(template.generate())


# --- nothing is computed while compiling -------------------------------------------------------------

FOLDABLE = [
    "{{ 9**(9**9) }}",
    "{{ 'a' * 10**9 }}",
    "{{ 'xxxxxxxxxx'" + "|replace('x', 'xxxxxxxxxx')" * 9 + " }}",
    "{{ [1]|batch(10**9, 0)|list }}",
]


@pytest.mark.parametrize("make", [ReleaseSandbox, environment], ids=["bare", "release"])
@pytest.mark.parametrize("source", FOLDABLE)
def test_compiling_a_blow_up_is_instant_and_rendering_it_is_refused(make, source):
    env = make()
    started = time.perf_counter()
    template = env.from_string(source)
    assert time.perf_counter() - started < 0.5
    with pytest.raises(SecurityError):
        template.render(lang="en")


CALLS: list[object] = []


def _plain_finalize(value):
    CALLS.append(value)
    return f"<{value}>"


@pass_context
def _context_finalize(context, value):
    CALLS.append(value)
    return f"<{value} {context['lang']}>"


@pytest.mark.parametrize(
    ("finalize", "printed"), [(_plain_finalize, "<2>"), (_context_finalize, "<2 en>")], ids=["plain", "in-context"]
)
def test_a_finalize_of_either_kind_runs_at_render_time_only(finalize, printed):
    """A plain ``finalize`` is wrapped to take the context; one that takes it already is used as it is:
    either way Jinja folds no constant through it while compiling, and every printed value passes it."""
    CALLS.clear()
    env = ReleaseSandbox(finalize=finalize)
    template = env.from_string("{{ 1 + 1 }}")
    assert CALLS == []
    assert template.render(lang="en") == printed
    assert CALLS == [2]
    with pytest.raises(SecurityError):
        env.from_string("{{ 9**(9**9) }}").render(lang="en")


# --- templates stand alone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("{% include 'footer.j2' %}", "include"),
        ("{% import 'macros.j2' as m %}", "import"),
        ("{% from 'macros.j2' import quote %}", "from … import"),
        ("{% extends 'base.j2' %}", "extends"),
    ],
)
def test_include_import_and_extends_are_syntax_errors_at_their_line(tag, name):
    with pytest.raises(TemplateSyntaxError, match=f"'{{% {name} %}}' is not available") as error:
        environment().parse("# {{ headline }}\n\n" + tag)
    assert error.value.lineno == 3
    with pytest.raises(TemplateSyntaxError):
        ReleaseSandbox().from_string(tag)


def test_there_is_no_loader_so_no_template_can_name_a_file():
    assert environment().loader is None
    with pytest.raises(TypeError, match="no loader"):
        environment().get_template("/etc/passwd")


@pytest.mark.parametrize(
    "source",
    [
        "{{ (" * 300 + "1" + ") }}" * 300,
        "{% for a in [1] %}" * 25 + "{% endfor %}" * 25,
        "{{ 1" + "0" * 5000 + " }}",
    ],
    ids=["parentheses", "loops", "digits"],
)
def test_what_python_cannot_compile_is_a_template_syntax_error(source):
    with pytest.raises(TemplateSyntaxError):
        environment().from_string(source)


# --- render-time guards, and the ordinary uses they leave alone ------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ ''|attr('__class__')|attr('__base__') }}", "'__class__' of 'str' object is unsafe"),
        ("{{ '{0}'.format(1) }}", "'format' of 'str' object is unsafe"),
        ("{{ '{x}'.format_map({'x': 1}) }}", "'format_map' of 'str' object is unsafe"),
        ("{{ 'a'.translate({97: 'b'}) }}", "'translate' of 'str' object is unsafe"),
        ("{% set l = [] %}{{ l.append(1) }}", "'append' of 'list' object is unsafe"),
        ("{% set s = 'x' * 1000 %}{{ s.replace('x', s) }}", "a replaced value longer"),
        ("{% set s = 'x' * 1000 %}{{ s|replace('x', s) }}", "a replaced value longer"),
        ("{{ ('x' * 1000).join(['y'] * 1000) }}", "a joined value longer"),
        ("{{ (['x' * 1000] * 1000)|join(',') }}", "a joined value longer"),
        ("{{ 'x'.center(10**9) }}", "a padded value longer"),
        ("{{ 'x'.zfill(10**9) }}", "a padded value longer"),
        ("{{ '\t'.expandtabs(10**9) }}", "tabs expanded longer"),
        ("{{ [1]|slice(10**9)|list }}", "more than 100000 items"),
        ("{{ 1|tojson(indent=100) }}", "indent larger than 8"),
        ("{{ 'x'.encode() * 10**9 }}", "a repeated value longer"),
        ("{{ 'x'.encode().center(10**9) }}", "a padded value longer"),
        ("{{ (1).to_bytes(10**9, 'big') }}", "a value longer"),
    ],
)
def test_a_guard_refuses_before_the_value_is_built(source, message):
    with pytest.raises(SecurityError, match=message):
        ReleaseSandbox().from_string(source).render()


def test_lipsum_is_gone_for_its_unbounded_size():
    with pytest.raises(UndefinedError):
        ReleaseSandbox().from_string("{{ lipsum(10**9) }}").render()


def test_the_guarded_filters_and_methods_still_do_their_ordinary_work():
    env = ReleaseSandbox()
    source = (
        "{{ 'a-b-c'|replace('-', ' ') }}|{{ 'a-b'.replace('-', '', 1) }}|{{ [1, 2]|join(', ') }}|"
        "{{ [{'n': 'x'}, {'n': 'y'}]|join('+', attribute='n') }}|{{ ', '.join(['p', 'q']) }}|"
        "{{ range(5)|batch(2, 0)|list }}|{{ range(5)|slice(2)|list }}|{{ {'a': 1}|tojson }}|"
        "{{ 'x'.rjust(3, '.') }}|{{ 'a\tb'.expandtabs(2) }}|{{ ('x' * 10)|length }}"
    )
    assert env.from_string(source).render() == (
        'a b c|ab|1, 2|x+y|p, q|[[0, 1], [2, 3], [4, 0]]|[[0, 1, 2], [3, 4]]|{"a": 1}|..x|a b|10'
    )
