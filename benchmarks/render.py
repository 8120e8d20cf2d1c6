"""How long the example release takes to become three DOCX files, side by side with docxtpl
and with a zipfile floor, and whether memory stays flat; and the command line against pandoc.

Measured in one run, in interleaved rounds (each round times every contender once, in a
rotating order, so drift in the machine's speed hits all of them alike), after a warm-up:

- **ours**: what a user's download costs: ``engine.render(draft)`` + ``Edition(...)`` + the
  three ``edition.docx(lang)``, the engine and the letterhead reused as the app reuses them.
  ``ours, writing only`` is the three ``docx()`` of an Edition whose blocks are made: the
  part that writes WordprocessingML, the same work the floor does.
- **docxtpl**: the same release from equivalent .docx templates built on the same letterhead
  (see ``docxtpl_reference.py``): ``DocxTemplate(path)``, ``render(context)``, ``save`` for
  each language. The templates are built and the contexts made from our rendered blocks
  before timing, so docxtpl is charged neither for building them nor for the engine's
  resolve/Markdown work: its figure is a lower bound, and our ratio is conservative.
- **floor**: the XML parts of our three documents, prepared as bytes before timing, written
  as three deflated zip packages with the standard library's ``zipfile`` only. (Our documents
  store their members rather than deflate them, see ``document/docx/package.py``: the floor
  still does the deflating a Word document usually carries.)

Then 1,000 in-process renders with the growth of RSS and of Python's allocated memory blocks
between render 100 and render 1,000 (``--trace`` adds tracemalloc's figure, slowly), and the
command line: ``pressdraft render examples/joint-media-platform.yaml -o OUT`` (a new process each
time, start-up included, three DOCX) against pandoc (used by this benchmark only) turning the same
release's three Markdown files, written by our command line with ``--format md`` beforehand, into
DOCX in three processes, timed in interleaved rounds. Prints medians in milliseconds and, as the
last line, ``ratio_vs_docxtpl=<ours/docxtpl> ratio_vs_floor=<ours writing/floor>
ratio_vs_pandoc=<our command line/pandoc's three>`` (``n/a`` without pandoc):
against docxtpl the whole of our pipeline (draft to three files, more work than docxtpl's);
against the floor, which only writes prepared WordprocessingML, our writing of the same
WordprocessingML from the release's blocks. The whole pipeline against the floor is printed too.
Run with ``make bench``; tests never assert times (``tests/test_benchmarks.py`` runs each
part once so that it does not rot).
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pressdraft.core.model import Draft
from pressdraft.document.blocks import Block
from pressdraft.document.docx import DocumentInfo, write_side_by_side
from pressdraft.document.export import Edition
from pressdraft.pipeline.engine import Engine
from pressdraft.pipeline.in_process import IN_PROCESS

if str(Path(__file__).resolve().parent) not in sys.path:  # imported by the smoke test too
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import docxtpl_reference  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "data" / "v1" / "joint-media-platform.yaml"
CLI_EXAMPLE = ROOT / "examples" / "joint-media-platform.yaml"  # the same release in format 2

REPEAT = 40  # rounds of the side-by-side timing
RENDERS, MARK = 1000, 100  # memory: renders in all, and the one the growth is measured from
CLI_REPEAT = 10  # rounds of the command line against pandoc
ROWS = (1_000, 4_000)  # list rows of the side-by-side scaling


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def side_by_side(actions: dict[str, Callable[[], object]], repeat: int, warmup: int = 2) -> dict[str, float]:
    """Median ms of each action, timed in ``repeat`` rounds that rotate the order."""
    for _ in range(warmup):
        for action in actions.values():
            action()
    names = list(actions)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            action = actions[name]
            start = time.perf_counter()
            action()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


# -- the contenders ---------------------------------------------------------------------


@dataclass
class Setup:
    engine: Engine
    draft: Draft
    edition: Edition  # rendered once, blocks made: for "writing only" and the references
    templates: dict[str, Path]  # docxtpl templates, one per language
    contexts: dict[str, dict[str, object]]  # docxtpl contexts, from our rendered blocks
    parts: dict[str, list[tuple[str, bytes]]]  # our documents' zip members, for the floor


def prepare(folder: Path) -> Setup:
    """Everything built before timing; checks that docxtpl's documents match ours."""
    engine = Engine.default(IN_PROCESS)
    draft = engine.load_draft(EXAMPLE)
    edition = Edition(engine.render(draft))
    languages = list(draft.languages)
    templates = docxtpl_reference.build_templates(folder, languages)
    contexts = {
        lang: docxtpl_reference.context_from_blocks(edition.blocks[lang], edition.rendition.issuers[lang])
        for lang in languages
    }
    parts: dict[str, list[tuple[str, bytes]]] = {}
    for lang in languages:
        ours = edition.docx(lang)
        theirs = docxtpl_reference.render(templates[lang], contexts[lang])
        differences = docxtpl_reference.same_body(ours, theirs)
        if differences:
            raise SystemExit(f"docxtpl's {lang} document differs from ours: " + "; ".join(differences[:5]))
        with zipfile.ZipFile(io.BytesIO(ours)) as archive:
            parts[lang] = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return Setup(engine, draft, edition, templates, contexts, parts)


