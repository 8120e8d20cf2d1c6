"""The command line: ``pressdraft render | check | upgrade-draft | templates | inflect``, the store's
``db upgrade | db status | db reindex | backup | restore | migrate-store | search``, and its drafts:
``drafts import | export | list``.

Bad input gets one clear line per problem and exit code 2; ``check`` exits 1 when it finds
what ``render`` would refuse (with ``--strict``, a warning too), ``db status`` when migrations
are pending; nothing ever prints a traceback, and no database password is ever printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressdraft import LANGUAGES, language
from pressdraft.app.failures import StoreFailure, hide_passwords
from pressdraft.core.problems import PressdraftError, Problem
from pressdraft.document.formats import FORMATS

if TYPE_CHECKING:
    from pressdraft.app.service import AppService
    from pressdraft.app.standalone import Engine

# Each command imports what it uses when it runs: ``inflect`` needs neither the engine (pydantic's models,
# Jinja) nor the Word writer (python-docx), and only the store's commands need SQLAlchemy.


class UsageError(Exception):
    """A command-line option with a value we cannot use."""


def _csv(value: str, allowed: Sequence[str], what: str) -> list[str]:
    items = [item.strip() for item in value.split(",") if item.strip()]
    unknown = [item for item in items if item not in allowed]
    if unknown or not items:
        raise UsageError(f"unknown {what} {', '.join(unknown) or repr(value)}; choose from {', '.join(allowed)}")
    return items


def _engine(args: argparse.Namespace) -> Engine:
    from pressdraft.app import standalone

    return standalone.engine(args.library, args.directory)


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        label = {"error": "error", "gap": "missing", "warning": "warning", "info": "info"}[problem.severity]
        print(f"{label}: {problem}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    from pressdraft.app import standalone
    from pressdraft.app.settings import load_settings
    from pressdraft.document.docx.fonts import font_coverage_warnings
    from pressdraft.document.export import Edition, OutputFile, pdf_files, pick_letterhead, zip_edition

    opened = _engine(args).open_draft(args.draft)
    draft, engine = opened.draft, opened.engine
    langs = _csv(args.lang, LANGUAGES, "language") if args.lang else list(draft.languages)
    formats = _csv(args.format, FORMATS, "format")
    images = standalone.photos(draft, args.draft.parent)
    rendition = engine.render(draft, langs, allow_incomplete=args.allow_incomplete)
    _print_problems(rendition.gaps)
    edition = Edition(rendition, images)
    source = args.letterhead or load_settings()["letterhead"]
    letterhead = pick_letterhead(source, draft.template, draft.release.issuer)
    if letterhead is not None:
        for warning in font_coverage_warnings([b for blocks in edition.blocks.values() for b in blocks], letterhead):
            print(f"warning: {warning}", file=sys.stderr)
    files = edition.files([f for f in formats if f != "pdf"], side_by_side=args.side_by_side, letterhead=letterhead)
    if "pdf" in formats:
        docx = [f for f in files if f.name.endswith(".docx")] or edition.files(["docx"], letterhead=letterhead)
        files += pdf_files(docx)
    if args.zip:
        own = standalone.directory_files_beside(draft, args.draft.parent)
        files = [zip_edition(edition, [*files, *(OutputFile(n, d) for n, d in own.items())], engine.dump_draft(draft))]
    args.output.mkdir(parents=True, exist_ok=True)
    for file in files:
        (args.output / file.name).write_bytes(file.data)
        print(args.output / file.name)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 1 for what ``render`` would refuse (errors, missing translations), 0 otherwise: warnings are
    printed for a person to read, and fail only with ``--strict``; info lines never fail."""
    from pressdraft.app import standalone

    try:
        opened = _engine(args).open_draft(args.draft)
    except PressdraftError as error:
        _print_problems(error.problems)
        return 1
    problems = opened.engine.check(opened.draft)
    try:
        standalone.photos(opened.draft, args.draft.parent)
    except PressdraftError as error:
        problems = [*error.problems, *problems]
    _print_problems(problems)
    failing = {"error", "gap", "warning"} if args.strict else {"error", "gap"}
    if not any(p.severity != "info" for p in problems):
        print(f"{args.draft}: no problems")
    return 1 if any(p.severity in failing for p in problems) else 0


