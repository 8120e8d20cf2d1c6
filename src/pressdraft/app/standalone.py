"""Releases from files, without a store: the command line's engine, library and template checks.

The engine is the app service's, with the same choice of runners (``app.trust``): the shipped
templates run in-process, a folder given by the caller in the sandbox worker; so the command line
and the app make byte-identical documents.
"""

from __future__ import annotations

from pathlib import Path

from pressdraft.app.trust import template_runner
from pressdraft.core.directory import Directory, default_directory, load_directory
from pressdraft.core.library import FOLDER, SHIPPED, Library, default_templates_folder, read_template_folder
from pressdraft.core.problems import Problem
from pressdraft.pipeline.engine import Engine

__all__ = ["Engine", "check_templates", "engine", "library"]


def library(path: Path | None) -> Library:
    """The shipped library, or a folder given by the caller: untrusted, so its templates are
    checked and rendered in the sandbox worker."""
    return Library.from_folder(path, origin=FOLDER) if path else Library.from_folder(default_templates_folder())


def _directory(path: Path | None) -> Directory:
    return load_directory(path) if path else default_directory()


def engine(library_folder: Path | None, directory_file: Path | None) -> Engine:
    """The engine over a library folder and a directory file (each by default the shipped one)."""
    return Engine(library(library_folder), _directory(directory_file), template_runner())


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
