"""Edited templates are compiled and rendered in a worker process with bounded time and memory.

The sandbox (``sandbox.py``) refuses escapes and the blow-ups it can see, but Python code
cannot interrupt itself: nested loops, ``~`` doubling in a loop or one huge integer power
run until they finish or exhaust memory, and a thread cannot be stopped. A process can: each
request gets ``timeout`` seconds of processor time (then the worker is killed and replaced;
on an idle server that is ``timeout`` on the clock, on a loaded one at most ``WALL_FACTOR``
times that) and each worker has an address-space limit (``RLIMIT_AS``), so a hostile
template costs its author a clear error and nobody else anything.

Workers are started with ``subprocess`` (a fork and an exec in C, safe in the threaded
server) rather than ``multiprocessing``: under Streamlit ``__main__`` is the app script, and
both ``spawn`` and ``forkserver`` would run that script again in every worker. A few workers
are kept warm, each serving one request at a time, and a stopped one is replaced in the
background. Only JSON crosses the pipes, both ways: the template's id and files, the draft
and the directory as data; back Markdown or problems. The server never unpickles anything
a worker wrote. Inside the worker the ordinary pipeline runs (``Engine.render``,
``check_template``), and the Markdown is parsed into document blocks there too: what an
untrusted template printed is never parsed in the server.

One user holds at most ``MAX_WORKERS_PER_USER`` workers at once (their further requests
wait), and a request that gets no worker within ``QUEUE_WAIT`` seconds is refused ("the
server is busy"), so one person's slow templates cannot slow everybody's renders. The user
is the one named by ``act_for`` in the calling thread (the app names the signed-in user on
every page run). A worker that crashes or is stopped is one line for its template, never
a traceback: its standard error goes nowhere and its loop answers every request in JSON.
The limits are in ``safety/limits.py``.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from multiprocessing.connection import Connection
from typing import Any, Literal

from pressdraft.core.directory import Directory
from pressdraft.core.library import Template
from pressdraft.core.model import draft_to_data
from pressdraft.core.problems import NOWHERE, PressdraftError, Problem
from pressdraft.document.blocks import Block
from pressdraft.document.rendition import Rendered
from pressdraft.language import editorial
from pressdraft.pipeline.engine import RenderRequest
from pressdraft.pipeline.wire import (
    BUSY_MESSAGE,
    CRASH_MESSAGE,
    MEMORY_MESSAGE,
    START_MESSAGE,
    TIMEOUT_MESSAGE,
    documents_from_json,
    json_value,
    problem_at,
    problems_from_json,
)
from pressdraft.safety.limits import (
    MAX_REPLY_BYTES,
    MAX_REQUESTS,
    MAX_WORKERS,
    MAX_WORKERS_PER_USER,
    MEMORY_LIMIT_MB,
    QUEUE_WAIT,
    RENDER_TIMEOUT,
    START_TIMEOUT,
    WALL_FACTOR,
    WARM_WORKERS,
)

# The worker's command line: the server's import path, then the pipes and the memory limit.
_BOOTSTRAP = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[1]); "
    "from pressdraft.pipeline.worker import serve; serve(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))"
)
Kind = Literal["documents", "check"]
_user: ContextVar[str] = ContextVar("pressdraft_sandbox_user", default="")


def act_for(user: str) -> None:
    """Count this thread's renders and checks, from now on, against ``user``'s share of the workers."""
    _user.set(user)


# --- the public API -------------------------------------------------------------------------------


def render_documents(
    template: Template,
    draft_data: Mapping[str, Any],
    directory_data: Mapping[str, Any],
    languages: Sequence[str],
    *,
    allow_incomplete: bool,
    timeout: float = RENDER_TIMEOUT,
) -> tuple[dict[str, str], dict[str, list[Block]]]:
    """``Engine.render(...)``'s Markdown and blocks for an untrusted template, both computed in a worker.

    The draft and the directory are plain data (``draft_to_data``,
    ``Directory.model_dump(mode="json", exclude_none=True)``); ``languages`` empty means the
    draft's. Raises ``PressdraftError`` with the draft's problems, the template's, or one
    saying the template took too long or used too much memory, naming its file.
    """
    request = {
        "draft": draft_data,
        "directory": directory_data,
        "languages": list(languages),
        "allow_incomplete": allow_incomplete,
    }
    value, problems = default_pool().run(template, "documents", request, timeout)
    if value is None:
        raise PressdraftError(problems)
    return value  # type: ignore[no-any-return]


def check_untrusted(
    template: Template, directory_data: Mapping[str, Any], *, timeout: float = RENDER_TIMEOUT
) -> list[Problem]:
    """``template_checks.check_template`` computed in a worker; a limit broken is a problem too,
    and so is a busy server or a sandbox that cannot start (the check did not pass)."""
    try:
        _, problems = default_pool().run(template, "check", {"directory": directory_data}, timeout)
    except PressdraftError as error:
        return list(error.problems)
    return problems


class SandboxRunner:
    """Renders and checks in a worker process of the shared pool: for templates staff edited or a
    folder given on the command line, whose code must not be able to stop the server."""

    def render(self, request: RenderRequest) -> Rendered:
        """Only the languages of the resolutions are sent: the worker resolves the draft again."""
        template = request.template
        return render_documents(
            template,
            draft_to_data(request.draft, [f.name for f in template.meta.fields]),
            request.directory.model_dump(mode="json", exclude_none=True),
            list(request.resolutions),
            allow_incomplete=request.allow_incomplete,
        )

    def check(self, template: Template, directory: Directory) -> list[Problem]:
        return check_untrusted(template, directory.model_dump(mode="json", exclude_none=True))


_default_pool: SandboxPool | None = None
_default_lock = threading.Lock()


def default_pool() -> SandboxPool:
    """The process-wide pool, started on first use (its workers warm up in the background)."""
    global _default_pool
    with _default_lock:
        if _default_pool is None:
            _default_pool = SandboxPool()
        return _default_pool


def shutdown() -> None:
    """Stop every worker (at exit, and in tests); the next request starts a new pool."""
    global _default_pool
    with _default_lock:
        pool, _default_pool = _default_pool, None
    if pool is not None:
        pool.close()


atexit.register(shutdown)


# --- the pool, in the server process --------------------------------------------------------------


class _Stopped(Exception):
    """The worker had to be stopped, or stopped by itself, before it answered."""

    def __init__(self, why: Literal["time", "crash", "lost"], lang: str | None, reason: str = ""):
        super().__init__(why, lang, reason)
        self.why = why
        self.lang = lang
        self.reason = reason


class _Worker:
    """One worker process and its two pipes; used by one thread at a time."""

    def __init__(self, memory_bytes: int):
        self.requests = 0
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        self._to = Connection(request_w, readable=False)
        self._from = Connection(reply_r, writable=False)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-c", _BOOTSTRAP, json.dumps(_import_path()), str(request_r), str(reply_w)]
                + [str(memory_bytes)],
                pass_fds=(request_r, reply_w),  # and no other descriptor: no database connection, no socket
                env=_environment(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # a crash is one line for its template, never a traceback in the log
                start_new_session=True,  # Ctrl-C and terminal signals are for the server
            )
        except BaseException:
            self._to.close()
            self._from.close()
            raise
        finally:
            os.close(request_r)
            os.close(reply_w)
        try:
            if not self._from.poll(START_TIMEOUT):
                raise PressdraftError(Problem(NOWHERE, START_MESSAGE, {"reason": f"no answer in {START_TIMEOUT:g} s"}))
            self._receive()  # "ready"
        except (EOFError, OSError, ValueError):
            self.stop()
            raise PressdraftError(Problem(NOWHERE, START_MESSAGE, {"reason": self._exit_reason()})) from None
        except BaseException:
            self.stop()
            raise

    def ask(self, request: dict[str, Any], timeout: float) -> tuple[str, Any, str | None]:
        """Send one request; the answer, with the language the pipeline was last at."""
        self.requests += 1
        lang: str | None = None
        received = False  # the worker says so first: if it dies before, the request never reached it
        cpu_before = _cpu_seconds(self.process.pid)
        started = time.monotonic()
        deadline, last_call = started + timeout, started + timeout * WALL_FACTOR
        try:
            self._to.send_bytes(json.dumps(request, default=json_value).encode())
        except OSError:
            raise _Stopped("lost", lang, self._exit_reason()) from None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                deadline = self._later_deadline(cpu_before, timeout, last_call)
                if deadline is None:
                    raise _Stopped("time", lang)
                continue
            if not self._from.poll(remaining):
                continue
            try:
                kind, value = self._receive()
            except (EOFError, OSError, ValueError):
                raise _Stopped("crash" if received else "lost", lang, self._exit_reason()) from None
            if kind == "received":
                received = True
                continue
            if kind == "lang":
                lang = value if isinstance(value, str) else None
                continue
            return kind, value, lang

    def _later_deadline(self, cpu_before: float | None, timeout: float, last_call: float) -> float | None:
        """More wall time for a worker that has not had ``timeout`` of processor time yet.

        On a loaded server a normal template can be kept waiting for the processor; it is
        the template's own work that is limited, up to ``WALL_FACTOR`` times the limit.
        """
        now = time.monotonic()
        cpu_now = _cpu_seconds(self.process.pid)
        if cpu_before is None or cpu_now is None or now >= last_call:
            return None
        left = timeout - (cpu_now - cpu_before)
        return min(now + max(left, 0.01), last_call) if left > 0 else None

    def _receive(self) -> tuple[str, Any]:
        message = json.loads(self._from.recv_bytes(MAX_REPLY_BYTES))
        if not (isinstance(message, list) and len(message) == 2 and isinstance(message[0], str)):
            raise ValueError("not a worker's message")
        return message[0], message[1]

    def _exit_reason(self) -> str:
        try:
            code = self.process.wait(1.0)
        except subprocess.TimeoutExpired:
            return "no answer"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    def stop(self) -> None:
        """Kill the process (it may be stuck in C code) and release its pipes."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._to.close()
        self._from.close()

    def retire(self) -> None:
        """Let an idle worker exit on its own (end of its request pipe), then make sure it did."""
        self._to.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(1.0)
        self.stop()


