"""What a template must pass before it can be used, each problem at its file and line.

Jinja syntax; variables used but not declared in ``meta.yaml``; declared fields never used;
languages that use different fields; and the template rendered in every language under the
sandbox, not only with its sample values but with values made from them (``variants``): a
template that explodes only on longer texts or more list rows, or prints what no document can
hold, is refused here rather than failing a release later. ``env.parse`` does not fold
constants, so parsing is safe even for hostile sources.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import replace
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, nodes
from jinja2.meta import find_undeclared_variables

from pressdraft import LANGUAGES
from pressdraft.core.directory import Directory
from pressdraft.core.fields import Stock
from pressdraft.core.library import (
    META_FILE,
    RESERVED_NAMES,
    FieldSpec,
    Template,
    file_of,
    source_file,
    template_problem,
)
from pressdraft.core.model import MAX_DRAFT_CHARACTERS
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.safety.limits import CHECK_LIST_ROWS, CHECK_NUMBER
from pressdraft.safety.text import LIMITS

#: The values a template is rendered with by ``check_template``, each named in its problems.
VARIANTS = {
    "sample": "sample",
    "empty": "with its optional fields empty",
    "long": "with every text as long as a draft allows and every number {number}",
    "rows": "with {rows} rows in every list",
    "choice": "with choice {number} of every choice field",
    **{f"only-{lang}": f"with {lang} as the only language" for lang in LANGUAGES},
}


def _first_line(ast: nodes.Template, name: str) -> int | None:
    return next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)


def used_fields(template: Template, env: Environment) -> tuple[dict[str, set[str]], list[Problem]]:
    """The names each language's source reads, and its syntax errors, as ``env`` (the renderer's) reads it."""
    used: dict[str, set[str]] = {}
    problems: list[Problem] = []
    globals_ = set(env.globals)
    for lang, source in template.sources.items():
        try:
            ast = env.parse(source)
        except TemplateSyntaxError as error:
            problems.append(template_problem(template, lang, error))
            continue
        names = find_undeclared_variables(ast) - globals_
        used[lang] = names
        declared = {f.name for f in template.meta.fields} | RESERVED_NAMES
        for name in sorted(names - declared):
            problems.append(
                Problem(
                    file_of(template.id, source_file(lang), _first_line(ast, name)),
                    "uses {name!r}, which meta.yaml does not declare",
                    {"name": name},
                )
            )
    return used, problems


def declared_problems(template: Template, env: Environment) -> list[Problem]:
    """What the template's files say of themselves: languages missing, fields declared and not used,
    used in some languages only. Rendering its samples is the engine's part (``Engine.check_template``)."""
    used, problems = used_fields(template, env)
    missing = [lang for lang in ("tr", "az", "en") if lang not in template.sources]
    for lang in missing:
        problems.append(
            Problem(file_of(template.id, source_file(lang)), "the {lang} version is missing", {"lang": lang})
        )
    declared = [f.name for f in template.meta.fields]
    for name in declared:
        in_langs = [lang for lang, names in used.items() if name in names]
        if not in_langs and used:
            problems.append(
                Problem(file_of(template.id, META_FILE), "field {name!r} is declared but never used", {"name": name})
            )
        elif len(in_langs) != len(used):
            absent = ", ".join(lang for lang in used if lang not in in_langs)
            problems.append(
                Problem(
                    file_of(template.id, META_FILE),
                    "field {name!r} is used in {present} but not in {absent}",
                    {"name": name, "present": ", ".join(in_langs), "absent": absent},
                )
            )
    return problems


def variant_problems(template: Template, variant: str, error: PressdraftError) -> list[Problem]:
    """A render of one of ``variants`` refused: its problems, each saying which values broke it."""
    name, _, number = variant.partition(":")
    variant_text = VARIANTS[name].format(rows=CHECK_LIST_ROWS, number=number or CHECK_NUMBER)
    at = replace(file_of(template.id, META_FILE), variant=variant_text)
    return [Problem(at, "{message}", {"message": str(p)}) for p in error.problems]


def engine_data(template: Template) -> dict[str, object]:
    """The template's sample draft as plain data, validated like any draft file."""
    sample = template.sample_draft()
    return sample.model_dump(mode="json", exclude_none=True) | {"fields": sample.fields}