def ours(setup: Setup) -> Callable[[], list[bytes]]:
    """A user's download: render the draft, make the edition, write the three DOCX."""
    engine, draft = setup.engine, setup.draft

    def run() -> list[bytes]:
        edition = Edition(engine.render(draft))
        return [edition.docx(lang) for lang in draft.languages]

    return run


def ours_writing(setup: Setup) -> Callable[[], list[bytes]]:
    """The DOCX writer alone: the three ``docx()`` of an edition whose blocks are made."""
    edition, languages = setup.edition, list(setup.draft.languages)
    return lambda: [edition.docx(lang) for lang in languages]


def docxtpl(setup: Setup) -> Callable[[], list[bytes]]:
    """docxtpl as documented, once per language: DocxTemplate(path), render, save."""
    jobs = [(setup.templates[lang], setup.contexts[lang]) for lang in setup.draft.languages]
    return lambda: [docxtpl_reference.render(template, context) for template, context in jobs]


def floor(setup: Setup) -> Callable[[], list[bytes]]:
    """The same parts written as three deflated zip packages with ``zipfile`` alone."""
    packages = [setup.parts[lang] for lang in setup.draft.languages]

    def run() -> list[bytes]:
        out = []
        for members in packages:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, data in members:
                    archive.writestr(name, data)
            out.append(buffer.getvalue())
        return out

    return run


def with_rows(edition: Edition, rows: int) -> list[tuple[list[Block], DocumentInfo]]:
    """The example's editions for the side-by-side, each with its bullet list made ``rows`` long."""
    editions = []
    for lang, blocks in edition.blocks.items():
        bullets = [b for b in blocks if b.kind == "bullet"]
        first = blocks.index(bullets[0])
        many = [bullets[i % len(bullets)] for i in range(rows)]
        editions.append(([*blocks[:first], *many, *blocks[first + len(bullets) :]], edition.info(lang)))
    return editions


def rows_scaling(setup: Setup, rows: tuple[int, int] = ROWS, repeat: int = 3) -> dict[int, float]:
    """Median ms of the side-by-side edition of each row count."""
    return {n: median_ms(partial(write_side_by_side, with_rows(setup.edition, n)), repeat) for n in rows}


# -- memory and the command line ------------------------------------------------------------


