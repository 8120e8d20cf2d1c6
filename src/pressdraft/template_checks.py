"""What a template must pass before it can be used, each problem at its file and line.

Jinja syntax; variables used but not declared in ``meta.yaml``; declared fields never used;
languages that use different fields; and the template's sample values rendered in every
language under the sandbox. ``env.parse`` does not fold constants, so parsing is safe even
for hostile sources.
"""

from __future__ import annotations

from jinja2 import TemplateSyntaxError, nodes
from jinja2.meta import find_undeclared_variables

from pressdraft.directory import Directory
from pressdraft.engine import Engine
from pressdraft.library import RESERVED_NAMES, Library, Template, source_file
from pressdraft.problems import PressdraftError, Problem
from pressdraft.render import environment, template_problem


def _first_line(ast: nodes.Template, name: str) -> int | None:
    return next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)


def _where(template: Template, lang: str, line: int | None = None) -> str:
    return f"{template.id}/{source_file(lang)}" + (f":{line}" if line else "")


def used_fields(template: Template) -> tuple[dict[str, set[str]], list[Problem]]:
    """The names each language's source reads, and its syntax errors."""
    used: dict[str, set[str]] = {}
    problems: list[Problem] = []
    globals_ = set(environment().globals)
    for lang, source in template.sources.items():
        try:
            ast = environment().parse(source)
        except TemplateSyntaxError as error:
            problems.append(template_problem(template, lang, error))
            continue
        names = find_undeclared_variables(ast) - globals_
        used[lang] = names
        declared = {f.name for f in template.meta.fields} | RESERVED_NAMES
        for name in sorted(names - declared):
            problems.append(
                Problem(
                    _where(template, lang, _first_line(ast, name)),
                    "uses {name!r}, which meta.yaml does not declare",
                    {"name": name},
                )
            )
    return used, problems


def check(template: Template, directory: Directory) -> list[Problem]:
    """Every problem of one template: shipped ones checked here, any other in the sandbox
    worker (its samples are rendered, and a hostile template must not stop the server)."""
    from pressdraft.safety import worker

    if template.origin == "shipped" or worker.in_worker():
        return check_template(template, directory)
    return worker.check_untrusted(template, directory.model_dump(mode="json", exclude_none=True))


def check_template(template: Template, directory: Directory) -> list[Problem]:
    """Every problem of one template; an empty list means it can be saved and used."""
    used, problems = used_fields(template)
    missing = [lang for lang in ("tr", "az", "en") if lang not in template.sources]
    for lang in missing:
        problems.append(Problem(_where(template, lang), "the {lang} version is missing", {"lang": lang}))
    declared = [f.name for f in template.meta.fields]
    for name in declared:
        in_langs = [lang for lang, names in used.items() if name in names]
        if not in_langs and used:
            problems.append(
                Problem(f"{template.id}/meta.yaml", "field {name!r} is declared but never used", {"name": name})
            )
        elif len(in_langs) != len(used):
            absent = ", ".join(lang for lang in used if lang not in in_langs)
            problems.append(
                Problem(
                    f"{template.id}/meta.yaml",
                    "field {name!r} is used in {present} but not in {absent}",
                    {"name": name, "present": ", ".join(in_langs), "absent": absent},
                )
            )
    if problems:
        return problems
    engine = Engine(Library({template.id: template}, {}), directory)
    try:
        draft = engine.draft_from_data(engine_data(template))
        engine.render(draft)
    except PressdraftError as error:
        problems.extend(
            Problem(f"{template.id}/meta.yaml: sample", "{message}", {"message": str(p)}) for p in error.problems
        )
    return problems


def engine_data(template: Template) -> dict[str, object]:
    """The template's sample draft as plain data, validated like any draft file."""
    sample = template.sample_draft()
    return sample.model_dump(mode="json", exclude_none=True) | {"fields": sample.fields}
