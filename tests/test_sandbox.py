"""Templates are untrusted: the sandbox refuses escapes and blow-ups, at compile and render time."""

import pytest
from jinja2.exceptions import SecurityError, TemplateError

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
