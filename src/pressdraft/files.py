"""Reading and writing YAML and JSON data safely and deterministically.

Drafts, the directory and template metadata are files people edit, so reading refuses what
YAML allows but a draft never needs: aliases (the "billion laughs" blow-up), duplicate keys
(the second silently wins), and implicit timestamps and yes/no booleans (``en: No`` would
become ``False``). Dates stay strings here and are typed by the models. Writing is canonical,
so a file written, read and written again is the same bytes.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

import yaml

from pressdraft.problems import PressdraftError, Problem

Format = Literal["yaml", "json"]
MAX_FILE_BYTES = 2_000_000


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader without aliases, duplicate keys, timestamps or YAML 1.1 booleans."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _without_resolvers(cls: type, tags: set[str]) -> None:
    cls.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in tags]
        for first, resolvers in cls.yaml_implicit_resolvers.items()
    }


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_without_resolvers(_SafeLoader, {_TIMESTAMP, _BOOL})
_SafeLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode as is, multi-line strings as literal blocks."""


_without_resolvers(_Dumper, {_TIMESTAMP, _BOOL})
_Dumper.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _represent_str(dumper: yaml.SafeDumper, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def format_of(name: str) -> Format:
    return "json" if name.lower().endswith(".json") else "yaml"


def read_data(text: str, fmt: Format, *, source: str = "") -> Any:
    """Parse YAML or JSON text; a syntax error names the line and column."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise PressdraftError(Problem(source, "file is larger than {limit} bytes", {"limit": str(MAX_FILE_BYTES)}))
    try:
        if fmt == "json":
            return json.loads(text)
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a SafeLoader subclass
    except json.JSONDecodeError as error:
        message = f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        message = f"not valid YAML{where}: {error.problem or error.context}"
    except yaml.YAMLError as error:
        message = f"not valid YAML: {error}"
    except RecursionError:
        message = "nested too deeply"
    raise PressdraftError(Problem(source, "{message}", {"message": message}))


def dump_data(data: Any, fmt: Format) -> str:
    """Canonical text for plain data (dicts keep their order)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
