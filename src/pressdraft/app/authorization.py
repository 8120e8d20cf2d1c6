"""Who may make which change: one table, checked by the app service before every change.

The interface hides what a role may not do, but that is a convenience, not the rule: the rule
is here. ``AppService`` and the ``Workshop`` it exposes act for one account, and each of their
public methods that changes something is marked ``@requires(action)``, which checks the account
against ``PERMISSIONS`` before the method runs, whoever calls it (a page, a popover, a
callback, a script). A refusal is always ``NotAllowed``: a ``PressdraftError`` whose one-line
message the app shows in the user's language. Methods that only read are listed in the class's
``READS``; a test fails when a public method is in neither (``tests/test_authorization.py``).

Roles are those of ``pressdraft.app.auth``; local mode is one account with every role.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from pressdraft import N_
from pressdraft.app.auth import ROLES, Account
from pressdraft.core.problems import NOWHERE, PressdraftError, Problem
from pressdraft.core.users import same_user

OWNER = "owner"  # not a role: the owner of the draft concerned, whatever their role
EVERYONE = frozenset(ROLES)

# action -> who may take it (roles, and OWNER where the draft's owner may too)
PERMISSIONS: dict[str, frozenset[str]] = {
    "draft.create": EVERYONE,  # new, imported, duplicated drafts
    "draft.edit": EVERYONE,  # drafts are shared; a non-owner's edits are audited (store/draft_audit.py)
    "draft.trash": frozenset({OWNER, "admin"}),  # to the trash and back
    "draft.purge": frozenset({"admin"}),
    "directory.edit": frozenset({"editor", "admin"}),
    "templates.edit": frozenset({"editor", "admin"}),
    # a number by hand (approval gives one too): an editor's right, like approving
    "release.number": frozenset({"editor", "admin"}),
    "draft.comment": frozenset({"editor", "admin"}),  # the reviewer's remark beside a field
    # resolve a comment: the draft's owner or the comment's author (``app/history.py``), editors
    "comment.resolve": frozenset({OWNER, "editor", "admin"}),
    # the review (app/review.py): whoever may edit a draft sends it for review, and takes back an
    # approval or a publication to change the text again (the withdrawal is a version and audited);
    # editors and admins decide (approve, or ask for changes) and publish
    "review.submit": EVERYONE,
    "review.withdraw": EVERYONE,
    "review.decide": frozenset({"editor", "admin"}),
    "review.publish": frozenset({"editor", "admin"}),
    "audit": frozenset({"admin"}),  # read and export the audit log, restore a draft kept in it
    "settings": frozenset({"admin"}),
    # bindings of sign-in accounts: made by the installation itself (its own service, acting as the
    # local account) when someone signs in; read and released by an administrator
    "accounts": frozenset({"admin"}),
}

REFUSALS: dict[str, str] = {
    "draft.create": N_("Your account may not create drafts."),
    "draft.edit": N_("Your account may not change drafts."),
    "draft.trash": N_("Only the draft's owner or an administrator may move it to the trash or restore it."),
    "draft.purge": N_("Only an administrator may delete a draft for good."),
    "directory.edit": N_("Only editors and administrators may change the directory."),
    "templates.edit": N_("Only editors and administrators may change templates."),
    "release.number": N_("Only editors and administrators may give a release its number."),
    "draft.comment": N_("Only editors and administrators may comment on a release."),
    "comment.resolve": N_("Only the draft's owner, the comment's author, an editor or an admin may resolve it."),
    "review.submit": N_("Your account may not send releases for review."),
    "review.withdraw": N_("Your account may not withdraw a release from review, approval or publication."),
    "review.decide": N_("Only editors and administrators may approve a release or ask for changes."),
    "review.publish": N_("Only editors and administrators may publish a release."),
    "audit": N_("Only administrators may read the audit log or restore a draft from it."),
    "settings": N_("Only administrators may change the settings."),
    "accounts": N_("Only administrators may see or release the bindings of sign-in accounts."),
}


class NotAllowed(PressdraftError):
    """The acting account may not take this action; nothing was changed."""

    def __init__(self, action: str):
        super().__init__(Problem(NOWHERE, REFUSALS[action]))
        self.action = action


def allowed(account: Account, action: str, owner: str | None = None) -> bool:
    """Whether ``account`` may take ``action`` (on a draft owned by ``owner``, when it matters)."""
    if not account.allowed:
        return False
    roles = PERMISSIONS[action]
    mine = owner is not None and same_user(owner, account.user)
    return account.role in roles or (OWNER in roles and mine)


def authorize(account: Account, action: str, owner: str | None = None) -> None:
    """Raise ``NotAllowed`` unless ``account`` may take ``action``."""
    if not allowed(account, action, owner):
        raise NotAllowed(action)


Method = TypeVar("Method", bound=Callable[..., Any])


def requires(action: str, owner: Callable[..., str] | None = None) -> Callable[[Method], Method]:
    """Mark a method of an object with an ``account`` as the change ``action`` and check it on
    every call; ``owner(self, *args, **kwargs)`` names the owner of the draft concerned."""
    if action not in PERMISSIONS:
        raise KeyError(action)

    def mark(method: Method) -> Method:
        @functools.wraps(method)
        def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
            authorize(self.account, action, owner(self, *args, **kwargs) if owner else None)
            return method(self, *args, **kwargs)

        checked.action = action  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return mark


def mutations(cls: type) -> dict[str, str]:
    """``{method name: action}`` of every method of ``cls`` marked with ``requires``."""
    return {
        name: member.action
        for name in dir(cls)
        if not name.startswith("_") and (member := getattr(cls, name, None)) and hasattr(member, "action")
    }
