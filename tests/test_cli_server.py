"""The command server (``cli/client.py``, ``cli/server.py``) with real processes: a first call runs in-process
and starts a server, the next calls are served by it with the same bytes, exit codes and messages, and with
their own cwd and environment; a changed installation gets a new server; an unsafe folder gets none.

Each test has its own ``XDG_RUNTIME_DIR``; the servers it started are stopped at its end. No time is asserted:
a server is waited for (its socket appears once it has warmed up), never timed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "joint-media-platform.yaml"
WAIT = 180  # seconds a server may take to warm up on a loaded machine before the test gives up


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Path]:
    """The servers' folder under a private ``XDG_RUNTIME_DIR``, this checkout's code, the server allowed.

    The runtime folder is a short path of its own: a Unix socket's path must fit in 107 bytes."""
    runtime = Path(tempfile.mkdtemp(prefix="pd-", dir="/tmp"))
    request.addfinalizer(partial(shutil.rmtree, runtime, ignore_errors=True))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src"))  # absolute: the import path is part of the version key
    monkeypatch.delenv("PRESSDRAFT_CLI_SERVER", raising=False)
    monkeypatch.delenv("PRESSDRAFT_LETTERHEAD", raising=False)
    yield runtime / "pressdraft"
    _stop_servers(runtime / "pressdraft")


def _stop_servers(folder: Path) -> None:
    """SIGTERM each server that holds a lock here, and wait until it has removed its socket."""
    for lock in folder.glob("*.lock"):
        socket_path = lock.with_suffix(".sock")
        try:
            os.kill(int(lock.read_text()), signal.SIGTERM)
        except (ValueError, ProcessLookupError):
            continue
        deadline = time.monotonic() + WAIT
        while socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)


def pressdraft(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m pressdraft.cli ARGS`` as a user runs it, with ``env`` added to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "pressdraft.cli", *args], capture_output=True, cwd=cwd, env={**os.environ, **env}
    )


def wait_for_server(folder: Path) -> Path:
    """The socket of the one server in ``folder``, once it listens."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        sockets = list(folder.glob("*.sock"))
        if sockets:
            return sockets[0]
        time.sleep(0.05)
    pytest.fail(f"no command server listened in {folder}")


def served(folder: Path) -> list[str]:
    """The calls the servers in ``folder`` ran, as their logs tell: one line each."""
    return [line for log in folder.glob("*.log") for line in log.read_text().splitlines() if line.startswith("served")]


def documents(output: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(output.glob("*.docx"))}


def test_a_first_call_starts_a_server_that_makes_the_same_documents_on_the_next(folder, tmp_path):
    first = pressdraft("render", str(EXAMPLE), "-o", str(tmp_path / "first"))
    assert first.returncode == 0, first.stderr
    socket_path = wait_for_server(folder)
    assert served(folder) == []
    assert socket_path.parent == folder and oct(folder.stat().st_mode & 0o777) == "0o700"

    second = pressdraft("render", str(EXAMPLE), "-o", str(tmp_path / "second"))
    in_process = pressdraft("render", str(EXAMPLE), "-o", str(tmp_path / "off"), PRESSDRAFT_CLI_SERVER="off")

    (line,) = served(folder)  # the second call, not the in-process one
    assert line.startswith("served render for pid ") and line.endswith(": exit code 0")
    assert second.returncode == in_process.returncode == 0
    assert second.stderr == in_process.stderr
    assert second.stdout.replace(b"second", b"off") == in_process.stdout
    made = documents(tmp_path / "second")
    assert len(made) == 3 and made == documents(tmp_path / "off") == documents(tmp_path / "first")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("check", str(ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml")), 0),
        (("render", "bad.yaml", "-o", "out"), 2),
        (("check", "bad.yaml"), 1),
        (("render",), 2),
        (("inflect", "--lang", "tr", "--case", "dative", "Bakü", "NATO"), 0),
        (("templates", "list"), 0),
    ],
    ids=["check-ok", "render-bad-draft", "check-bad-draft", "usage", "inflect-warns", "templates-list"],
)
def test_a_served_call_exits_and_tells_as_the_in_process_one(folder, tmp_path, args, code):
    (tmp_path / "bad.yaml").write_text("release: [\n", "utf-8")
    pressdraft("templates", "list")
    wait_for_server(folder)

    by_server = pressdraft(*args, cwd=tmp_path)
    in_process = pressdraft(*args, cwd=tmp_path, PRESSDRAFT_CLI_SERVER="off")

    assert len(served(folder)) == 1, [p.read_text() for p in folder.glob("*.log")]
    assert (by_server.returncode, by_server.stdout, by_server.stderr) == (
        in_process.returncode,
        in_process.stdout,
        in_process.stderr,
    )
    assert by_server.returncode == code
    assert code == 0 or by_server.stderr


def test_a_served_call_uses_its_own_cwd_and_environment(folder, tmp_path):
    pressdraft("templates", "list")
    wait_for_server(folder)
    shutil.copy(EXAMPLE, tmp_path / "draft.yaml")

    missing = pressdraft("render", "draft.yaml", cwd=tmp_path, PRESSDRAFT_LETTERHEAD=str(tmp_path / "none.docx"))
    made = pressdraft("render", "draft.yaml", cwd=tmp_path)

    assert len(served(folder)) == 2
    assert missing.returncode == 2 and b"none.docx" in missing.stderr
    assert made.returncode == 0, made.stderr
    assert len(documents(tmp_path / "out")) == 3


def test_a_changed_installation_gets_a_new_server(folder, tmp_path, monkeypatch):
    installed = tmp_path / "site"
    shutil.copytree(ROOT / "src" / "pressdraft", installed / "pressdraft", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", tmp_path / "templates")  # the shipped library, beside the package
    monkeypatch.setenv("PYTHONPATH", str(installed))
    pressdraft("templates", "list")
    old = wait_for_server(folder)
    assert pressdraft("templates", "list").returncode == 0
    assert len(served(folder)) == 1

    with (installed / "pressdraft" / "cli" / "commands.py").open("a") as module:
        module.write("\n# changed\n")
    changed = pressdraft("templates", "list")

    assert changed.returncode == 0
    assert len(served(folder)) == 1
    deadline = time.monotonic() + WAIT
    while len(list(folder.glob("*.sock"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert {path.name for path in folder.glob("*.sock")} - {old.name}


def test_a_folder_others_may_write_to_is_refused_and_the_command_runs_in_process(folder, tmp_path):
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)

    result = pressdraft("render", str(EXAMPLE), "-o", str(tmp_path / "out"))

    assert result.returncode == 0, result.stderr
    assert len(documents(tmp_path / "out")) == 3
    assert list(folder.iterdir()) == []


def test_a_caller_that_hangs_up_leaves_no_child_behind(folder):
    pressdraft("templates", "list")
    socket_path = wait_for_server(folder)
    server = int(socket_path.with_suffix(".lock").read_text())
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as caller:
        caller.connect(str(socket_path))

    children = Path(f"/proc/{server}/task/{server}/children")
    deadline = time.monotonic() + WAIT
    while children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children.read_text().split() == []
    assert pressdraft("templates", "list").returncode == 0
    assert len(served(folder)) == 1


def test_the_command_imports_the_standard_library_only_until_it_runs_in_process():
    program = (
        "import sys; before = set(sys.modules); import pressdraft.cli.client; print(*sorted(set(sys.modules) - before))"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in result.stdout.split()}
    assert "pressdraft" in loaded
    assert {name for name in loaded - {"pressdraft"} if name not in sys.stdlib_module_names} == set()


def _catches(pid: int, signum: int) -> bool:
    """Whether the process has a handler for the signal (``SigCgt`` in /proc)."""
    status = Path(f"/proc/{pid}/status").read_text()
    caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
    return bool(caught >> (signum - 1) & 1)


def _waiting_for_a_reader(server: int) -> bool:
    """Whether a child of the server waits in the kernel for a FIFO's other end (``wait_for_partner``)."""
    for child in Path(f"/proc/{server}/task/{server}/children").read_text().split():
        with contextlib.suppress(FileNotFoundError):
            if Path(f"/proc/{child}/wchan").read_text() == "wait_for_partner":
                return True
    return False


