"""Compiled shipped templates kept between processes, so that a command-line render does not
compile its templates again (~60 ms a language: Jinja parses, checks and generates Python, and
Python compiles it).

Why Jinja's own ``FileSystemBytecodeCache``, and only for the shipped templates: its files are
marshalled code objects, loaded and run as they are, so whoever can write the cache folder can run
code in the process that reads it. The shipped templates are reviewed with the code and run
in-process anyway; the folder is the user's own (``$XDG_CACHE_HOME/pressdraft/jinja``, created
``0700`` and used only when it is the user's and nobody else can write to it). Staff templates and
a folder given on the command line are never cached: they run in the sandbox worker, whose runner
has no cache (``app.trust`` decides which runner keeps its compiled code). An entry is found by the
template's source (Jinja's checksum), by Jinja's and Python's versions (Jinja's magic) and by the
environment's shape (what changes the generated code: its options, operators, filter and test
names), so a changed template or environment compiles anew. A folder that cannot be made or
written to just means compiling every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2 import Template as JinjaTemplate
from jinja2.bccache import Bucket

from pressdraft.safety.folders import private_folder


class _Quiet(FileSystemBytecodeCache):
    """A cache whose writing may fail (a full disk, a read-only home): the template is compiled anyway."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def user_cache() -> FileSystemBytecodeCache | None:
    """The per-user cache of compiled shipped templates, or None where there is no safe place for it.

    The folder is looked up at each call: the command server's children (``cli/server.py``) each run
    with their caller's environment."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return _cache_in(base / "pressdraft" / "jinja")


@cache
def _cache_in(folder: Path) -> FileSystemBytecodeCache | None:
    return _Quiet(str(folder)) if private_folder(folder) else None


def _shape(env: Environment) -> str:
    """What of the environment the generated code depends on, as a short key."""
    parts = (
        jinja2.__version__,
        type(env).__module__,
        type(env).__qualname__,
        repr(sorted(getattr(env, "intercepted_binops", ()))),
        repr(sorted(getattr(env, "intercepted_unops", ()))),
        repr((env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence)),
        repr((env.optimized, env.autoescape, env.finalize is not None, env.block_start_string)),
        repr((env.variable_start_string, env.comment_start_string, env.line_statement_prefix)),
        repr((sorted(env.filters), sorted(env.tests), sorted(env.extensions))),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def compiled(env: Environment, source: str, cached: FileSystemBytecodeCache | None) -> JinjaTemplate:
    """``env.from_string(source)``, its code read from ``cached`` when it holds it, and kept there when not."""
    if cached is None:
        return env.from_string(source)
    key = _shape(env) + hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    bucket = cached.get_bucket(env, key, None, source)
    if bucket.code is None:
        bucket.code = env.compile(source)
        cached.set_bucket(bucket)
    return env.template_class.from_code(env, bucket.code, env.make_globals(None), None)
