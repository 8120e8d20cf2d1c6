"""Draft + template -> Markdown, one text per language, in the sandbox.

Every ``{{ value }}`` passes ``finalize``: user text is escaped for Markdown (so ``*``, ``#``,
``1.`` stay as typed), dates print in the language's long form and lists as "A, B ve C".
The filters templates use (casing, case suffixes, dates, numbers, ordinals, quotes, lists)
all take the language from the render context, so one environment serves tr, az and en.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Any, NoReturn

from jinja2 import Template as JinjaTemplate
from jinja2 import TemplateError, pass_context
from jinja2.runtime import Context

from pressdraft.core.library import TEMPLATE_KEY, Template, file_of, source_file, template_problem
from pressdraft.core.problems import FieldPath, Location, PressdraftError, Problem
from pressdraft.document.blocks import markdown_problem
from pressdraft.language._base import CASES
from pressdraft.language.attribution import quoted
from pressdraft.language.casing import capitalize, lower, title, upper
from pressdraft.language.dates import dateline, format_date, format_date_range, format_datetime, format_running_date
from pressdraft.language.english import headline_text, with_article
from pressdraft.language.lists import format_list
from pressdraft.language.names import inflect
from pressdraft.language.numbers import count, format_number, ordinal, spell_number
from pressdraft.language.quotes import quote
from pressdraft.language.times import format_time, format_time_range
from pressdraft.pipeline.bytecode import compiled, user_cache
from pressdraft.pipeline.resolve import Missing, Paragraphs, mentions
from pressdraft.safety.markdown import Markdown, escape_paragraphs, escape_text
from pressdraft.safety.sandbox import ReleaseSandbox, bounded


def _in_language(function: Callable[..., Any], dated: bool = False) -> Callable[..., Any]:
    """A filter that calls ``function(value, lang, ...)``; gap markers pass through untouched. A ``dated``
    one also gets the release's date (``release=``): dates are written relative to it (no year in the
    release's year; in English also the weekday within its week, AP, ``language/ap_dates.py``)."""

    @pass_context
    def language_filter(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, Missing):
            return value
        if dated:
            kwargs.setdefault("release", _release_date(context))
        return function(value, context["lang"], *args, **kwargs)

    language_filter.__doc__ = function.__doc__
    return language_filter


def _case(case: str) -> Callable[..., str]:
    def inflect_case(value: Any, lang: str, **options: Any) -> str:
        return inflect(value, case, lang, **options)

    inflect_case.__doc__ = f"The {case} of a name: {inflect.__doc__ or ''}"
    return inflect_case


def _strings(function: Callable[..., str]) -> Callable[..., str]:
    def on_text(value: Any, lang: str, *args: Any) -> str:
        return function(str(value), lang, *args)

    on_text.__doc__ = function.__doc__
    return on_text


def _lines(values: Any, lang: str) -> Markdown:
    """The non-empty values as lines of one paragraph (an address, a contact)."""
    return Markdown("\\\n".join(escape_text(str(v)) for v in values if v and str(v).strip()))


def _list(style: str) -> Callable[..., str]:
    def join(values: Any, lang: str, case: str | None = None) -> str:
        """Join a list (A, B ve C); ``case`` inflects the group by its last member (B'nin)."""
        items: list[Any] = list(values)
        if case and items:
            items[-1] = inflect(items[-1], case, lang)
        return format_list(items, lang, style=style)

    join.__doc__ = {
        "and": "Join with the language's 'and': A, B ve C / A, B və C / A, B, and C.",
        "or": "Join with the language's 'or': A, B veya C / A, B və ya C / A, B, or C.",
        "with": "Join people acting together: two with 'ile' in Turkish (A ile B), else as and_list.",
    }[style]
    return join


def _ranged(function: Callable[..., str]) -> Callable[..., str]:
    """``{{ start|date_range(end) }}``: the filter gets (start, lang, end), the range function (start, end, lang)."""

    def from_start(start: Any, lang: str, end: Any = None, **options: Any) -> str:
        return function(start, end, lang, **options)

    from_start.__doc__ = function.__doc__
    return from_start


def _clock(function: Callable[..., str]) -> Callable[..., Markdown]:
    """A time's text is digits, points, dashes and a.m./p.m. (or the fixed "to be announced"): printed as
    it is, so ``09.30`` at the start of a value is not escaped as if it began a numbered list."""

    def clock_text(*args: Any) -> Markdown:
        return Markdown(function(*args))

    clock_text.__doc__ = function.__doc__
    return clock_text


