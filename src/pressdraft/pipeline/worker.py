"""The sandbox worker process: one request at a time, the ordinary pipeline run in-process.

Started by ``pool`` with ``python -I -c`` (never imported by the server): it limits its own
memory, warms up the pipeline, then answers each request (documents, check) in JSON
(``wire``), a template's failure being one problem, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import resource
import signal
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from typing import Any

from pressdraft.core.directory import parse_directory
from pressdraft.core.library import Template
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.language import editorial
from pressdraft.language.dates import format_date, format_datetime
from pressdraft.language.lists import format_list
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.render import environment
from pressdraft.pipeline.wire import FAILED_MESSAGE, blocks_to_json, problem_at, problem_to_json

# --- the worker process ----------------------------------------------------------------------------

# A worker's parsed templates by (id, version), each with its plain sources.
_Parsed = dict[tuple[str, str], tuple[Template, dict[str, str]]]


class _Sources(dict[str, str]):
    """A template's sources that tell the server which language the pipeline takes next.

    ``render.compile_template`` reads ``sources[lang]`` right before compiling and
    rendering that language, so a timeout or a crash can name the file.
    """

    def __init__(self, sources: Mapping[str, str], report: Callable[[str], None]):
        super().__init__(sources)
        self._report = report

    def __getitem__(self, lang: str) -> str:
        self._report(lang)
        return super().__getitem__(lang)


def serve(request_fd: int, reply_fd: int, memory_bytes: int) -> None:
    """The worker's loop: one request at a time, until the server closes the pipe or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit(resource.RLIMIT_AS, memory_bytes)
    requests = Connection(request_fd, writable=False)
    replies = Connection(reply_fd, readable=False)
    _warm_up()
    parsed: _Parsed = {}

    def send(kind: str, value: Any) -> None:
        replies.send_bytes(json.dumps([kind, value], ensure_ascii=False).encode())

    send("ready", None)
    while True:
        try:
            request = json.loads(requests.recv_bytes())
        except (EOFError, OSError):
            break
        send("received", None)
        _limit_cpu(request["timeout"])
        kind, value = _answer(request, parsed, send)
        try:
            send(kind, value)
        except MemoryError:
            break
        except ValueError as error:  # text JSON cannot carry as UTF-8: the template's, said in one line
            problem = problem_at(request["template"]["id"], None, FAILED_MESSAGE, {"message": _describe(error)})
            kind = "failed"
            send(kind, [problem_to_json(problem)])
        if kind not in ("ok", "problems"):
            break  # after a MemoryError or a surprise, a fresh process is the safe state
    requests.close()
    replies.close()


def _answer(request: dict[str, Any], parsed: _Parsed, send: Callable[[str, Any], None]) -> tuple[str, Any]:
    seen: list[str] = []

    def report(lang: str) -> None:
        if seen[-1:] != [lang]:
            seen.append(lang)
            send("lang", lang)

    try:
        editorial.use(request["house_style"])
        template = _template(request["template"], parsed, report)
        if request["kind"] == "check":
            return "problems", [problem_to_json(p) for p in _check(template, request)]
        return "ok", _render(template, request)
    except PressdraftError as error:
        return "problems", [problem_to_json(p) for p in error.problems]
    except MemoryError:
        return "memory", None
    except Exception as error:  # noqa: BLE001 - a template must never take the worker's loop down
        lang = seen[-1] if seen else None
        problem = problem_at(request["template"]["id"], lang, FAILED_MESSAGE, {"message": _describe(error)})
        return "failed", [problem_to_json(problem)]


def _template(data: dict[str, Any], parsed: _Parsed, report: Callable[[str], None]) -> Template:
    """The request's template, parsed once per version; its sources report progress."""
    key = (data["id"], data["version"])
    if key not in parsed:
        if len(parsed) >= 32:
            parsed.clear()
        template = Template(data["id"], data["files"], origin=data["origin"], number=data["number"])
        parsed[key] = (template, dict(template.sources))
    template, sources = parsed[key]
    template.sources = _Sources(sources, report)
    return template


def _render(template: Template, request: dict[str, Any]) -> dict[str, Any]:
    """The Markdown of each language and its blocks (parsed here, not in the server)."""
    engine = Engine.single(template, parse_directory(request["directory"]), IN_PROCESS)
    draft = engine.draft_from_data(request["draft"])
    rendition = engine.render(draft, request["languages"] or None, allow_incomplete=request["allow_incomplete"])
    blocks = {lang: blocks_to_json(parsed) for lang, parsed in rendition.blocks.items()}
    return {"markdown": dict(rendition.markdown), "blocks": blocks}


def _check(template: Template, request: dict[str, Any]) -> list[Problem]:
    return IN_PROCESS.check(template, parse_directory(request["directory"]))


def _warm_up() -> None:
    """Load the pipeline and the languages' data before saying ready: not the template's time."""
    try:
        env = environment()
        for lang in ("tr", "az", "en"):
            format_date(dt.date(2021, 10, 23), lang)
            format_datetime(dt.datetime(2021, 10, 23, 10, 0, tzinfo=dt.UTC), lang)
            format_list(["a", "b", "c"], lang)
            env.from_string("{{ x|upper }}{{ x|quote }}{{ x|genitive }}{{ 3|ordinal }}").render(x="Ankara", lang=lang)
    except Exception:  # noqa: BLE001, S110 - warming up is an optimisation only
        pass


def _describe(error: Exception) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _limit(which: int, value: int) -> None:
    """Lower a resource limit, never above the hard limit the process already has."""
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, hard))


def _limit_cpu(timeout: float) -> None:
    """A CPU-time backstop for this request, should the server die and not stop the worker."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    _limit(resource.RLIMIT_CPU, math.ceil(usage.ru_utime + usage.ru_stime + timeout) + 2)
