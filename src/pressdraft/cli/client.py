"""The client side of the command server (as Mercurial's chg): how ``pressdraft`` hands a call to a warm server.

A new Python process spends most of a render importing pydantic, python-docx, Babel and Jinja; a server that
already holds them (``cli/server.py``) answers in a fraction of that. This module imports the standard library
only: it sends the server its argv, cwd, environment, umask and its own stdin/stdout/stderr (SCM_RIGHTS), so
the command writes straight to the user's terminal or pipes, and it exits with the code the server's child
reports. Without a server, or on any failure before the child has taken the call, ``cli/__main__.py`` runs the
command in its process as before, and starts a server for the next call when the command only reads files and
writes outputs (the store's commands always run in-process). ``PRESSDRAFT_CLI_SERVER=off`` turns it off.

The socket lives in a private folder of the user's (0700, refused otherwise), named by a version key: a hash
of this Python, the package's path, the import path and its folders' times (a package installed or removed
changes them), and the mtime and size of every file of the package, so a changed installation never talks to
an old server.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import socket
import struct
import sys

from pressdraft.safety.folders import private_folder as is_private

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The commands a server may run: they read files and write outputs, nothing else (no store, no database).
SERVED = frozenset({"render", "check", "inflect", "templates", "upgrade-draft"})
#: The signals a user sends a command (Ctrl-C, Ctrl-\\, a closed terminal, ``kill``), passed on to the child.
FORWARDED = tuple(getattr(signal, name) for name in ("SIGINT", "SIGQUIT", "SIGHUP", "SIGTERM") if hasattr(signal, name))
HEADER = struct.Struct("!I")  # the request's length, sent with the three file descriptors


def version_key() -> str:
    """A short hash of what the server's code depends on; any change to the installation changes it."""
    folders = [(entry, _mtime_ns(entry)) for entry in sys.path[1:]]  # a pip install or uninstall changes its folder's
    digest = hashlib.sha256(repr((sys.executable, PACKAGE, folders)).encode())
    for folder, subfolders, files in os.walk(PACKAGE):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(folder, name))
            digest.update(f"{folder}/{name}\0{info.st_mtime_ns}\0{info.st_size}\n".encode())
    return digest.hexdigest()[:16]


def _mtime_ns(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def private_folder() -> str | None:
    """The user's folder for command servers, created 0700; None when it is not this user's alone."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        folder = os.path.join(runtime, "pressdraft")
    else:
        cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(cache, "pressdraft", "run")
    return folder if is_private(folder) else None


def _stream_settings(stream) -> tuple[str, str, bool]:
    """How this process's Python set up a standard stream, for the child to set up its own alike."""
    return stream.encoding, stream.errors, stream.line_buffering


def _ignored_signals() -> list[int]:
    """The signals this caller ignores (as a command started in the background does SIGINT): the served
    command ignores them too, as it would in-process, and handles the others as a new process would."""
    return [signum for signum in FORWARDED if signal.getsignal(signum) is signal.SIG_IGN]


def _request(argv: list[str], ignored: list[int]) -> bytes:
    umask = os.umask(0o022)
    os.umask(umask)
    return json.dumps(
        {
            "argv": argv,
            "cwd": os.getcwd(),
            "env": dict(os.environ),
            "umask": umask,
            "streams": [_stream_settings(s) for s in (sys.stdin, sys.stdout, sys.stderr)],
            "ignored": ignored,
        }
    ).encode()


def _read_line(connection: socket.socket, pending: bytearray) -> bytes | None:
    """The next line the child sends, or None when the connection ends first."""
    while b"\n" not in pending:
        chunk = connection.recv(64)
        if not chunk:
            return None
        pending += chunk
    line, _, rest = bytes(pending).partition(b"\n")
    pending[:] = rest
    return line


def _die_by(signum: int) -> None:
    """End this process as the signal the child ended by would have, so the shell sees the same."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def served(path: str, argv: list[str]) -> int | None:
    """The exit code of ``argv`` run by the server at ``path``; None when no child took the call.

    Once the child has said it runs (its pid), the call is its: the signals a user sends this client go
    to the child (it is in the server's session, not in this terminal's process group), and a child that
    ends without an exit code ends this client alike (by the signal passed on) or with code 3."""
    try:
        ignored = _ignored_signals()
        body = _request(argv, ignored)
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(path)
        socket.send_fds(connection, [HEADER.pack(len(body))], [0, 1, 2])
        connection.sendall(body)
        pending = bytearray()
        started = _read_line(connection, pending)
    except (OSError, AttributeError, ValueError):  # no server, a stale socket, a closed standard stream
        return None
    if not started or not started.startswith(b"P"):
        return None
    child, forwarded = int(started[1:]), []

    def forward(signum: int, _frame: object) -> None:
        forwarded.append(signum)
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signum)

    for signum in set(FORWARDED) - set(ignored):
        signal.signal(signum, forward)
    try:
        ended = _read_line(connection, pending)
    except OSError:
        ended = None
    if forwarded and (ended is None or ended == f"X{128 + forwarded[-1]}".encode()):
        _die_by(forwarded[-1])
    if ended is None or not ended.startswith(b"X"):
        print("error: the command server stopped before the command ended; please report it", file=sys.stderr)
        return 3
    return int(ended[1:])


def start_server(path: str) -> None:
    """Start a server for the next calls, detached from this terminal and this process (its own session)."""
    import subprocess

    subprocess.Popen(
        [sys.executable, "-P", "-m", "pressdraft.cli.server", path],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd="/",
        start_new_session=True,
    )


def server_path(argv: list[str]) -> str | None:
    """The socket of the server for this call, or None when the call runs in-process only: the server
    turned off, a command that is not served, no private folder, or no Unix sockets and fork (Windows)."""
    if os.environ.get("PRESSDRAFT_CLI_SERVER", "").lower() == "off" or not argv or argv[0] not in SERVED:
        return None
    if os.name != "posix":
        return None
    folder = private_folder()
    return folder and os.path.join(folder, version_key() + ".sock")
