"""A release's history as the history page shows it: its versions, what changed between two, a
restore, and the reviewers' comments beside its fields.

The text compared is what the release says in each language: each version rendered as the
downloads render it, as plain text, then diffed word by word (``word_diff``). A version that
cannot be rendered yet (a half-typed draft) is compared by its field values instead, and the
diff says so. A ``History`` acts for one account: its changes are checked against
``app/authorization.py``, and a restore is refused on a frozen release (``app/locks.py``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from pressdraft import LANGUAGES, N_
from pressdraft.app.auth import Account
from pressdraft.app.authorization import requires
from pressdraft.app.locks import ensure_editable
from pressdraft.core.problems import Location, PressdraftError, Problem
from pressdraft.core.users import same_user
from pressdraft.document.blocks import blocks_to_text
from pressdraft.pipeline.engine import Engine
from pressdraft.safety.text import clean_text
from pressdraft.store.api import Store
from pressdraft.store.records import DraftComment, DraftVersion

__all__ = ["DraftComment", "DraftVersion", "History", "VersionDiff", "word_diff"]  # the pages' types too

Op = Literal["equal", "insert", "delete"]
RESTORE = "restore"  # the step of a version a restore saved (``store/versions.py``)
MAX_COMMENT = 2_000  # characters of one comment, after cleaning
# a word (with its apostrophe suffixes: "Bakı'da" is one word), a run of spaces, one other character
_TOKENS = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")
_PATH = re.compile(r"^(?:fields\.[A-Za-z_][A-Za-z0-9_]*|body\.\d+)$")

NO_TEXT = N_("Write the comment's text.")
TOO_LONG = N_("A comment has at most {limit} characters; this one has {count}: shorten it.")
BAD_PATH = N_("A comment belongs to a field or a body block, not to “{path}”.")
BAD_LANGUAGE = N_("The draft has no language “{lang}”: choose one of its languages, or all of them.")


class Service(Protocol):
    """What a ``History`` uses of the app service it belongs to (``AppService``)."""

    store: Store
    engine: Engine
    account: Account

    @property
    def user(self) -> str: ...

    def described(self, data: Any) -> tuple[str, dict[str, Any]]: ...


@dataclass(frozen=True)
class VersionDiff:
    """Per language, the text of version ``a`` against ``b`` as (op, text) segments that read back
    as either text; ``unrendered``: the versions compared by field values, not rendered."""

    a: int
    b: int
    languages: dict[str, list[tuple[Op, str]]]
    unrendered: list[int] = field(default_factory=list)

    @property
    def by_fields(self) -> bool:
        return bool(self.unrendered)


def tokens(text: str) -> list[str]:
    """Words, runs of white space and single other characters, which join back into ``text``."""
    return _TOKENS.findall(text)


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """``old`` to ``new`` word by word; neighbouring segments of one kind are joined."""
    a, b = tokens(old), tokens(new)
    segments: list[tuple[Op, str]] = []

    def add(op: Op, words: list[str]) -> None:
        text = "".join(words)
        if not text:
            return
        if segments and segments[-1][0] == op:
            segments[-1] = (op, segments[-1][1] + text)
        else:
            segments.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return segments


def field_text(data: Mapping[str, Any], lang: str) -> str:
    """A draft's field values and body blocks in ``lang``, one line each (``theme: ...``), for a
    version that cannot be rendered."""
    lines = []
    for name, value in (data.get("fields") or {}).items():
        lines.append(f"{name}: {' '.join(_texts(value, lang))}")
    for index, block in enumerate(data.get("body") or []):
        lines.append(f"body {index + 1}: {' '.join(_texts(block, lang))}")
    return "\n".join(lines)


def _texts(value: Any, lang: str) -> Iterator[str]:
    """The strings of ``value`` in ``lang``: of a translated text its ``lang``, of others all."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield str(value)
    elif isinstance(value, Mapping):
        translated = bool(value) and set(value) <= set(LANGUAGES)
        for key, item in value.items():
            if not translated or key == lang:
                yield from _texts(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, lang)


