"""The cache of compiled shipped templates: only in a private folder of the user, keyed by the source."""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

from pressdraft.pipeline.bytecode import compiled
from pressdraft.pipeline.render import environment
from pressdraft.safety.folders import private_folder


def test_a_folder_is_used_only_when_it_is_the_users_and_nobody_else_writes_to_it(tmp_path):
    assert private_folder(tmp_path / "new" / "jinja")
    assert (tmp_path / "new" / "jinja").stat().st_mode & 0o777 == 0o700
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert not private_folder(shared)
    (tmp_path / "link").symlink_to(tmp_path / "new" / "jinja")
    assert not private_folder(tmp_path / "link")
    (tmp_path / "file").write_text("")
    assert not private_folder(tmp_path / "file")


def test_kept_code_renders_as_compiled_code_does_and_a_changed_source_is_compiled_anew(tmp_path):
    cache = FileSystemBytecodeCache(str(tmp_path))
    env = environment()
    source = "{{ n * 2 }} {{ 'x' | upper }}\n"
    first = compiled(env, source, cache).render(n=2, lang="en")
    assert len(list(tmp_path.iterdir())) == 1
    again = compiled(env, source, cache).render(n=2, lang="en")
    assert first == again == env.from_string(source).render(n=2, lang="en")
    assert compiled(env, source.replace("2", "3"), cache).render(n=2, lang="en").startswith("6")
    assert len(list(tmp_path.iterdir())) == 2
