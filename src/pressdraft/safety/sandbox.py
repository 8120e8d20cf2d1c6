"""The Jinja2 sandbox templates run in: templates are data edited by staff, so untrusted.

Besides Jinja2's ``SandboxedEnvironment`` (no ``__class__`` walks, no unsafe callables):
arithmetic that can blow up (``*``, ``**``, ``+``, ``%``) is intercepted, which also keeps
Jinja from folding it at compile time; filters that take a size from the template are
removed; output is bounded; and Python's own casing methods on strings, which give
ISTANBUL for ``istanbul`` in Turkish, are not reachable (the ``upper`` filter is).
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_OUTPUT_CHARS = 1_000_000
MAX_VALUE_CHARS = 200_000
MAX_EXPONENT = 64
REMOVED_FILTERS = ("center", "indent", "wordwrap", "format", "filesizeformat", "xmlattr", "urlize")
CASING_METHODS = frozenset({"upper", "lower", "title", "capitalize", "casefold", "swapcase"})


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple) else 0


class ReleaseSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, **options: Any):
        super().__init__(undefined=StrictUndefined, autoescape=False, **options)
        for name in REMOVED_FILTERS:
            self.filters.pop(name, None)

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"exponent {right} is larger than {MAX_EXPONENT}")
        if op == "*" and isinstance(left, int) != isinstance(right, int):
            count, seq = (left, right) if isinstance(left, int) else (right, left)
            if count * _size(seq) > MAX_VALUE_CHARS:
                raise SecurityError(f"a repeated value longer than {MAX_VALUE_CHARS} characters")
        if op == "+" and _size(left) + _size(right) > MAX_VALUE_CHARS:
            raise SecurityError(f"a joined value longer than {MAX_VALUE_CHARS} characters")
        if op == "%" and isinstance(left, str):
            raise SecurityError("'%' formatting is not available in templates")
        functions = {
            "*": operator.mul,
            "**": operator.pow,
            "+": operator.add,
            "%": operator.mod,
            "//": operator.floordiv,
        }
        return functions[op](left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and attr in CASING_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)


def bounded(chunks: Iterator[str]) -> str:
    """Join a template's output, stopping it once it passes ``MAX_OUTPUT_CHARS``."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise SecurityError(f"the template's output is longer than {MAX_OUTPUT_CHARS} characters")
        out.append(chunk)
    return "".join(out)