def variants(template: Template, directory: Directory) -> dict[str, dict[str, Any]]:
    """The sample draft, then drafts made from it within the draft's limits: optional fields
    left out; every field filled (``_filler`` where the sample has none), every text at its
    longest, every number ``CHECK_NUMBER`` and an embargo; every field filled and
    ``CHECK_LIST_ROWS`` rows in every list, contacts too; each choice of the choice fields
    (each in all three languages, as the sample); and the sample in each language alone, that
    language its source."""
    sample = engine_data(template)
    specs = template.meta.fields
    fields: dict[str, Any] = sample["fields"]  # type: ignore[assignment]
    filled = fields | {spec.name: _filler(spec, sample, directory) for spec in specs if spec.name not in fields}

    release: dict[str, Any] = sample["release"]  # type: ignore[assignment]
    choices = max((len(spec.choices) for spec in specs), default=0)

    def changed(values: dict[str, Any], change: Any, **release_changes: Any) -> dict[str, Any]:
        new = {spec.name: change(spec, values[spec.name]) for spec in specs if values.get(spec.name) is not None}
        fields = {name: value for name, value in new.items() if value is not None}
        return sample | {"fields": fields, "release": release | release_changes}

    def choice(number: int) -> Any:
        return lambda spec, value: spec.choices[number % len(spec.choices)] if spec.choices else value

    return {
        "sample": sample,
        "empty": changed(fields, lambda spec, value: value if spec.required else None),
        "long": changed(filled, _longest_within(specs, filled), embargo=f"{release['date']}T09:00:00+03:00"),
        "rows": changed(
            filled,
            lambda spec, value: _rows(value) if spec.field_type.is_list else value,
            contacts=_rows(release.get("contacts")),
        ),
        **{f"choice:{number + 1}": changed(filled, choice(number)) for number in range(choices)},
        **{f"only-{lang}": sample | {"languages": [lang], "source_language": lang} for lang in LANGUAGES},
    }


def _filler(spec: FieldSpec, sample: dict[str, Any], directory: Directory) -> Any:
    """A value for a field the samples leave out, so that the check renders it too."""
    stock = Stock(
        text=dict.fromkeys(LANGUAGES, "text"),
        date=sample["release"]["date"],  # type: ignore[index]
        person=next(iter(directory.people), None),
        place=next(iter(directory.places), None),
        choices=spec.choices,
    )
    return spec.field_type.filler(stock)


def _longest_within(specs: list[FieldSpec], values: dict[str, Any]) -> Any:
    """``_longest`` with each text also within its share of the draft's characters
    (``MAX_DRAFT_CHARACTERS`` over every text of ``values`` in every language, and a margin for
    the texts it does not lengthen), so the long draft is one a drafter could have written."""
    texts = sum(len(spec.field_type.localized_texts(values[spec.name])) for spec in specs if values.get(spec.name))
    return functools.partial(_longest, share=MAX_DRAFT_CHARACTERS * 9 // 10 // (len(LANGUAGES) * max(texts, 1)))


def _longest(spec: FieldSpec, value: Any, *, share: int) -> Any:
    """A field's sample with every text repeated to the longest the draft allows (``share``: the
    most a text may take of the whole draft's characters, each text also within its own limit),
    or the value its type takes instead (a number's)."""
    kind = spec.field_type
    if kind.longest is not None:
        return kind.longest(value)
    for at in kind.texts:
        value = at.replaced(value, functools.partial(_longer, limit=min(share, LIMITS[at.limit])))
    return value


def _longer(texts: Any, limit: int) -> Any:
    """Each language's text repeated, word by word, up to ``limit`` characters."""
    if not isinstance(texts, dict):
        return texts
    out = {}
    for lang, text in texts.items():
        words = itertools.cycle(str(text).split() or ["text"])
        longer = next(words)
        while len(longer) < limit:
            longer = f"{longer} {next(words)}"
        out[lang] = longer[:limit].rstrip()
    return out


def _rows(value: Any) -> Any:
    return [*itertools.islice(itertools.cycle(value), CHECK_LIST_ROWS)] if isinstance(value, list) and value else value
