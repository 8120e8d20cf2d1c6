"""The command server behind ``cli/client.py``: one process that has imported and warmed the render path,
forking a child per call (``python -m pressdraft.cli.server SOCKET``, started by the client).

Each child checks that the caller is this user (``SO_PEERCRED``), takes the caller's stdin/stdout/stderr
onto 0/1/2, its cwd, umask and environment, says its pid, runs the same ``commands.main`` the in-process
command runs, and sends the exit code. What the render path reads of the environment it reads at call
time, so a child sees its caller's settings. The server holds a lock beside its socket (one server per
version key), has no thread when it forks, reaps its children, writes one line per call to ``KEY.log`` (its own)
and ends after ``PRESSDRAFT_CLI_SERVER_IDLE`` seconds without a call (default 600), removing its socket.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import locale
import os
import select
import signal
import socket
import struct
import sys
import time
from pathlib import Path

from pressdraft.cli.client import FORWARDED, HEADER, PACKAGE

IDLE_SECONDS = 600.0
REQUEST_SECONDS = 10.0  # a caller that connects and sends nothing frees its child after this
#: Drafts rendered once at start, which compiles the shipped templates and loads what a render uses
#: (Babel's tr, az and en data, python-docx's writer, markdown-it): the examples beside a source checkout.
EXAMPLES = Path(PACKAGE).parents[1] / "examples"


def _quietly(argv: list[str]) -> None:
    """Run a command with its output thrown away (the server's own stdio is /dev/null anyway)."""
    from pressdraft.cli.commands import main

    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        main(argv)


def preload(scratch: Path) -> None:
    """Import and warm what the served commands use, by running them once."""
    for example in sorted(EXAMPLES.glob("*.yaml")):
        _quietly(["render", str(example), "-o", str(scratch), "--format", "docx,md", "--side-by-side"])
        _quietly(["check", str(example)])
    for lang in ("tr", "az", "en"):
        _quietly(["inflect", "--lang", lang, "--case", "dative", "Bakı"])
    _quietly(["templates", "list"])


def _exit_code(error: BaseException) -> int:
    """The exit code Python gives a process that ends by ``error``, its message printed as Python prints it."""
    if isinstance(error, SystemExit):
        if error.code is None or isinstance(error.code, int):
            return error.code or 0
        print(error.code, file=sys.stderr)
        return 1
    import traceback

    traceback.print_exception(error)
    return 128 + signal.SIGINT if isinstance(error, KeyboardInterrupt) else 1


def _receive(connection: socket.socket) -> tuple[dict, list[int]]:
    """The caller's request and its three file descriptors."""
    data, fds, _flags, _address = socket.recv_fds(connection, HEADER.size, 3)
    if len(fds) != 3:
        raise ConnectionError("the request did not carry stdin, stdout and stderr")
    (length,) = HEADER.unpack(_read_to(connection, bytearray(data), HEADER.size))
    return json.loads(_read_to(connection, bytearray(), length)), fds


def _read_to(connection: socket.socket, data: bytearray, size: int) -> bytearray:
    """``data`` completed to ``size`` bytes from the connection; a caller that hangs up early ends the child."""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the request ended early")
        data += chunk
    return data


def _take_streams(fds: list[int], settings: list[list]) -> None:
    """The caller's streams as this process's 0, 1, 2, set up as the caller's Python set up its own."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    streams = []
    for fd, (encoding, errors, line_buffering) in enumerate(settings):
        mode = "r" if fd == 0 else "w"
        buffering = 1 if line_buffering else -1
        streams.append(open(fd, mode, buffering, encoding, errors, closefd=False))  # noqa: SIM115
    sys.stdin, sys.stdout, sys.stderr = streams


def child(connection: socket.socket, log) -> int:
    """Run one call in this forked process; the code it ends with."""
    pid, uid, _gid = struct.unpack("3i", connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
    if uid != os.getuid():
        return 1
    connection.settimeout(REQUEST_SECONDS)
    request, fds = _receive(connection)
    connection.settimeout(None)
    _take_streams(fds, request["streams"])
    os.chdir(request["cwd"])
    os.umask(request["umask"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    with contextlib.suppress(locale.Error):  # as Python sets it at start, from the caller's LC_ALL, LC_CTYPE, LANG
        locale.setlocale(locale.LC_CTYPE, "")
    sys.argv = ["pressdraft", *request["argv"]]
    _take_signals(request["ignored"])
    connection.sendall(f"P{os.getpid()}\n".encode())
    from pressdraft.cli.commands import main

    try:
        code = main(request["argv"])
    except BaseException as error:  # as Python ends a process: SystemExit's code, a traceback otherwise
        code = _exit_code(error)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # as Python's own exit: a stream it cannot flush (a closed pipe) makes a 0 a 120
            code = code or 120
    print(f"served {request['argv'][0]} for pid {pid}: exit code {code}", file=log, flush=True)
    connection.sendall(f"X{code}\n".encode())
    return 0


def _take_signals(ignored: list[int]) -> None:
    """The caller's signal dispositions, whatever the server was started with (its first caller may have
    run in the background, which ignores SIGINT): what the caller ignores is ignored, Ctrl-C raises
    KeyboardInterrupt and the other signals end the command, as in a process the caller started."""
    for signum in FORWARDED:
        default = signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL
        signal.signal(signum, signal.SIG_IGN if signum in ignored else default)


def _reap(_signum: int = 0, _frame: object = None) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _stop(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def serve(path: str, idle: float, lock) -> None:
    """Accept calls on ``path`` until ``idle`` seconds pass without one; a child per call."""
    log = open(path.removesuffix(".sock") + ".log", "w", buffering=1)  # noqa: SIM115
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    try:
        listener.bind(path)  # fails for a path over 107 bytes: the clients then run their commands in-process
    except OSError as error:
        print(f"server {os.getpid()} cannot listen: {error}", file=log)
        return
    listener.listen(16)
    print(f"server {os.getpid()} listening", file=log)
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGTERM, _stop)
    last = time.monotonic()
    try:
        while (left := last + idle - time.monotonic()) > 0:
            if not select.select([listener], [], [], left)[0]:
                continue
            connection, _address = listener.accept()
            last = time.monotonic()
            if os.fork() == 0:  # the child: never returns into the loop
                code = 1
                try:
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    signal.signal(signal.SIGTERM, signal.SIG_DFL)
                    listener.close()
                    lock.close()  # the next server's lock is free once this server ends, whatever its children do
                    code = child(connection, log)
                finally:
                    os._exit(code)
            connection.close()
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        print(f"server {os.getpid()} stopped", file=log)


def run(path: str) -> None:
    """One server per socket: the one holding the lock beside it; a second one started meanwhile leaves."""
    lock = open(path.removesuffix(".sock") + ".lock", "a+")  # noqa: SIM115
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return
    lock.truncate(0)
    lock.write(f"{os.getpid()}\n")
    lock.flush()
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        preload(Path(scratch))
    import threading

    if threading.active_count() != 1:  # a fork copies only the forking thread: refuse rather than risk it
        return
    serve(path, float(os.environ.get("PRESSDRAFT_CLI_SERVER_IDLE") or IDLE_SECONDS), lock)


if __name__ == "__main__":
    run(sys.argv[1])
