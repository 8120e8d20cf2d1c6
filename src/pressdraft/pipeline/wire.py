"""What crosses the pipes between the server and a sandbox worker: JSON only, rebuilt field by field.

The server never unpickles anything a worker wrote; what it takes back (Markdown, blocks, problems)
is checked part by part, bounds included, so a hostile template cannot hand the server more than a
render of a trusted one could.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pressdraft import N_
from pressdraft.core.library import file_of, source_file
from pressdraft.core.problems import NOWHERE, FieldPath, Location, PressdraftError, Problem, Row
from pressdraft.document.blocks import BLOCK_KINDS, Block, Run, is_safe_link
from pressdraft.safety.limits import MAX_RELEASE_CHARS, MAX_RELEASE_LINES, MAX_RELEASE_RUNS

TIMEOUT_MESSAGE = N_("the template took longer than {seconds} s and was stopped")
MEMORY_MESSAGE = N_("the template used more than {megabytes} MB of memory and was stopped")
CRASH_MESSAGE = N_("the template stopped the renderer ({reason})")
FAILED_MESSAGE = N_("the template failed: {message}")
START_MESSAGE = N_("the template sandbox could not start: {reason}")
BUSY_MESSAGE = N_("the server is busy, try again in a moment (no renderer was free within {seconds} s)")


def json_value(value: Any) -> Any:
    """Dates in drafts read from YAML travel as ISO text, as in a JSON draft file."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be sent to the template sandbox")


def _markdown_from_json(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise PressdraftError(Problem(NOWHERE, CRASH_MESSAGE, {"reason": "an answer that is not Markdown"}))
    return value


def documents_from_json(value: Any) -> tuple[dict[str, str], dict[str, list[Block]]]:
    """Markdown and blocks rebuilt from the worker's JSON, every part checked, bounds included."""
    try:
        markdown = _markdown_from_json(value["markdown"])
        blocks = {lang: blocks_from_json(value["blocks"][lang]) for lang in markdown}
    except (KeyError, TypeError, ValueError):
        raise PressdraftError(Problem(NOWHERE, CRASH_MESSAGE, {"reason": "an answer that is not a document"})) from None
    return markdown, blocks


def blocks_from_json(value: list[Any]) -> list[Block]:
    if len(value) > MAX_RELEASE_LINES:
        raise ValueError("too many blocks")
    blocks = []
    for kind, level, runs, *extra in value:
        src, new_list = extra or (None, False)  # a photo's picture and a list's start, when given
        if kind not in BLOCK_KINDS or type(level) is not int or not 0 <= level <= len(value):
            raise ValueError("not a block")
        if not (src is None or (kind == "photo" and isinstance(src, str))) or type(new_list) is not bool:
            raise ValueError("not a block")
        blocks.append(Block(kind, tuple(_run(*run) for run in runs), level, src, new_list))
    if sum(len(run.text) for block in blocks for run in block.runs) > MAX_RELEASE_CHARS:
        raise ValueError("too long")
    if sum(len(block.runs) for block in blocks) > MAX_RELEASE_RUNS:
        raise ValueError("too many runs")
    return blocks


def _run(text: Any, bold: Any, italic: Any, href: Any) -> Run:
    if not (isinstance(text, str) and type(bold) is bool and type(italic) is bool):
        raise ValueError("not a run")
    return Run(text, bold, italic, href if isinstance(href, str) and is_safe_link(href) else None)


def blocks_to_json(blocks: list[Block]) -> list[Any]:
    return [
        [block.kind, block.level, [[r.text, r.bold, r.italic, r.href] for r in block.runs], block.src, block.new_list]
        for block in blocks
    ]


def problems_from_json(value: Any) -> list[Problem]:
    """Problems rebuilt field by field from the worker's JSON (nothing else is taken from it)."""
    problems = []
    for item in value if isinstance(value, list) else []:
        params = item.get("params") if isinstance(item.get("params"), dict) else {}
        severity = item.get("severity") if item.get("severity") in ("error", "gap", "warning") else "error"
        problems.append(
            Problem(
                _location_from_json(item.get("at")),
                str(item.get("template", "")),
                {str(k): str(v) for k, v in params.items()},
                severity=severity,
            )
        )
    return problems


def _location_from_json(value: Any) -> Location:
    value = value if isinstance(value, dict) else {}
    line = value.get("line")
    entries = value.get("entries")
    return Location(
        file=str(value.get("file", "")),
        line=line if type(line) is int and line > 0 else None,
        variant=str(value.get("variant", "")),
        field=_path_from_json(value.get("field")),
        entries=tuple(_path_from_json(entry) for entry in entries) if isinstance(entries, list) else (),
        lang=value["lang"] if isinstance(value.get("lang"), str) else None,
    )


def _path_from_json(value: Any) -> FieldPath:
    """Names, positions and ``{"row": id}`` rows; anything else is left out."""
    parts: list[str | int | Row] = []
    for part in value if isinstance(value, list) else []:
        if isinstance(part, str) or type(part) is int:
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("row"), str):
            parts.append(Row(part["row"]))
    return tuple(parts)


def _path_to_json(path: FieldPath) -> list[Any]:
    return [{"row": part.id} if isinstance(part, Row) else part for part in path]


def problem_at(template_id: str, lang: str | None, message: str, params: dict[str, str]) -> Problem:
    """A problem of the sandbox with a template: in its file of ``lang``, or the template as a whole."""
    return Problem(file_of(template_id, source_file(lang)) if lang else Location(file=template_id), message, params)


def problem_to_json(problem: Problem) -> dict[str, Any]:
    at = problem.at
    return {
        "at": {
            "file": at.file,
            "line": at.line,
            "variant": at.variant,
            "field": _path_to_json(at.field),
            "entries": [_path_to_json(entry) for entry in at.entries],
            "lang": at.lang,
        },
        "template": problem.template,
        "params": {k: str(v) for k, v in problem.params.items()},
        "severity": problem.severity,
    }