def _signals_as(disposition: object) -> Callable[[], None]:
    """A ``preexec_fn`` giving a new process the user's signals with ``disposition``: SIG_DFL as in a
    terminal (whatever this test process has: run in the background, it ignores SIGINT), SIG_IGN as a
    command started in the background."""

    def set_signals() -> None:
        for signum in (signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGTERM):
            signal.signal(signum, disposition)  # type: ignore[arg-type]

    return set_signals


@pytest.mark.parametrize("first_caller", [signal.SIG_DFL, signal.SIG_IGN], ids=["terminal", "background"])
def test_ctrl_c_in_the_client_interrupts_the_served_command_as_it_would_in_process(folder, tmp_path, first_caller):
    # the server takes its signals from the call, not from the caller that started it
    command = [sys.executable, "-m", "pressdraft.cli", "templates", "list"]
    subprocess.run(command, capture_output=True, check=True, preexec_fn=_signals_as(first_caller))
    socket_path = wait_for_server(folder)
    server = int(socket_path.with_suffix(".lock").read_text())
    first = pressdraft("render", str(EXAMPLE), "-o", str(tmp_path / "first"), "--lang", "tr")
    (name,) = documents(tmp_path / "first")
    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "out" / name)  # the served render blocks writing it, until interrupted

    caller = subprocess.Popen(
        [sys.executable, "-m", "pressdraft.cli", "render", str(EXAMPLE), "-o", str(tmp_path / "out"), "--lang", "tr"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_signals_as(signal.SIG_DFL),
    )
    deadline = time.monotonic() + WAIT  # the client passes signals on once the child has the call
    while not _catches(caller.pid, signal.SIGHUP) and time.monotonic() < deadline:
        time.sleep(0.01)
    # Ctrl-C while the command is stuck, as a person presses it: once the served child waits for the
    # pipe's reader, so that it is that wait the interrupt must end.
    while not _waiting_for_a_reader(server) and time.monotonic() < deadline:
        time.sleep(0.01)
    caller.send_signal(signal.SIGINT)
    _out, err = caller.communicate(timeout=WAIT)

    assert first.returncode == 0
    assert caller.returncode == -signal.SIGINT
    assert b"KeyboardInterrupt" in err
    assert served(folder)[-1].startswith("served render") and served(folder)[-1].endswith("exit code 130")
    children = Path(f"/proc/{server}/task/{server}/children")
    while children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children.read_text().split() == []