def _resolver_owner(history: History, comment_id: int, *args: Any, **kwargs: Any) -> str:
    """Who may resolve a comment as its owner: its author, when they act; else the draft's owner."""
    comment = history.service.store.comment(comment_id)
    if same_user(comment.author, history.service.user):
        return comment.author
    return history.service.store.get_draft(comment.draft_id).owner


class History:
    """One account's view of drafts' versions and comments."""

    READS = frozenset({"versions", "diff", "comments"})

    def __init__(self, service: Service):
        self.service = service

    @property
    def account(self) -> Account:
        return self.service.account

    def versions(self, draft_id: str) -> list[DraftVersion]:
        """The kept versions, the newest first."""
        return self.service.store.draft_history(draft_id)

    def diff(self, draft_id: str, a: int, b: int) -> VersionDiff:
        """What the release says in each language in version ``a``, against version ``b``."""
        store = self.service.store
        first, second = store.draft_version(draft_id, a), store.draft_version(draft_id, b)
        rendered = {v.number: self._text(v.data) for v in (first, second)}
        unrendered = [number for number, text in rendered.items() if text is None]
        languages = [lang for lang in LANGUAGES if lang in _languages(first.data) | _languages(second.data)]
        if unrendered:  # both by their fields, or the diff would mix two kinds of text
            texts = {v.number: {lang: field_text(v.data, lang) for lang in languages} for v in (first, second)}
        else:
            texts = {number: text or {} for number, text in rendered.items()}
        segments = {lang: word_diff(texts[a].get(lang, ""), texts[b].get(lang, "")) for lang in languages}
        return VersionDiff(a, b, segments, unrendered)

    def _text(self, data: Mapping[str, Any]) -> dict[str, str] | None:
        """The release's plain text per language, or None when it cannot be rendered."""
        engine = self.service.engine
        try:
            rendition = engine.render(engine.draft_from_data(data))
            return {lang: blocks_to_text(blocks, lang) for lang, blocks in rendition.blocks.items()}
        except PressdraftError:
            return None

    @requires("draft.edit")
    def restore(self, draft_id: str, number: int) -> int:
        """Save version ``number``'s data as the draft's newest version; returns the new revision."""
        store = self.service.store
        current = store.get_draft(draft_id)
        ensure_editable(current.status)
        data = store.draft_version(draft_id, number).data
        title, summary = self.service.described(data)
        return store.save_draft_as(
            self.service.user,
            draft_id,
            data,
            expected_revision=current.revision,
            title=title,
            summary=summary,
            event=RESTORE,
            restored_from=number,
        )

    # --- comments -----------------------------------------------------------------------------

    def comments(self, draft_id: str, *, include_resolved: bool = False) -> list[DraftComment]:
        """The draft's open comments (or all), oldest first: read once per page, not per field."""
        return self.service.store.draft_comments(draft_id, include_resolved=include_resolved)

    @requires("draft.comment")
    def comment(self, draft_id: str, path: str, language: str | None, text: str) -> int:
        """A reviewer's comment on a field or body block, in one language (None: all); returns its id."""
        draft = self.service.store.get_draft(draft_id)
        at = Location(field=tuple(int(part) if part.isdigit() else part for part in path.split(".")), lang=language)
        if not _PATH.match(path):
            raise PressdraftError(Problem(Location(), BAD_PATH, {"path": path}))
        if language is not None and language not in _languages(draft.data):
            raise PressdraftError(Problem(at, BAD_LANGUAGE, {"lang": language}))
        cleaned = clean_text(text).strip()
        if not cleaned:
            raise PressdraftError(Problem(at, NO_TEXT))
        if len(cleaned) > MAX_COMMENT:
            raise PressdraftError(Problem(at, TOO_LONG, {"limit": str(MAX_COMMENT), "count": str(len(cleaned))}))
        return self.service.store.add_comment(
            draft_id, path=path, language=language, text=cleaned, author=self.service.user
        )

    @requires("comment.resolve", owner=_resolver_owner)
    def resolve(self, comment_id: int) -> DraftComment:
        """Mark a comment resolved; it stays in the history."""
        return self.service.store.resolve_comment(comment_id, user=self.service.user)


def _languages(data: Mapping[str, Any]) -> set[str]:
    languages = data.get("languages")
    return {lang for lang in languages if isinstance(lang, str)} if isinstance(languages, list) else set()