class SandboxPool:
    """A few warm workers shared by the server's threads; a stopped one is replaced in the background.

    ``warm`` workers are always alive, so a normal render costs a pipe round trip, not a
    process start; more are started when several requests come at once, up to
    ``max_workers`` (a flood of hostile previews cannot start unbounded processes: further
    requests wait their turn), and stop again when they are no longer needed. One user holds
    at most ``per_user`` workers at once, and nobody waits longer than ``queue_wait`` seconds
    for one: then the request is refused, saying the server is busy.
    """

    def __init__(
        self,
        *,
        memory_mb: int = MEMORY_LIMIT_MB,
        warm: int = WARM_WORKERS,
        max_workers: int = MAX_WORKERS,
        max_requests: int = MAX_REQUESTS,
        per_user: int = MAX_WORKERS_PER_USER,
        queue_wait: float = QUEUE_WAIT,
    ):
        self.memory_mb = memory_mb
        self.warm = warm
        self.max_workers = max(max_workers, 1)
        self.max_requests = max_requests
        self.per_user = max(per_user, 1)
        self.queue_wait = queue_wait
        self._busy: dict[str, int] = {}  # workers taken, by user
        self._idle: list[_Worker] = []
        self._running = 0  # processes alive or starting, idle or busy
        self._starting = 0  # of which being started in the background
        self._starters: list[threading.Thread] = []
        self._closed = False
        self._changed = threading.Condition()
        with self._changed:
            self._fill()

    def run(
        self, template: Template, kind: Kind, request: dict[str, Any], timeout: float, *, user: str | None = None
    ) -> tuple[Any, list[Problem]]:
        """``(value, [])`` or ``(None, problems)``; a limit broken is a problem, never an exception.

        ``user`` (by default the one ``act_for`` named): whose share of the workers this takes.
        No worker free for them within ``queue_wait`` seconds: ``PressdraftError``, the server is busy.
        """
        user = _user.get() if user is None else user
        deadline = time.monotonic() + self.queue_wait
        message = {
            "kind": kind,
            "template": {
                "id": template.id,
                "version": template.version,
                "files": template.files,
                "origin": template.origin,
                "number": template.number,
            },
            "timeout": timeout,
            "house_style": editorial.current(),
            **request,
        }
        for attempt in (1, 2):
            worker = self._take(user, deadline, template.id)
            healthy = False
            try:
                reply, value, lang = worker.ask(message, timeout)
                healthy = reply in ("ok", "problems")
                break
            except _Stopped as stopped:
                if stopped.why == "lost" and attempt == 1:
                    continue  # it died while idle (killed from outside): not this template's doing
                return None, [_stopped_problem(template.id, stopped, timeout)]
            finally:
                self._give_back(worker, healthy, user)
        if reply == "ok":
            return documents_from_json(value), []
        if reply == "memory":
            return None, [problem_at(template.id, lang, MEMORY_MESSAGE, {"megabytes": str(self.memory_mb)})]
        return None, problems_from_json(value)

    @property
    def processes(self) -> int:
        """How many worker processes are alive or starting (for tests and monitoring)."""
        with self._changed:
            return self._running

    def busy(self, user: str) -> int:
        """How many workers ``user`` holds now (for tests and monitoring)."""
        with self._changed:
            return self._busy.get(user, 0)

    def idle_pids(self) -> list[int]:
        """The process ids of the idle workers (for tests and monitoring)."""
        with self._changed:
            return [worker.process.pid for worker in self._idle]

    def close(self) -> None:
        """Stop the idle workers and wait for background starts; busy ones stop when given back."""
        with self._changed:
            self._closed = True
            idle, self._idle = self._idle, []
            self._running -= len(idle)
            starters = list(self._starters)
            self._changed.notify_all()
        for worker in idle:
            worker.retire()
        for thread in starters:
            thread.join()

    # --- taking and giving back workers -------------------------------------------------------
    def _take(self, user: str, deadline: float, template_id: str) -> _Worker:
        with self._changed:
            while True:
                if self._closed:
                    raise PressdraftError(Problem(NOWHERE, START_MESSAGE, {"reason": "the sandbox is shut down"}))
                if self._busy.get(user, 0) < self.per_user:
                    if self._idle:
                        self._busy[user] = self._busy.get(user, 0) + 1
                        return self._idle.pop()
                    if not self._starting and self._running < self.max_workers:
                        self._running += 1
                        self._busy[user] = self._busy.get(user, 0) + 1
                        break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise PressdraftError(
                        problem_at(template_id, None, BUSY_MESSAGE, {"seconds": f"{self.queue_wait:g}"})
                    )
                self._changed.wait(remaining)  # for a worker given back or started in the background
        try:
            return _Worker(self.memory_mb * 1024 * 1024)
        except BaseException:
            with self._changed:
                self._running -= 1
                self._release(user)
                self._changed.notify_all()
            raise

    def _release(self, user: str) -> None:
        """One worker fewer held by ``user`` (the lock is held)."""
        left = self._busy.pop(user, 1) - 1
        if left > 0:
            self._busy[user] = left

    def _give_back(self, worker: _Worker, healthy: bool, user: str) -> None:
        with self._changed:
            self._release(user)
            keep = healthy and not self._closed and worker.requests < self.max_requests
            keep = keep and len(self._idle) < self.warm
            if keep:
                self._idle.append(worker)
            else:
                self._running -= 1
                self._fill()
            self._changed.notify_all()
        if not keep:
            if healthy:
                worker.retire()
            else:
                worker.stop()

    def _fill(self) -> None:
        """Start workers in the background until ``warm`` are alive (the lock is held)."""
        while not self._closed and self._running < min(self.warm, self.max_workers):
            self._running += 1
            self._starting += 1
            thread = threading.Thread(target=self._start_one, name="pressdraft-sandbox-start", daemon=True)
            self._starters.append(thread)
            thread.start()

    def _start_one(self) -> None:
        worker: _Worker | None = None
        try:
            worker = _Worker(self.memory_mb * 1024 * 1024)
        except Exception:  # noqa: BLE001 - a request that needs a worker will start one and report why
            worker = None
        with self._changed:
            self._starting -= 1
            self._starters.remove(threading.current_thread())
            keep = worker is not None and not self._closed
            if keep:
                self._idle.append(worker)  # type: ignore[arg-type]
            else:
                self._running -= 1
            self._changed.notify_all()
        if worker is not None and not keep:
            worker.retire()


def _cpu_seconds(pid: int) -> float | None:
    """The processor time a worker has used (Linux ``/proc``); None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _import_path() -> list[str]:
    """The server's ``sys.path``, with the current folder spelled out as the worker will need it."""
    return [entry or os.getcwd() for entry in sys.path]


def _environment() -> dict[str, str]:
    """What the worker may see of the server's environment: locale and time zone, never secrets."""
    return {k: v for k, v in os.environ.items() if k in ("PATH", "TZ", "LANG", "LANGUAGE") or k.startswith("LC_")}


def _stopped_problem(template_id: str, stopped: _Stopped, timeout: float) -> Problem:
    if stopped.why == "time" or "SIGXCPU" in stopped.reason:
        return problem_at(template_id, stopped.lang, TIMEOUT_MESSAGE, {"seconds": f"{timeout:g}"})
    return problem_at(template_id, stopped.lang, CRASH_MESSAGE, {"reason": stopped.reason})