def cmd_upgrade_draft(args: argparse.Namespace) -> int:
    from pressdraft.app import standalone
    from pressdraft.core.files import format_of

    target = args.draft if args.in_place else args.output
    upgrade = standalone.upgrade_draft(
        standalone.engine(args.library, None), args.draft, target and format_of(target.name)
    )
    if upgrade.text is None:
        print(f"{args.draft}: already format 2; nothing written", file=sys.stderr)
        return 0
    _print_problems(upgrade.warnings)
    if target is None:
        sys.stdout.write(upgrade.text)
        return 0
    target.write_text(upgrade.text, "utf-8")
    print(target)
    return 0


def cmd_templates_list(args: argparse.Namespace) -> int:
    from pressdraft.app import standalone

    library = standalone.library(args.library)
    for template in library:
        langs = ",".join(template.sources)
        print(f"{template.id}\t{template.meta.name.get('en') or ''}\t{langs}\t{template.version}")
    for template_id in library.broken:
        print(f"{template_id}\t(has errors: run 'pressdraft templates check')")
    return 0


def cmd_templates_check(args: argparse.Namespace) -> int:
    from pressdraft.app import standalone

    found, problems = standalone.check_templates(args.path, args.directory)
    _print_problems(problems)
    for template_id, its_problems in found.items():
        print(f"{template_id}: {'problems' if its_problems else 'ok'}")
    return 1 if problems else 0


#: How a guessed reading is told on stderr, by ``Doubt.reading`` (a pronounced form otherwise).
_READ_AS = {"letters": "letter by letter", "word": "as a word"}


def cmd_inflect(args: argparse.Namespace) -> int:
    """One form per line on stdout; for a form resting on a guessed reading, a warning on stderr
    naming the name, the form and how to settle it (the exit code stays 0: the form is printed)."""
    for text in args.names:
        name = language.Name(text, reading=args.reading, kind=args.kind)
        form = language.inflect(name, args.case, args.lang)
        print(form)
        doubt = language.doubt_of(name, args.lang)
        if doubt is not None:
            read = _READ_AS.get(doubt.reading, f"as “{doubt.reading}”")
            print(
                f"warning: {text}: {form} is a guess, {doubt.word} read {read} ({doubt.reason}); to settle it, "
                "give --reading letters, word or the pronounced form (in a release: the directory's reading or forms)",
                file=sys.stderr,
            )
    return 0


# --- the store: db upgrade | db status | backup | restore | migrate-store ---------------------
# Each runs an app-layer command (``app.database``, imported by these commands only: SQLAlchemy and
# Alembic would cost every other command half a second of start-up) and prints what it reports.


def _print_tables(tables: dict[str, dict[str, object]]) -> None:
    """One line per table: its row count and SHA-256, as verified."""
    for name, spec in tables.items():
        print(f"{name:<20} {spec['count']:>8} rows  sha256 {spec['sha256']}")


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from pressdraft.app import database

    url = database.database_url(args.database_url)
    applied = database.upgrade(url)
    for title in applied:
        print(f"applied {title}")
    head = database.head_revision()
    state = f"upgraded to revision {head}" if applied else f"already at revision {head}"
    print(f"{database.safe_url(url)}: {state}")
    return 0


