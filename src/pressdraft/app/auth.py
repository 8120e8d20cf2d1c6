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

Without a provider configured, the app is used by one local user with every role, and only from
this machine: a request that names another host, or came through a proxy, is refused.

E-mail addresses are compared as ASCII text, lower-cased, and nothing else: no ``casefold()``,
no Unicode normalization, which would make look-alikes (the long s ``ſ``, the Kelvin sign ``K``)
into the letters they imitate and let ``admin@preſs.gov`` sign in as ``admin@press.gov``.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pressdraft.core.users import ascii_lower, same_user

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
    "comment": "editor",  # comment on a release under review
    "trash.any": "admin",  # restore, purge or delete anyone's draft
    "trash.purge": "admin",
    "admin": "admin",  # audit log, users, settings
}

Refusal = Literal[
    "",
    "not_listed",
    "no_email",
    "unverified",
    "signed_out",
    "not_plain",  # an address that is not plain ASCII
    "no_subject",  # no issuer or subject to bind the account to
    "other_subject",  # the address is bound to another issuer and subject
    "other_email",  # the issuer and subject are bound to another address
    "not_local",  # local mode, asked by another host or through a proxy
]

#: The store's columns for a user (audit log, owners) hold 200 characters.
MAX_EMAIL = 200
_EMAIL = re.compile(r"[^@=,;\x00-\x20\x7f]+@[^@=,;\x00-\x20\x7f]+")
_SPACE = " \t\r\n"


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
        return self.allowed and (self.can("trash.any") or same_user(owner, self.user))


#: The one user of an installation without sign-in, as the command line and a service made on
#: this machine act (a web request gets it only through ``local_account``).
LOCAL_ACCOUNT = Account(LOCAL_USER, "admin", local=True)


def plain_email(value: object) -> str | None:
    """The address as pressdraft compares it (ASCII, lower-cased), or None when ``value`` is not
    an ASCII e-mail address of at most ``MAX_EMAIL`` characters."""
    email = ascii_lower(value) if isinstance(value, str) else None
    return email if email and len(email) <= MAX_EMAIL and _EMAIL.fullmatch(email) else None


def _email_problem(entry: str) -> str:
    """Why an allowlist entry is not an address pressdraft accepts, naming it."""
    odd = [f"{c!r} (U+{ord(c):04X})" for c in dict.fromkeys(entry) if not c.isascii()]
    if odd:
        return (
            f"{entry!r}: only ASCII e-mail addresses are accepted, and this one has {', '.join(odd)}; "
            "write the address in ASCII as the sign-in provider sends it"
        )
    if len(entry) > MAX_EMAIL:
        return f"{entry[:40]!r}…: an e-mail address has at most {MAX_EMAIL} characters here"
    return f"{entry!r} is not an e-mail address"


def parse_allowlist(value: str | Mapping[str, Any]) -> dict[str, Role]:
    """``{e-mail: role}`` from ``email=role`` pairs (separated by commas, semicolons or new
    lines) or from a TOML table ``{"email" = "role"}``. E-mails are ASCII, compared without
    ASCII case; any other character is refused (see ``plain_email``).

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
    for entry, written in pairs:
        email, role = plain_email(entry.strip(_SPACE)), ascii_lower(written.strip(_SPACE))
        if email is None:
            raise ValueError(_email_problem(entry.strip(_SPACE)))
        if role not in ROLES:
            raise ValueError(f"{email}: the role {written.strip(_SPACE)!r} is not one of {', '.join(ROLES)}")
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


_LOOPBACK = re.compile(r"(?:localhost|127\.0\.0\.1|\[::1\])(?::[0-9]{1,5})?", re.ASCII | re.IGNORECASE)
_ORIGIN = re.compile(r"https?://(?P<host>[^/?#]*)", re.ASCII | re.IGNORECASE)
#: Headers a proxy adds: their presence means the request did not come straight from this machine.
PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "via")


def is_local_request(headers: Iterable[tuple[str, str]], peer: str | None) -> bool:
    """True when a request (a session's WebSocket handshake: its headers, and ``peer``, the
    address it came from, None for this machine as ``st.context.ip_address`` gives it) came
    from this machine's browser to this machine's address: from a loopback address; one
    ``Host``, and it is ``localhost``, ``127.0.0.1`` or ``[::1]`` (any port; a client elsewhere
    can write any ``Host``, hence the address); an ``Origin``, if sent, is the same ``http(s)``
    origin (not another local site's page); and no header a proxy adds.

    Decides local mode, which gives every role to whoever it serves: behind nginx or reached
    under a network name it would serve the whole network. No headers (no request) is refused.
    """
    if peer is not None and not _loopback_address(peer):
        return False
    values: dict[str, list[str]] = {}
    for name, value in headers:
        values.setdefault(name.lower(), []).append(value)
    hosts, origins = values.get("host", []), values.get("origin", [])
    if len(hosts) != 1 or not _LOOPBACK.fullmatch(hosts[0]) or any(h in values for h in PROXY_HEADERS):
        return False
    if not origins:
        return True
    origin = _ORIGIN.fullmatch(origins[0]) if len(origins) == 1 and origins[0].isascii() else None
    return origin is not None and origin["host"].lower() == hosts[0].lower()


def _loopback_address(address: str) -> bool:
    """127.0.0.0/8 or ::1, also as an IPv4-mapped IPv6 address (a server listening on ``::``)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)