# The filters a template can use: one registry, read by the environment and the docs.
FILTERS: dict[str, Callable[..., Any]] = {
    **{case: _case(case) for case in CASES},
    "upper": _strings(upper),
    "lower": _strings(lower),
    "title": _strings(title),
    "capitalize": _strings(capitalize),
    "date": format_date,
    "datetime": format_datetime,
    "date_range": _ranged(format_date_range),
    "running_date": format_running_date,
    "dateline": dateline,
    "time": _clock(format_time),
    "time_range": _clock(_ranged(format_time_range)),
    "number": format_number,
    "words": spell_number,
    "count": count,
    "ordinal": ordinal,
    "quote": _strings(quote),
    "and_list": _list("and"),
    "or_list": _list("or"),
    "with_list": _list("with"),
    "lines": _lines,
    "the": _strings(with_article),
    "headline": _strings(headline_text),
    "quoted": quoted,
}
#: Filters written relative to the release's date.
DATED = frozenset({"date", "date_range"})


def _release_date(context: Context) -> dt.date | None:
    return getattr(context.get("release"), "date", None)


@pass_context
def _finalize(context: Context, value: Any) -> str:
    """Every printed value: escaped text, long dates, joined lists."""
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    if isinstance(value, Paragraphs):
        return escape_paragraphs(value)
    if isinstance(value, dt.date):
        return escape_text(format_date(value, context["lang"], release=_release_date(context)))
    if isinstance(value, list | tuple):
        return escape_text(format_list([str(v) for v in value], context["lang"]))
    return escape_text(str(value))


class Refused(Exception):
    """A template declined to print something it cannot say truly of this draft (``refuse``)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def refuse(field: Any, message: Any) -> NoReturn:
    """Stop the render: the template cannot say something true of the draft's ``field`` (``event.status``,
    ``fields.quotes``); the problem names that field and the language, not the template's line."""
    raise Refused(str(field), str(message))


def _field_path(field: str) -> FieldPath:
    """``body[2].quote`` -> ``("body", 2, "quote")``: a path as a template writes it."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", field))


@cache
def environment() -> ReleaseSandbox:
    env = ReleaseSandbox(finalize=_finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update({name: _in_language(function, name in DATED) for name, function in FILTERS.items()})
    env.globals["refuse"] = refuse
    return env


@cache
def _compiled(version: str, lang: str, source: str, keep: bool) -> JinjaTemplate:
    return compiled(environment(), source, user_cache() if keep else None)


def compile_template(template: Template, lang: str, *, keep: bool = False) -> JinjaTemplate:
    """The compiled source of one language, reused for as long as the template is unchanged; with
    ``keep`` (trusted templates only: ``pipeline/bytecode.py``), kept for the next process too."""
    if lang not in template.sources:
        raise PressdraftError(
            Problem(TEMPLATE_KEY, "template {id!r} has no {lang} version", {"id": template.id, "lang": lang})
        )
    try:
        return _compiled(template.version, lang, template.sources[lang], keep)
    except TemplateError as error:
        raise PressdraftError(template_problem(template, lang, error)) from None


def render_markdown(template: Template, lang: str, context: dict[str, Any], *, keep: bool = False) -> str:
    """Run one language's template on a resolved context; what it prints is bounded before anyone
    parses it (``blocks.markdown_problem``), the problem naming the template and the language.
    ``keep``: see ``compile_template``."""
    jinja_template = compile_template(template, lang, keep=keep)
    try:
        text = bounded(jinja_template.generate(context))
    except Refused as refusal:
        at = Location(field=_field_path(refusal.field), lang=lang)
        raise PressdraftError(Problem(at, "{message}", {"message": refusal.message})) from None
    except (TemplateError, ArithmeticError, TypeError, ValueError, RecursionError) as error:
        raise PressdraftError(template_problem(template, lang, error)) from None
    markdown = _tidy(text)
    if context.get("body") and not mentions(template, lang, "body"):
        markdown = with_body(markdown, context["body"])
    problem = markdown_problem(markdown)
    if problem:
        raise PressdraftError(Problem(file_of(template.id, source_file(lang)), *problem))
    return markdown


#: Parts of a release after its story: the body goes before the first of them (or its heading).
_CLOSING_PARTS = re.compile(r"^\{\.(?:about|contact|closing|end)\}\s*$")


def with_body(markdown: str, body: str) -> str:
    """A template's Markdown with the body inserted after its own paragraphs: before the first
    ``{.about}``, ``{.contact}``, ``{.closing}`` or ``{.end}`` part, or before the heading just above it
    ("About …", "Media contact"); at the end when it has none (docs/attribution.md)."""
    lines = markdown.rstrip("\n").split("\n")
    at = next((i for i, line in enumerate(lines) if _CLOSING_PARTS.match(line)), len(lines))
    above = at - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if at < len(lines) and above >= 0 and lines[above].startswith("#"):
        at = above
    before, after = "\n".join(lines[:at]).rstrip(), "\n".join(lines[at:]).lstrip("\n")
    return "\n\n".join(part for part in (before, body, after) if part) + "\n"


def _tidy(markdown: str) -> str:
    """At most one blank line in a row, no trailing blanks: templates stay readable."""
    lines = [line.rstrip() for line in markdown.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"