def cmd_db_status(args: argparse.Namespace) -> int:
    from pressdraft.app import database

    url = database.database_url(args.database_url)
    status = database.status(url)
    for title in status.pending:
        print(f"pending {title}")
    if status.pending:
        where = f"{database.safe_url(url)} (no database file yet)" if status.no_file_yet else database.safe_url(url)
        print(f"{where}: {len(status.pending)} migration(s) pending; run `pressdraft db upgrade`")
        return 1
    print(f"{database.safe_url(url)}: up to date at revision {database.head_revision()}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pressdraft.app import database

    url = database.database_url(args.database_url)
    manifest = database.backup(url, args.file)
    _print_tables(manifest["tables"])
    print(f"backed up {database.safe_url(url)} (schema revision {manifest['schema_revision']}) to {args.file}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pressdraft.app import database

    url = database.database_url(args.database_url)
    manifest = database.restore(args.file, url)
    _print_tables(manifest["tables"])
    print(f"restored {args.file} into {database.safe_url(url)}; every table verified by its count and checksum")
    return 0


def cmd_migrate_store(args: argparse.Namespace) -> int:
    from pressdraft.app import database

    source = database.checked_url(args.source, "--from")
    target = database.checked_url(args.target, "--to")
    report = database.migrate(source, target)
    _print_tables(report)
    print(
        f"copied {database.safe_url(source)} to {database.safe_url(target)}; "
        "every table verified by its count and checksum"
    )
    return 0


# --- the store's drafts: drafts import | export | list -------------------------------------------
# Each opens the app service over the store (as the web app does, without its sample release) and acts
# as the local account, so a file comes in through the app's own import, checked and canonical.


def _drafts_service(args: argparse.Namespace) -> AppService:
    """The app service over the store of ``--database-url`` (default: the settings'), as the local account:
    made and upgraded if it is a new SQLite file, as the web app does, but without the sample release."""
    from pressdraft.app import database
    from pressdraft.app.service import NOT_READY, AppService
    from pressdraft.app.settings import load_settings
    from pressdraft.app.trust import template_runner

    settings = {**load_settings(), "database_url": database.database_url(args.database_url)}
    try:
        return AppService.open(settings, template_runner(), seed=False)
    except NOT_READY as error:
        raise StoreFailure(hide_passwords(str(error))) from None


def cmd_drafts_import(args: argparse.Namespace) -> int:
    """One line per file: ``FILE: ID`` when it is in the store, else each of its problems on one line
    (``error: FILE: where: what``); a file is imported whole or not at all, and any failure makes
    the exit code 1."""
    from pressdraft.app.draft_files import import_files

    service = _drafts_service(args)
    failed = False
    try:
        for imported in import_files(service, args.files):
            if imported.draft_id:
                print(f"{imported.path}: {imported.draft_id}")
            failed = failed or not imported.draft_id
            _print_problems(imported.problems)
    finally:
        service.store.close()
    return 1 if failed else 0


def cmd_drafts_export(args: argparse.Namespace) -> int:
    """The draft file to ``--output`` or stdout; exit code 1 when there is no such draft."""
    from pressdraft.app.draft_files import NoSuchDraft, export_file
    from pressdraft.core.files import format_of

    fmt = args.format or (format_of(args.output.name) if args.output else "yaml")
    service = _drafts_service(args)
    try:
        data = export_file(service, args.id, fmt)
    except NoSuchDraft as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        service.store.close()
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    args.output.write_bytes(data)
    print(args.output)
    return 0


def cmd_drafts_list(args: argparse.Namespace) -> int:
    """One tab-separated line per draft, the latest change first: id, state, owner, changed at,
    missing translations per language, title."""
    from pressdraft.app.worklist import STATUSES, Filters

    if args.status is not None and args.status not in STATUSES:
        raise UsageError(f"--status: unknown state {args.status!r}; choose from {', '.join(STATUSES)}")
    service = _drafts_service(args)
    try:
        rows = service.worklist.rows(Filters(status=args.status, owner=args.owner))
    finally:
        service.store.close()
    for row in rows:
        missing = " ".join(f"{lang}:{count}" for lang, count in row.missing.items())
        changed = row.updated_at.strftime("%Y-%m-%d %H:%M")
        print(f"{row.id}\t{row.status}\t{row.owner}\t{changed}\t{missing}\t{row.title}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from pressdraft.app import archive, database

    url = database.database_url(args.database_url)
    hits = database.search(
        url,
        args.query,
        lang=args.lang,
        status=args.status,
        issuer=args.issuer,
        owner=args.owner,
        template=args.template,
        number=args.number,
        date_from=archive.release_date(args.date_from, "--from"),
        date_to=archive.release_date(args.date_to, "--to"),
        limit=args.limit,
    )
    if args.json:
        print(json.dumps([dataclasses.asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return 0
    for hit in hits:
        print(f"{hit.id}  {hit.date or '-'}  {hit.number or '-'}  {hit.status}  {hit.headline}")
        if hit.sentence:
            print(f"    {hit.sentence}")
    print(f"{len(hits)} found")
    return 0


def cmd_db_reindex(args: argparse.Namespace) -> int:
    from pressdraft.app import database

    url = database.database_url(args.database_url)
    print(f"{database.safe_url(url)}: search index rebuilt for {database.reindex(url)} draft(s)")
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
    render.add_argument(
        "--zip", action="store_true", help="write everything as one ZIP, with the draft and the files it names"
    )
    render.add_argument(
        "--letterhead",
        type=Path,
        help="a letterhead .docx made in Word, or a folder of them: <template>.docx, <issuer>.docx, default.docx "
        "(default: the letterhead setting)",
    )
    sources(render)
    render.set_defaults(run=cmd_render)

    check = commands.add_parser("check", help="list every problem of a draft (exit code 1 when render would refuse it)")
    check.add_argument("draft", type=Path)
    check.add_argument("--strict", action="store_true", help="exit code 1 on warnings too")
    sources(check)
    check.set_defaults(run=cmd_check)

    upgrade = commands.add_parser(
        "upgrade-draft",
        help="rewrite a version-1 draft in format 2 (comments are not kept)",
        description="Print the draft in format 2, or write it to -o OUT (YAML or JSON by its name) or --in-place.",
    )
    upgrade.add_argument("draft", type=Path)
    written = upgrade.add_mutually_exclusive_group()
    written.add_argument("-o", "--output", type=Path, help="write the new draft here (default: print it)")
    written.add_argument("--in-place", action="store_true", help="replace the draft file with its new version")
    upgrade.add_argument("--library", type=Path, help="a folder of templates (default: the shipped library)")
    upgrade.set_defaults(run=cmd_upgrade_draft)

    templates = commands.add_parser("templates", help="the template library")
    template_commands = templates.add_subparsers(dest="templates_command", required=True)
    listing = template_commands.add_parser("list", help="list the templates")
    listing.add_argument("--library", type=Path)
    listing.set_defaults(run=cmd_templates_list)
    checking = template_commands.add_parser("check", help="check a template folder or a library")
    checking.add_argument("path", type=Path, nargs="?")
    checking.add_argument("--directory", type=Path)
    checking.set_defaults(run=cmd_templates_check)

    inflect = commands.add_parser(
        "inflect", help="put names in a grammatical case; a guessed reading is told on stderr"
    )
    inflect.add_argument("--lang", required=True, choices=LANGUAGES)
    inflect.add_argument("--case", required=True, choices=language.CASES)
    inflect.add_argument("--reading", help="how the names are read: letters, word, or a pronounced form")
    inflect.add_argument(
        "--kind",
        choices=language.KINDS,
        help="what the names name, as the templates' rules: institution (tr: no apostrophe), person "
        "(never a possessive compound), place",
    )
    inflect.add_argument("names", nargs="+")
    inflect.set_defaults(run=cmd_inflect)

    def store_command(
        parent: Any, name: str, help_text: str, run: Callable[..., int], *, file: bool = False
    ) -> argparse.ArgumentParser:
        """A command on the store named by ``--database-url`` (default: the settings'), with a file or not."""
        command = parent.add_parser(name, help=help_text)
        if file:
            command.add_argument("file", type=Path)
        command.add_argument(
            "--database-url", help="the store's SQLAlchemy URL (default: the settings' PRESSDRAFT_DATABASE_URL)"
        )
        command.set_defaults(run=run)
        return command

    db = commands.add_parser("db", help="the store's database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    store_command(db_commands, "upgrade", "apply the pending schema migrations", cmd_db_upgrade)
    store_command(db_commands, "status", "list pending migrations (exit code 1 when there are some)", cmd_db_status)
    store_command(db_commands, "reindex", "rebuild the archive's search index of every draft", cmd_db_reindex)
    store_command(commands, "backup", "write the whole store to one file", cmd_backup, file=True)
    store_command(commands, "restore", "load a backup into a new, empty store", cmd_restore, file=True)

    drafts = commands.add_parser("drafts", help="the store's drafts, as draft files")
    draft_commands = drafts.add_subparsers(dest="drafts_command", required=True)
    importing = store_command(
        draft_commands, "import", "add draft files (YAML or JSON) as new drafts", cmd_drafts_import
    )
    importing.add_argument("files", type=Path, nargs="+", metavar="FILE")
    exporting = store_command(draft_commands, "export", "write a stored draft as a draft file", cmd_drafts_export)
    exporting.add_argument("id", help="the draft's id (as `pressdraft drafts list` shows it)")
    exporting.add_argument("-o", "--output", type=Path, help="write the file here (default: print it)")
    exporting.add_argument(
        "--format", choices=["yaml", "json"], help="the file's format (default: by the --output name, else yaml)"
    )
    draft_list = store_command(draft_commands, "list", "list the drafts, the latest change first", cmd_drafts_list)
    draft_list.add_argument("--status", help="only the drafts in this state: draft, in_review, approved, published")
    draft_list.add_argument("--owner", help="only the drafts of this user (an e-mail address, or local)")
    finding = commands.add_parser("search", help="find releases in the store's archive by any word and by filters")
    finding.add_argument(
        "query", help="words, typed with or without Turkish/Azerbaijani letters ('' for filters alone)"
    )
    finding.add_argument("--status", help="draft, in_review, approved or published")
    finding.add_argument("--issuer", help="the issuer's directory key")
    finding.add_argument("--owner", help="the drafter who owns it")
    finding.add_argument("--template", help="the template id")
    finding.add_argument("--number", help="the release number, e.g. 2025/27")
    finding.add_argument("--from", dest="date_from", metavar="DATE", help="release date on or after (YYYY-MM-DD)")
    finding.add_argument("--to", dest="date_to", metavar="DATE", help="release date on or before (YYYY-MM-DD)")
    finding.add_argument("--lang", choices=LANGUAGES, default="en", help="the headline's language (default: en)")
    finding.add_argument("--limit", type=int, default=50, help="at most this many results (default: 50)")
    finding.add_argument("--json", action="store_true", help="print the results as JSON")
    finding.add_argument(
        "--database-url", help="the store's SQLAlchemy URL (default: the settings' PRESSDRAFT_DATABASE_URL)"
    )
    finding.set_defaults(run=cmd_search)

    copying = commands.add_parser("migrate-store", help="copy a whole store into a new, empty database")
    copying.add_argument("--from", dest="source", required=True, metavar="URL", help="the store to copy")
    copying.add_argument("--to", dest="target", required=True, metavar="URL", help="a new, empty database")
    copying.set_defaults(run=cmd_migrate_store)
    return main


def _told_in_one_line(error: Exception) -> bool:
    """A failure the user can act on (an option, a file, the store, the PDF converter): its message is enough."""
    from pressdraft.document.docx.pdf import PdfConversionError, PdfUnavailable

    return isinstance(error, UsageError | StoreFailure | ValueError | OSError | PdfUnavailable | PdfConversionError)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except PressdraftError as error:
        _print_problems(error.problems)
        return 2
    except Exception as error:  # the promise: no traceback reaches a user
        if _told_in_one_line(error):
            print(f"error: {hide_passwords(str(error))}", file=sys.stderr)
            return 2
        message = hide_passwords(f"{type(error).__name__}: {error}")
        print(f"error: unexpected failure ({message}); please report it", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