def rss_kib() -> int | None:
    """The process's resident set size now (Linux); None where /proc is missing."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return None
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def memory_growth(
    setup: Setup, renders: int = RENDERS, mark: int = MARK, trace: bool = False
) -> dict[str, float | None]:
    """Growth between render ``mark`` and render ``renders``: of RSS, and of the memory
    blocks Python has allocated (``sys.getallocatedblocks``: every live object, at no cost).

    With ``trace``, tracemalloc runs from render ``mark`` on, so what it reports at the end
    is what the later renders allocated and still hold (it slows each render about 5×: the
    whole benchmark then takes over a minute)."""
    run = ours(setup)
    for _ in range(mark):
        run()
    gc.collect()
    rss_before, blocks_before = rss_kib(), sys.getallocatedblocks()
    if trace:
        tracemalloc.start()
    for _ in range(renders - mark):
        run()
    gc.collect()
    traced = tracemalloc.get_traced_memory()[0] / 1024 if trace else None
    tracemalloc.stop()
    rss_after, blocks_after = rss_kib(), sys.getallocatedblocks()
    return {
        "rss_kib": None if rss_before is None or rss_after is None else rss_after - rss_before,
        "blocks": blocks_after - blocks_before,
        "traced_kib": traced,
    }


def cli_environment(folder: Path) -> dict[str, str]:
    """The command line's environment as a user's installation has it: this checkout's package, its
    bytecode written (pip compiles it when it installs; this machine sets PYTHONDONTWRITEBYTECODE) in
    ``folder``, its own cache of compiled shipped templates (``pipeline/bytecode.py``) there too, and
    its own folder for the command server (``cli/client.py``), which is on as by default."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PRESSDRAFT_CLI_SERVER")}
    (folder / "run").mkdir(mode=0o700)
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")])),
        PYTHONPYCACHEPREFIX=str(folder / "pycache"),
        XDG_CACHE_HOME=str(folder / "cache"),
        XDG_RUNTIME_DIR=str(folder / "run"),
    )
    return env


def pressdraft_command() -> list[str]:
    """``pressdraft`` as a user runs it: the client (``cli/__main__.py``, also the installed script's entry
    point), as ``python -m pressdraft.cli`` so that it is this checkout's whatever the installed script names."""
    return [sys.executable, "-m", "pressdraft.cli"]


def wait_for_server(folder: Path, seconds: float = 120) -> Path | None:
    """The socket of the command server the first call started, once it listens (None if it never does)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sockets = list(folder.glob("*.sock"))
        if sockets:
            return sockets[0]
        time.sleep(0.05)
    return None


def stop_server(socket_path: Path | None) -> None:
    """Stop the command server the benchmark started (its pid is in the lock beside its socket)."""
    if socket_path is not None:
        with contextlib.suppress(ValueError, OSError):
            os.kill(int(socket_path.with_suffix(".lock").read_text()), signal.SIGTERM)


@dataclass(frozen=True)
class CommandLine:
    first_ms: float  # the very first run: in-process, bytecode and compiled templates written, a server started
    ours_ms: float  # median: ``pressdraft render CLI_EXAMPLE -o OUT``, a new client, served by the warm server
    in_process_ms: float  # median: the same with ``PRESSDRAFT_CLI_SERVER=off``, as before the server
    pandoc_ms: float | None  # median: pandoc on the three Markdown files, three processes; None without pandoc
    served: bool  # whether the server listened in time: without it, ``ours`` ran in-process too


def command_line(repeat: int = CLI_REPEAT) -> CommandLine:
    """Our command line as a user runs it again and again (the first call, in-process, starts the command
    server; the next are served by it) against the same with the server off and against pandoc making the
    same release's three DOCX from the three Markdown files our command line writes, in interleaved rounds
    (each round runs every contender, rotating which goes first)."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = cli_environment(folder)
        render = [*pressdraft_command(), "render", str(CLI_EXAMPLE), "-o", str(folder / "ours")]
        run = partial(subprocess.run, check=True, capture_output=True, env=env)
        first_ms = median_ms(partial(run, render), 1)
        server = wait_for_server(folder / "run" / "pressdraft")
        try:
            markdown = run([*render[:-1], str(folder / "md"), "--format", "md"]).stdout.decode().split()
            pandoc = shutil.which("pandoc")
            actions: dict[str, Callable[[], object]] = {
                "ours": partial(run, render),
                "in_process": partial(run, render, env={**env, "PRESSDRAFT_CLI_SERVER": "off"}),
            }
            if pandoc:
                commands = [[pandoc, md, "-o", str(Path(md).with_suffix(".docx"))] for md in markdown]
                actions["pandoc"] = lambda: [run(command) for command in commands]
            medians = side_by_side(actions, repeat, warmup=1)
        finally:
            stop_server(server)
    return CommandLine(first_ms, medians["ours"], medians["in_process"], medians.get("pandoc"), server is not None)