def local_account(headers: Iterable[tuple[str, str]], peer: str | None) -> Account:
    """The one user of an installation without sign-in: every role, for a request from this
    machine only (``is_local_request``); any other request is refused (``not_local``)."""
    if not is_local_request(headers, peer):
        return Account(LOCAL_USER, None, local=True, refusal="not_local")
    return LOCAL_ACCOUNT


#: The claims kept with an account's binding and in the audit log, as the provider sent them.
BINDING_CLAIMS = ("iss", "sub", "email", "email_verified")

#: Binds an allowlisted address to the provider's issuer and subject on first sign-in and says
#: how the claims compare with the binding: ``"bound"`` (just now), ``"same"``, or a refusal
#: (``"other_subject"``, ``"other_email"``). ``Store.bind_account`` is one.
Bind = Callable[[str, str, str, dict[str, Any]], str]


def account_for(claims: Mapping[str, Any], allowlist: Mapping[str, Role], bind: Bind) -> Account:
    """The account of a user the provider signed in, from its claims (``st.user``).

    Refused (role None) when signed out; without an e-mail; unless ``email_verified`` is the JSON
    ``true`` (a missing claim or the string ``"true"`` is not); with an address that is not plain
    ASCII (``plain_email``: look-alikes are not folded); not on the allowlist; without an issuer
    and subject; or when ``bind`` says the address belongs to another issuer and subject, or
    these to another address (the first sign-in binds them, ``bind(email, issuer, subject, claims)``).
    """
    if not claims.get("is_logged_in"):
        return Account("", None, refusal="signed_out")
    raw = claims.get("email")
    name = str(claims.get("name") or "")
    if not raw:
        return Account("", None, name, refusal="no_email")
    shown = str(raw)
    if claims.get("email_verified") is not True:
        return Account(shown, None, name, refusal="unverified")
    email = plain_email(raw)
    if email is None:
        return Account(shown, None, name, refusal="not_plain")
    role = allowlist.get(email)
    if role is None:
        return Account(email, None, name, refusal="not_listed")
    issuer, subject = claims.get("iss"), claims.get("sub")
    if not (_identifier(issuer) and _identifier(subject)):
        return Account(email, None, name, refusal="no_subject")
    outcome = bind(email, issuer, subject, {claim: claims.get(claim) for claim in BINDING_CLAIMS})
    if outcome in ("bound", "same"):
        return Account(email, role, name)
    return Account(email, None, name, refusal="other_email" if outcome == "other_email" else "other_subject")


def _identifier(value: object) -> bool:
    """An issuer or subject the store can keep: non-empty text of at most 500 characters."""
    return isinstance(value, str) and 0 < len(value) <= 500


class SignInMisconfigured(Exception):
    """Sign-in set up so that it cannot be trusted: refusing beats every role for all.

    ``reason``: ``"no_provider"`` (an allowlist without a provider) or ``"trusted_headers"``."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def check_configuration(
    provider_configured: bool, allowlist: Mapping[str, Role], trusted_user_headers: Mapping[str, str] | None = None
) -> None:
    """Fail closed: users listed for sign-in but no provider to sign them in; or Streamlit told to
    take ``st.user`` claims from request headers (``server.trustedUserHeaders``), which override
    the provider's and which any client, or a proxy that passes them on, can write."""
    if allowlist and not provider_configured:
        raise SignInMisconfigured(
            "An allowlist is set (PRESSDRAFT_ALLOWLIST) but no sign-in provider is configured: add the [auth] "
            "section to .streamlit/secrets.toml (see docs/sign-in.md), or remove the allowlist to run "
            "without sign-in.",
            "no_provider",
        )
    if provider_configured and trusted_user_headers:
        raise SignInMisconfigured(
            "Streamlit's server.trustedUserHeaders is set: it would take the signed-in user's claims from "
            "request headers instead of the sign-in provider; remove it (see docs/sign-in.md).",
            "trusted_headers",
        )
