"""Releases from files, without a store: the command line's engine, library and template checks.

The engine is the app service's, with the same choice of runners (``app.trust``): the shipped
templates run in-process, a folder given by the caller in the sandbox worker; so the command line
and the app make byte-identical documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pressdraft import N_
from pressdraft.app.trust import template_runner
from pressdraft.core.beside import CANNOT_READ, beside, read_text
from pressdraft.core.body import Block
from pressdraft.core.directory import Directory, default_directory, load_directory
from pressdraft.core.files import Format, format_of, read_data
from pressdraft.core.library import FOLDER, SHIPPED, Library, default_templates_folder, read_template_folder
from pressdraft.core.model import Draft
from pressdraft.core.problems import NOWHERE, Location, PressdraftError, Problem
from pressdraft.pipeline.engine import Engine
from pressdraft.safety.images import ImageRefused, clean_image, is_image_id

__all__ = [
    "Engine",
    "Upgrade",
    "check_templates",
    "engine",
    "directory_files_beside",
    "library",
    "photos",
    "upgrade_draft",
]

#: A photo block naming a picture kept in the app's store, read by the command line.
STORED_IN_THE_APP = N_(
    "{ref!r} is a picture kept in the app; the command line reads pictures from files beside the draft: "
    "put the file there and give its name"
)
NO_PICTURE = N_("no file {ref!r} beside the draft: put the picture there, or correct its name")


def library(path: Path | None) -> Library:
    """The shipped library, or a folder given by the caller: untrusted, so its templates are
    checked and rendered in the sandbox worker."""
    return Library.from_folder(path, origin=FOLDER) if path else Library.from_folder(default_templates_folder())


def _directory(path: Path | None) -> Directory:
    return load_directory(path) if path else default_directory()


def engine(library_folder: Path | None, directory_file: Path | None) -> Engine:
    """The engine over a library folder and a directory file (each by default the shipped one)."""
    return Engine(library(library_folder), _directory(directory_file), template_runner())


def photos(draft: Draft, folder: Path) -> dict[str, bytes]:
    """The pictures of the draft's photo blocks, by ``file`` as written: read beside the draft (in ``folder``)
    and cleaned (``safety/images.py``); every missing or refused one is a problem at ``body[i].photo.file``."""
    images: dict[str, bytes] = {}
    problems: list[Problem] = []
    for index, block in enumerate(draft.body):
        if not isinstance(block, Block) or block.kind != "photo" or block.value.file in images:
            continue
        ref, at = block.value.file, Location(field=("body", index, "photo", "file"))
        try:
            if is_image_id(ref):
                raise PressdraftError(Problem(at, STORED_IN_THE_APP, {"ref": ref}))
            path = beside(folder, ref, at)
            images[ref] = clean_image(path.read_bytes()).data
        except PressdraftError as error:
            problems.extend(error.problems)
        except ImageRefused as error:
            problems.append(Problem(at, error.message, error.params))
        except FileNotFoundError:
            problems.append(Problem(at, NO_PICTURE, {"ref": ref}))
        except OSError as error:
            problems.append(Problem(at, CANNOT_READ, {"reason": str(error)}))
    if problems:
        raise PressdraftError(problems)
    return images


def directory_files_beside(draft: Draft, folder: Path) -> dict[str, bytes]:
    """The draft's own directory files (in ``folder``), by their path from there, so that a ZIP holding the
    draft holds it whole (its pictures, cleaned, come with the edition: ``export.zip_edition``)."""
    root = folder.resolve()
    paths = [beside(folder, name, NOWHERE) for name in draft.directory]
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in paths}


def check_templates(path: Path | None, directory_file: Path | None) -> tuple[dict[str, list[Problem]], list[Problem]]:
    """Each template of a template folder or of a whole library (by default the shipped one) with its own
    problems (metadata, syntax, fields, samples, run where trusted), and every problem found, those of the
    templates that could not be read included."""
    folder = path or default_templates_folder()
    directory = _directory(directory_file)
    if (folder / "meta.yaml").is_file():
        templates, broken = [read_template_folder(folder, FOLDER if path else SHIPPED)], {}
    else:
        shelf = library(path)
        templates, broken = list(shelf), shelf.broken
    runner = template_runner()
    found = {template.id: runner.check(template, directory) for template in templates}
    problems = [p for error in broken.values() for p in error.problems] + [p for ps in found.values() for p in ps]
    return found, problems


@dataclass(frozen=True)
class Upgrade:
    """A draft file in format 2: its ``text`` (``None`` when the file is already in format 2) and the
    warnings about what the reader should look at."""

    text: str | None
    warnings: list[Problem]


def upgrade_draft(engine: Engine, path: Path, fmt: Format | None = None) -> Upgrade:
    """The version-1 draft in ``path`` written in format 2 (as ``fmt``, by default the file's own), checked:
    the text read back validates. The draft is refused, with every problem, when it does not validate."""
    draft = engine.draft_from_data(read_data(read_text(path), format_of(path.name), source=str(path)))
    if draft.format >= 2:
        return Upgrade(None, [])
    new, warnings = engine.upgrade(draft)
    out = engine.dump_draft(new, fmt or format_of(path.name))
    engine.read_draft(out, fmt or format_of(path.name))
    return Upgrade(out, warnings)