# -- the run ------------------------------------------------------------------------------


def main(
    repeat: int = REPEAT,
    renders: int = RENDERS,
    mark: int = MARK,
    cli_repeat: int = CLI_REPEAT,
    trace: bool = False,
    rows: tuple[int, int] = ROWS,
) -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        setup = prepare(Path(folder))
        medians = side_by_side(
            {
                "ours": ours(setup),
                "ours_writing": ours_writing(setup),
                "docxtpl": docxtpl(setup),
                "floor": floor(setup),
            },
            repeat,
        )
        memory = memory_growth(setup, renders, mark, trace)
        scaling = rows_scaling(setup, rows)
    cli = command_line(cli_repeat)
    inproc, tpl, zip_floor = medians["ours"], medians["docxtpl"], medians["floor"]
    print(f"three DOCX, median of {repeat} interleaved rounds (docxtpl's documents checked equal to ours):")
    print(f"  ours in-process (render + edition + 3 docx): {inproc:.1f} ms")
    print(f"  ours, DOCX writing only (3 docx):            {medians['ours_writing']:.1f} ms")
    print(f"  docxtpl (DocxTemplate, render, save) x 3:    {tpl:.1f} ms")
    print(f"  floor (stdlib zipfile, deflate) x 3:         {zip_floor:.1f} ms")
    rss, traced = memory["rss_kib"], memory["traced_kib"]
    print(
        f"memory, {renders} in-process renders, growth from render {mark} to {renders}: "
        f"RSS {'n/a' if rss is None else f'{rss:+d} KiB'}, Python blocks {memory['blocks']:+d}"
        + ("" if traced is None else f", tracemalloc {traced:+.1f} KiB")
    )
    print(
        f"three DOCX from the command line ({CLI_EXAMPLE.name}, a new process each): median {cli.ours_ms:.1f} ms "
        + ("served by the warm command server" if cli.served else "IN-PROCESS: the command server never listened")
        + f"; in-process (PRESSDRAFT_CLI_SERVER=off) {cli.in_process_ms:.1f} ms"
    )
    print(f"  cold: the very first run, in-process, writing bytecode and compiled templates: {cli.first_ms:.1f} ms")
    pandoc = (
        "pandoc not installed (used by this benchmark only)" if cli.pandoc_ms is None else f"{cli.pandoc_ms:.1f} ms"
    )
    print(f"pandoc, the same release's three Markdown files to DOCX, three processes: {pandoc}")
    print(
        f"in_process_ms={inproc:.1f} cli_ms={cli.ours_ms:.1f} (whole benchmark {time.perf_counter() - started:.0f} s)"
    )
    (few, few_ms), (many, many_ms) = scaling.items()
    print(
        f"side by side, {few:,} vs {many:,} list rows: {few_ms:.0f} ms vs {many_ms:.0f} ms, "
        f"ratio {many_ms / few_ms:.2f} (linear: {many / few:.0f})"
    )
    writing = medians["ours_writing"]
    print(f"whole pipeline vs floor: {inproc / zip_floor:.2f}x (Markdown and templates included)")
    vs_pandoc = "n/a" if cli.pandoc_ms is None else f"{cli.ours_ms / cli.pandoc_ms:.2f}"
    print(f"ratio_vs_docxtpl={inproc / tpl:.2f} ratio_vs_floor={writing / zip_floor:.2f} ratio_vs_pandoc={vs_pandoc}")


if __name__ == "__main__":
    main(trace="--trace" in sys.argv[1:])
