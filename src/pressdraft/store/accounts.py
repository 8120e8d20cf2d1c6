"""Accounts: each allowlisted e-mail address bound to the provider's issuer and subject.

The first sign-in with an address binds it to the ``iss`` and ``sub`` of the provider's ID
token; a later sign-in with the same address and another issuer or subject (a look-alike
account at the provider, another provider, a re-used address) is refused, and so is the same
issuer and subject with another address. An admin releases a binding when someone really
changed provider or account. Binding, refusals and releases are audited with the raw claims.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError

from pressdraft.store import audit
from pressdraft.store.database import plain_json
from pressdraft.store.records import AccountBinding
from pressdraft.store.schema import accounts, now

_A = accounts.c


def bind(connection: Connection, email: str, issuer: str, subject: str, claims: Any) -> str:
    """Bind ``email`` to ``issuer`` and ``subject`` unless either is bound already, and say how
    the sign-in compares: ``"bound"`` (just now), ``"same"`` (as bound before), ``"other_subject"``
    (the address is bound to another issuer or subject) or ``"other_email"`` (this issuer and
    subject are bound to another address). Binding and refusals are audited with ``claims``."""
    claims = plain_json(claims)
    existing = _matching(connection, email, issuer, subject)
    if existing is None:
        try:
            with connection.begin_nested():
                connection.execute(
                    insert(accounts).values(email=email, issuer=issuer, subject=subject, claims=claims, bound_at=now())
                )
        except IntegrityError:  # a first sign-in in another tab or on another server, a moment ago
            return bind(connection, email, issuer, subject, claims)  # compare with the row it bound
        _audit(connection, "account.bind", email, None, claims)
        return "bound"
    if (existing.email, existing.issuer, existing.subject) == (email, issuer, subject):
        return "same"
    _audit(connection, "account.refused", email, _shown(existing), claims)
    return "other_subject" if existing.email == email else "other_email"


def _matching(connection: Connection, email: str, issuer: str, subject: str) -> AccountBinding | None:
    """The binding of ``email`` if there is one, else that of ``issuer`` and ``subject``."""
    query = select(accounts).where(or_(_A.email == email, (_A.issuer == issuer) & (_A.subject == subject)))
    rows = [AccountBinding(**row._mapping) for row in connection.execute(query)]
    return next((row for row in rows if row.email == email), rows[0] if rows else None)


def all_bindings(connection: Connection) -> list[AccountBinding]:
    """Every binding, by e-mail."""
    return [AccountBinding(**row._mapping) for row in connection.execute(select(accounts).order_by(_A.email))]


def release(connection: Connection, email: str, *, user: str) -> bool:
    """Remove the binding of ``email`` (audited), so its next sign-in binds anew; False if none."""
    row = connection.execute(select(accounts).where(_A.email == email)).one_or_none()
    if row is None:
        return False
    connection.execute(delete(accounts).where(_A.email == email))
    audit.write(
        connection,
        user=user,
        action="account.release",
        object_type="account",
        object_id=email,
        before=_shown(AccountBinding(**row._mapping)),
        after=None,
    )
    return True


def _shown(binding: AccountBinding) -> dict[str, Any]:
    return {
        "email": binding.email,
        "issuer": binding.issuer,
        "subject": binding.subject,
        "bound_at": binding.bound_at.isoformat(),
    }


def _audit(connection: Connection, action: str, email: str, before: Any, claims: Any) -> None:
    audit.write(
        connection, user=email, action=action, object_type="account", object_id=email, before=before, after=claims
    )
