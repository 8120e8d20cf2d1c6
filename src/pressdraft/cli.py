"""The command line: ``pressdraft render | check | templates | inflect``.

Bad input gets one clear line per problem and exit code 2; ``check`` exits 1 when it finds
a problem; nothing ever prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pressdraft import LANGUAGES, language
from pressdraft.directory import default_directory, load_directory
from pressdraft.docx import PdfConversionError, PdfUnavailable, font_coverage_warnings, load_letterhead
from pressdraft.engine import Engine
from pressdraft.export import FORMATS, Edition, pdf_files, zip_edition
from pressdraft.library import Library, default_templates_folder, read_template_folder
from pressdraft.problems import PressdraftError, Problem
from pressdraft.template_checks import check_template


class UsageError(Exception):
    """A command-line option with a value we cannot use."""


def _csv(value: str, allowed: Sequence[str], what: str) -> list[str]:
    items = [item.strip() for item in value.split(",") if item.strip()]
    unknown = [item for item in items if item not in allowed]
    if unknown or not items:
        raise UsageError(f"unknown {what} {', '.join(unknown) or repr(value)}; choose from {', '.join(allowed)}")
    return items


def _engine(args: argparse.Namespace) -> Engine:
    directory = load_directory(args.directory) if args.directory else default_directory()
    return Engine(Library.from_folder(args.library or default_templates_folder()), directory)


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        label = {"error": "error", "gap": "missing", "warning": "warning"}[problem.severity]
        print(f"{label}: {problem}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    engine = _engine(args)
    draft = engine.load_draft(args.draft)
    langs = _csv(args.lang, LANGUAGES, "language") if args.lang else list(draft.languages)
    formats = _csv(args.format, FORMATS, "format")
    rendition = engine.render(draft, langs, allow_incomplete=args.allow_incomplete)
    _print_problems(rendition.gaps)
    edition = Edition(rendition)
    letterhead = load_letterhead(args.letterhead.read_bytes()) if args.letterhead else None
    if letterhead is not None:
        for warning in font_coverage_warnings([b for blocks in edition.blocks.values() for b in blocks], letterhead):
            print(f"warning: {warning}", file=sys.stderr)
    files = edition.files([f for f in formats if f != "pdf"], side_by_side=args.side_by_side, letterhead=letterhead)
    if "pdf" in formats:
        docx = [f for f in files if f.name.endswith(".docx")] or edition.files(["docx"], letterhead=letterhead)
        files += pdf_files(docx)
    if args.zip:
        files = [zip_edition(edition, files, engine.dump_draft(draft))]
    args.output.mkdir(parents=True, exist_ok=True)
    for file in files:
        (args.output / file.name).write_bytes(file.data)
        print(args.output / file.name)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        draft = engine.load_draft(args.draft)
    except PressdraftError as error:
        _print_problems(error.problems)
        return 1
    problems = engine.check(draft)
    _print_problems(problems)
    if not problems:
        print(f"{args.draft}: no problems")
    return 1 if problems else 0


def cmd_templates_list(args: argparse.Namespace) -> int:
    library = Library.from_folder(args.library or default_templates_folder())
    for template in library:
        langs = ",".join(template.sources)
        print(f"{template.id}\t{template.meta.name.get('en') or ''}\t{langs}\t{template.version}")
    for template_id in library.broken:
        print(f"{template_id}\t(has errors: run 'pressdraft templates check')")
    return 0


def cmd_templates_check(args: argparse.Namespace) -> int:
    path: Path = args.path or default_templates_folder()
    directory = load_directory(args.directory) if args.directory else default_directory()
    if (path / "meta.yaml").is_file():
        templates, broken = [read_template_folder(path)], {}
    else:
        library = Library.from_folder(path)
        templates, broken = list(library), library.broken
    problems = [p for error in broken.values() for p in error.problems]
    for template in templates:
        problems += check_template(template, directory)
    _print_problems(problems)
    for template in templates:
        print(f"{template.id}: {'ok' if not any(p.path.startswith(template.id) for p in problems) else 'problems'}")
    return 1 if problems else 0


def cmd_inflect(args: argparse.Namespace) -> int:
    for name in args.names:
        print(language.inflect(name, args.case, args.lang, reading=args.reading))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="pressdraft", description="Trilingual press releases from one draft.")
    commands = main.add_subparsers(dest="command", required=True)

    def sources(p: argparse.ArgumentParser) -> None:
        p.add_argument("--library", type=Path, help="a folder of templates (default: the shipped library)")
        p.add_argument("--directory", type=Path, help="a directory file of people, organizations, places")

    render = commands.add_parser("render", help="write the release in each language")
    render.add_argument("draft", type=Path)
    render.add_argument("-o", "--output", type=Path, default=Path("out"), help="output folder (default: out)")
    render.add_argument("--lang", help="languages to write, e.g. tr,az (default: the draft's)")
    render.add_argument("--format", default="docx", help=f"comma-separated: {', '.join(FORMATS)} (default: docx)")
    render.add_argument("--allow-incomplete", action="store_true", help="mark missing translations instead of refusing")
    render.add_argument(
        "--side-by-side", action="store_true", help="also write one DOCX with the languages side by side"
    )
    render.add_argument("--zip", action="store_true", help="write everything, with the draft, as one ZIP")
    render.add_argument("--letterhead", type=Path, help="a letterhead .docx made in Word")
    sources(render)
    render.set_defaults(run=cmd_render)

    check = commands.add_parser("check", help="list every problem of a draft")
    check.add_argument("draft", type=Path)
    sources(check)
    check.set_defaults(run=cmd_check)

    templates = commands.add_parser("templates", help="the template library")
    template_commands = templates.add_subparsers(dest="templates_command", required=True)
    listing = template_commands.add_parser("list", help="list the templates")
    listing.add_argument("--library", type=Path)
    listing.set_defaults(run=cmd_templates_list)
    checking = template_commands.add_parser("check", help="check a template folder or a library")
    checking.add_argument("path", type=Path, nargs="?")
    checking.add_argument("--directory", type=Path)
    checking.set_defaults(run=cmd_templates_check)

    inflect = commands.add_parser("inflect", help="put names in a grammatical case")
    inflect.add_argument("--lang", required=True, choices=LANGUAGES)
    inflect.add_argument("--case", required=True, choices=language.CASES)
    inflect.add_argument("--reading", help="how the names are read: letters, word, or a pronounced form")
    inflect.add_argument("names", nargs="+")
    inflect.set_defaults(run=cmd_inflect)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except PressdraftError as error:
        _print_problems(error.problems)
        return 2
    except (UsageError, ValueError, OSError, PdfUnavailable, PdfConversionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # the promise: no traceback reaches a user
        print(f"error: unexpected failure ({type(error).__name__}: {error}); please report it", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
