"""The Jinja2 sandbox templates run in: templates are data edited by staff, so untrusted.

Besides Jinja2's ``ImmutableSandboxedEnvironment`` (no ``__class__`` walks, no unsafe
callables, no ``list.append``-style mutation of the data a template is given):

- nothing is computed at compile time: the optimizer is off and output goes through a
  ``finalize`` that needs the render context, so ``{{ 9**9**9 }}`` or a chain of
  ``|replace`` is evaluated at render time, where the guards below apply;
- arithmetic that can blow up (``*``, ``**``, ``+``, ``%``, ``//``) is intercepted;
- calls and filters that take a size from the template are capped (``replace``, ``join``,
  ``batch``, ``slice``, ``tojson``, ``str.center``…) or removed (``center``, ``indent``,
  ``format``…, the ``lipsum`` global); ``str.format``/``format_map`` are not reachable;
- templates stand alone: ``include``, ``import`` and ``extends`` are syntax errors at their
  line, and there is no loader, so no template can name a file to read;
- output is bounded, and Python's own casing methods on strings, which give ISTANBUL for
  ``istanbul`` in Turkish, are not reachable (the ``upper`` filter is).

These guards give a clear, early message for the blow-ups people try; they cannot bound
every combination (``~`` doubling in a loop, nested loops, shared references printed many
times). ``pressdraft.pipeline.pool`` runs edited templates in a process with time and
memory limits for that reason.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NoReturn

from jinja2 import StrictUndefined, TemplateSyntaxError, filters, nodes, pass_context, pass_eval_context
from jinja2.exceptions import SecurityError
from jinja2.filters import make_attrgetter
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg  # what Jinja's compiler reads to decide whether it may fold constants

from pressdraft.safety.limits import MAX_EXPONENT, MAX_JSON_INDENT, MAX_OUTPUT_CHARS, MAX_VALUE_CHARS

MAX_ITEMS = MAX_RANGE  # Jinja's own bound on ``range``, for ``batch`` and ``slice`` too
REMOVED_FILTERS = ("center", "indent", "wordwrap", "format", "filesizeformat", "xmlattr", "urlize")
REMOVED_GLOBALS = ("lipsum",)
CASING_METHODS = frozenset({"upper", "lower", "title", "capitalize", "casefold", "swapcase"})
# ``format`` pads to any width and walks attributes; ``translate`` maps a character to any text.
BLOCKED_STR_METHODS = CASING_METHODS | {"format", "format_map", "translate", "maketrans"}
PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
# The tags that would read another template (a file, with a loader): refused at their line.
STANDALONE_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
}


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


def _too_long(size: int, what: str) -> None:
    if size > MAX_VALUE_CHARS:
        raise SecurityError(f"{what} longer than {MAX_VALUE_CHARS} characters")


def _replaced_size(text: Any, old: Any, new: Any, count: int | None) -> int:
    """The length ``text.replace(old, new, count)`` would have, without building it."""
    found = len(text) + 1 if old == "" else text.count(old)
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def _joined_size(texts: list[Any], separator: Any) -> int:
    return sum(map(len, texts)) + len(separator) * max(len(texts) - 1, 0)


def _joined(items: Iterable[Any], separator: str) -> list[str]:
    """The items as text, refused before joining if the result would be too long."""
    texts = [str(item) for item in items]
    _too_long(_joined_size(texts, separator), "a joined value")
    return texts


def _check_count(count: Any, what: str) -> None:
    if isinstance(count, int | float) and count > MAX_ITEMS:
        raise SecurityError(f"{what} of more than {MAX_ITEMS} items")


@pass_context
def _as_is(context: Context, value: Any) -> Any:
    """The default ``finalize``: it takes the context, so output is never folded at compile time."""
    return value


def _at_render_time(finalize: Callable[..., Any]) -> Callable[..., Any]:
    """A ``finalize`` that takes the context, so Jinja cannot call it on constants while compiling.
    One that takes it already is used as it is (Jinja's compiler reads the same mark): a wrapper
    would cost a ``Context.call`` on every printed value, a few percent of a render."""
    if _PassArg.from_obj(finalize) is _PassArg.context:
        return finalize

    @pass_context
    def finalize_in_context(context: Context, value: Any) -> Any:
        return context.call(finalize, value)

    return finalize_in_context


class ReleaseSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, **options: Any):
        finalize = options.pop("finalize", None)
        super().__init__(
            undefined=StrictUndefined,
            autoescape=False,
            optimized=False,
            loader=None,
            finalize=_at_render_time(finalize) if finalize else _as_is,
            **options,
        )
        for name in REMOVED_FILTERS:
            self.filters.pop(name, None)
        for name in REMOVED_GLOBALS:
            self.globals.pop(name, None)
        self._capped_filters()

    # --- parsing: templates stand alone, and nesting too deep for the parser is an error -----------
    def parse(self, source: str, name: str | None = None, filename: str | None = None) -> nodes.Template:
        try:
            ast = super().parse(source, name, filename)
        except RecursionError:
            raise TemplateSyntaxError("the template is nested too deeply", 1, name, filename) from None
        except ValueError as error:  # a number literal longer than Python converts (4300 digits)
            raise TemplateSyntaxError(str(error), 1, name, filename) from None
        for node_type, tag in STANDALONE_TAGS.items():
            for node in ast.find_all(node_type):
                raise TemplateSyntaxError(
                    f"'{{% {tag} %}}' is not available: a template cannot use other templates or files",
                    node.lineno,
                    name,
                    filename,
                )
        return ast

    def compile(  # type: ignore[override]
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Compile through :meth:`parse`, so every template passes its checks."""
        if isinstance(source, str):
            source = self.parse(source, name, filename)
        try:
            return super().compile(source, name, filename, raw, defer_init)
        except (RecursionError, SyntaxError):
            # Python's own limits on the generated code (e.g. more than 20 nested loops).
            raise TemplateSyntaxError("the template is nested too deeply", 1, name, filename) from None

    # --- render time ---------------------------------------------------------------------------
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
        if isinstance(obj, str) and attr in BLOCKED_STR_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def unsafe_undefined(self, obj: Any, attribute: str) -> NoReturn:
        """Refuse an unsafe attribute at once, not when its undefined value is later used.

        Jinja's default lets ``''|attr('__class__')|attr('__base__')`` fail further on with
        "has no attribute '__base__'"; staff should read which access was refused.
        """
        raise SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe")

    def wrap_str_format(self, value: Any) -> None:
        """``str.format`` is refused (``is_safe_attribute``), not wrapped: it pads to any width."""
        return None

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Refuse string methods whose result would be too long, before they build it."""
        text = getattr(__obj, "__self__", None)
        method = getattr(__obj, "__name__", "")
        if isinstance(text, int) and method == "to_bytes" and args and isinstance(args[0], int):
            _too_long(args[0], "a value")
        if isinstance(text, str | bytes) and callable(__obj):
            if method == "replace" and len(args) >= 2 and all(isinstance(a, type(text)) for a in args[:2]):
                count = args[2] if len(args) > 2 else kwargs.get("count")
                _too_long(_replaced_size(text, args[0], args[1], count), "a replaced value")
            elif method in PADDING_METHODS and args and isinstance(args[0], int):
                _too_long(args[0], "a padded value")
            elif method == "expandtabs":
                size = args[0] if args else kwargs.get("tabsize", 8)
                if isinstance(size, int):
                    tabs = text.count("\t" if isinstance(text, str) else b"\t")
                    _too_long(len(text) + tabs * size, "a value with tabs expanded")
            elif method == "join" and args:
                items = list(args[0])
                _too_long(_joined_size([i for i in items if isinstance(i, str | bytes)], text), "a joined value")
                args = (items, *args[1:])
        return super().call(__context, __obj, *args, **kwargs)

    def _capped_filters(self) -> None:
        """``replace``, ``join``, ``batch``, ``slice`` and ``tojson`` with their sizes checked first."""
        # The sync versions: this environment is never async.
        replace, join, batch = filters.do_replace, filters.sync_do_join, filters.do_batch
        slice_, tojson = filters.sync_do_slice, filters.do_tojson

        @pass_eval_context
        def capped_replace(eval_ctx: EvalContext, s: Any, old: str, new: str, count: int | None = None) -> Any:
            _too_long(_replaced_size(str(s), str(old), str(new), count), "a replaced value")
            return replace(eval_ctx, s, old, new, count)

        @pass_eval_context
        def capped_join(eval_ctx: EvalContext, value: Any, d: str = "", attribute: Any = None) -> Any:
            if attribute is not None:
                value = map(make_attrgetter(eval_ctx.environment, attribute), value)
            return join(eval_ctx, _joined(value, str(d)), d)

        def capped_batch(value: Any, linecount: int, fill_with: Any = None) -> Any:
            _check_count(linecount, "a batch")
            return batch(value, linecount, fill_with)

        def capped_slice(value: Any, slices: int, fill_with: Any = None) -> Any:
            _check_count(slices, "a slice")
            return slice_(value, slices, fill_with)

        @pass_eval_context
        def capped_tojson(eval_ctx: EvalContext, value: Any, indent: int | None = None) -> Any:
            if isinstance(indent, int) and indent > MAX_JSON_INDENT:
                raise SecurityError(f"a JSON indent larger than {MAX_JSON_INDENT}")
            return tojson(eval_ctx, value, indent)

        for name, function in {
            "replace": capped_replace,
            "join": capped_join,
            "batch": capped_batch,
            "slice": capped_slice,
            "tojson": capped_tojson,
        }.items():
            function.__doc__ = self.filters[name].__doc__
            self.filters[name] = function


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
