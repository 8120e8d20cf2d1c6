"""What the store hands back: plain frozen records, detached from any database connection."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal

TemplateStatus = Literal["working", "draft"]
TEMPLATE_STATUSES: tuple[str, ...] = ("working", "draft")


@dataclass(frozen=True)
class DraftSummary:
    """One line of the drafts page (no draft data, so listing stays cheap)."""

    id: str
    title: str
    template_id: str | None
    languages: list[str]
    owner: str
    created_at: datetime
    updated_at: datetime
    revision: int
    deleted_at: datetime | None
    template_version: int | None
    summary: dict[str, Any] | None  # what a listing shows, computed when the draft is saved
    status: str  # draft, in_review, approved, published (schema.STATUSES)
    status_at: datetime | None  # when it last changed, and by whom
    status_by: str | None


@dataclass(frozen=True)
class StoredDraft(DraftSummary):
    """A draft with its data (a dict in the draft file format, possibly incomplete) and the
    app's translation marks (which source text each translation was made from)."""

    data: dict[str, Any]
    marks: dict[str, Any] | None = None


@dataclass(frozen=True)
class DraftVersion:
    """One kept state of a draft (``store/versions.py``): its data as saved, who saved it, when,
    in which state of the review, by which step, and which data paths its saves changed."""

    draft_id: str
    number: int
    data: dict[str, Any]
    author: str
    created_at: datetime
    updated_at: datetime
    revision: int
    status: str
    event: str
    changed: list[str] | None
    restored_from: int | None


@dataclass(frozen=True)
class DraftComment:
    """A reviewer's remark on one field or body block of a draft (``store/comments.py``), in one
    language (None: all of them); resolved ones are kept, with who resolved them and when."""

    id: int
    draft_id: str
    path: str
    language: str | None
    text: str
    author: str
    created_at: datetime
    version: int | None  # the draft's newest version when it was written
    resolved_at: datetime | None
    resolved_by: str | None


@dataclass(frozen=True)
class TemplateVersion:
    """One saved version of an organization's template; versions are never changed or removed."""

    template_id: str
    number: int
    files: dict[str, str]
    author: str
    created_at: datetime
    comment: str
    status: TemplateStatus
    restored_from: int | None


@dataclass(frozen=True)
class TemplateSummary:
    """One line of the templates page: the latest version and the one in use."""

    template_id: str
    latest: int
    latest_status: TemplateStatus
    working: int | None
    author: str
    created_at: datetime


@dataclass(frozen=True)
class DirectoryVersion:
    """One saved version of the whole directory document."""

    number: int
    data: dict[str, Any]
    author: str
    created_at: datetime
    comment: str


@dataclass(frozen=True)
class AuditEntry:
    """One audit row: who did what to which object, with the state before and after."""

    id: int
    at: datetime
    user: str
    action: str
    object_type: str
    object_id: str
    before: Any
    after: Any

    def as_dict(self) -> dict[str, Any]:
        """For CSV/JSON export: the timestamp as ISO 8601 text, the rest as stored."""
        out = asdict(self)
        out["at"] = self.at.isoformat()
        return out


@dataclass(frozen=True)
class AccountBinding:
    """An allowlisted address bound to the issuer and subject of its first sign-in."""

    email: str
    issuer: str
    subject: str
    claims: Any
    bound_at: datetime


@dataclass(frozen=True)
class AssignedNumber:
    """A number of an issuer's yearly series, given to one draft (``printed``: as the release shows it)."""

    issuer: str
    year: int
    number: int
    draft_id: str
    printed: str
    assigned_at: datetime
    assigned_by: str


@dataclass(frozen=True)
class PublishedFile:
    """One file as it went out: its name, media type, bytes and their SHA-256."""

    name: str
    media_type: str
    data: bytes
    sha256: str
    size: int


@dataclass(frozen=True)
class Publication:
    """What one publication of a release sent (``store/publications.py``): which version, by whom,
    when, through which channel, with which number, template and directory, and its files."""

    id: int
    draft_id: str
    version: int
    channel: str
    published_at: datetime
    published_by: str
    number: str | None
    template_id: str | None
    template_version: int | None
    directory_version: int | None
    files: tuple[PublishedFile, ...]
