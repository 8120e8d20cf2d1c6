"""Who may do what: the roles, the allowlist of the settings, and the account of a session.

No Streamlit here: the app hands in what the sign-in provider said about the user (the claims
of ``st.user``) and whether a provider is configured; everything that decides is here, tested
without a browser.

Roles are ranked, each one including those before it:

- ``drafter``: compose; every draft of the office (drafts are shared: anyone may open, edit,
  duplicate and export any draft, the owner is shown); move own drafts to the trash and back;
  read the directory.
- ``editor``: also the templates (edit, create, import, restore) and editing the directory.
- ``admin``: also the administration page (audit log, users, settings) and the whole trash:
  restore or delete for good any draft, move anyone's draft to the trash.

Without a provider configured, the app is used by one local user with every role.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Role = Literal["drafter", "editor", "admin"]
ROLES: tuple[Role, ...] = ("drafter", "editor", "admin")
LOCAL_USER = "local"

# What each capability needs, at least.
CAPABILITIES: dict[str, Role] = {
    "compose": "drafter",
    "drafts": "drafter",
    "directory.view": "drafter",
    "directory.edit": "editor",
    "templates": "editor",
    "trash.any": "admin",  # restore, purge or delete anyone's draft
    "trash.purge": "admin",
    "admin": "admin",  # audit log, users, settings
}

Refusal = Literal["", "not_listed", "no_email", "unverified", "signed_out"]

_EMAIL = re.compile(r"^[^@\s=,;]+@[^@\s=,;]+$")


def rank(role: Role | None) -> int:
    return ROLES.index(role) + 1 if role in ROLES else 0


@dataclass(frozen=True)
class Account:
    """The person a session acts for: their e-mail (``local`` in local mode) and role.

    ``role`` is None when they may not use the app; ``refusal`` then says why.
    """

    user: str
    role: Role | None
    name: str = ""
    local: bool = False
    refusal: Refusal = ""

    @property
    def allowed(self) -> bool:
        return self.role is not None

    def can(self, capability: str) -> bool:
        """True when the role includes ``capability`` (a key of ``CAPABILITIES``)."""
        return rank(self.role) >= rank(CAPABILITIES[capability])

    def may_trash(self, owner: str) -> bool:
        """Move a draft to the trash, or restore it: its owner, or an admin."""
        return self.allowed and (self.can("trash.any") or owner.casefold() == self.user.casefold())


def parse_allowlist(value: str | Mapping[str, Any]) -> dict[str, Role]:
    """``{e-mail: role}`` from ``email=role`` pairs (separated by commas, semicolons or new
    lines) or from a TOML table ``{"email" = "role"}``. E-mails are compared without case.

    Raises ``ValueError`` naming the first entry it cannot read.
    """
    if isinstance(value, Mapping):
        pairs = [(str(email), str(role)) for email, role in value.items()]
    else:
        pairs = []
        for entry in re.split(r"[,;\n]", value):
            entry = entry.strip()
            if not entry:
                continue
            email, equals, role = entry.partition("=")
            if not equals:
                raise ValueError(f"{entry!r}: write e-mail=role, e.g. ayse@example.org=editor")
            pairs.append((email, role))
    allowlist: dict[str, Role] = {}
    for email, role in pairs:
        email, role = email.strip().casefold(), role.strip().casefold()
        if not _EMAIL.match(email):
            raise ValueError(f"{email!r} is not an e-mail address")
        if role not in ROLES:
            raise ValueError(f"{email}: the role {role!r} is not one of {', '.join(ROLES)}")
        if allowlist.get(email, role) != role:
            raise ValueError(f"{email} is listed twice, with different roles")
        allowlist[email] = role  # type: ignore[assignment]
    return allowlist


def format_allowlist(allowlist: Mapping[str, Role]) -> str:
    """The allowlist as the setting is written: ``email=role`` pairs, sorted by role then e-mail."""
    return ", ".join(f"{email}={role}" for email, role in sorted_allowlist(allowlist))


def sorted_allowlist(allowlist: Mapping[str, Role]) -> list[tuple[str, Role]]:
    """Admins first, then editors, then drafters; each by e-mail."""
    return sorted(allowlist.items(), key=lambda item: (-rank(item[1]), item[0]))


def local_account() -> Account:
    """The one user of an installation without sign-in: every role."""
    return Account(LOCAL_USER, "admin", local=True)


def account_for(claims: Mapping[str, Any], allowlist: Mapping[str, Role]) -> Account:
    """The account of a user the provider signed in, from its claims (``st.user``).

    Refused (role None) when signed out, without an e-mail, with an e-mail the provider says is
    not verified, or not on the allowlist; the e-mail must match an entry exactly (no case).
    """
    if not claims.get("is_logged_in"):
        return Account("", None, refusal="signed_out")
    email = str(claims.get("email") or "").strip().casefold()
    name = str(claims.get("name") or "")
    if not email:
        return Account("", None, name, refusal="no_email")
    if claims.get("email_verified") is False:
        return Account(email, None, name, refusal="unverified")
    role = allowlist.get(email)
    return Account(email, role, name, refusal="" if role else "not_listed")


class SignInMisconfigured(Exception):
    """An allowlist is set but no provider is configured: refusing beats every role for all."""


def check_configuration(provider_configured: bool, allowlist: Mapping[str, Role]) -> None:
    """Fail closed: users listed for sign-in but no provider to sign them in."""
    if allowlist and not provider_configured:
        raise SignInMisconfigured(
            "An allowlist is set (PRESSDRAFT_ALLOWLIST) but no sign-in provider is configured: add the [auth] "
            "section to .streamlit/secrets.toml (see docs/sign-in.md), or remove the allowlist to run "
            "without sign-in."
        )
