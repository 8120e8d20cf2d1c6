"""Release numbers, as the app gives them: ``auto`` becomes the issuer's next number of the year.

Approval gives the number in its own transaction (``store/review.py`` calls ``store/numbers.py``);
editors and administrators may also ask for it earlier, through ``AppService.assign_release_number``
(not for a frozen release: ``app/locks.py``). The store takes
the number, records it in the draft, the register and the audit log in one transaction, and gives
a draft the same number however often it is asked (``store/numbers.py``); this module checks the
draft first and tells refusals as problems, in the user's language, at the field they concern.
"""

from __future__ import annotations

from pressdraft import N_
from pressdraft.core.directory import Directory
from pressdraft.core.model import AUTO_NUMBER
from pressdraft.core.problems import Location, PressdraftError, Problem, unknown
from pressdraft.pipeline.engine import Engine
from pressdraft.store.api import Store
from pressdraft.store.numbers import FormatError, NotAutomatic

NOT_AUTOMATIC = N_("this release does not ask for a number from its issuer's series: write auto to get one")
FORMAT_REFUSALS = {
    "no_number": N_("the number format {format} does not say where the number goes: write {{number}} in it"),
    "characters": N_(
        "the number format {format} may hold, besides {{year}}, {{number}} and {{number:3}}, "
        "only letters, digits, / . and -"
    ),
    "result": N_(
        "the number format {format} does not print a release number "
        "(at most 40 characters, beginning and ending with a letter or digit)"
    ),
}
NUMBER = Location(field=("release", "number"))


def assign(store: Store, engine: Engine, draft_id: str, *, user: str) -> str:
    """The draft's release number as printed: the one it was given, or, for a valid draft whose
    number is ``auto``, the next of its issuer's series for the year of its release date."""
    if store.assigned_release_number(draft_id) is None:
        draft = engine.draft_from_data(store.get_draft(draft_id).data)  # every problem of an invalid draft
        if draft.release.number != AUTO_NUMBER:
            raise PressdraftError(Problem(NUMBER, NOT_AUTOMATIC))
    try:
        return store.assign_release_number(draft_id, user=user).printed
    except NotAutomatic:  # changed in another tab since it was read
        raise PressdraftError(Problem(NUMBER, NOT_AUTOMATIC)) from None


def set_format(store: Store, directory: Directory, issuer: str, number_format: str | None, *, user: str) -> None:
    """How ``issuer`` (an organization of the directory) prints its numbers from now on (None: the
    default, ``{year}/{number}``)."""
    where = Location(field=("release_number_format", issuer))
    if issuer not in directory.organizations:
        raise PressdraftError(unknown(where, "organization", issuer, directory.organizations))
    try:
        store.set_release_number_format(issuer, number_format, user=user)
    except FormatError as refused:
        raise PressdraftError(Problem(where, FORMAT_REFUSALS[refused.reason], {"format": number_format})) from None
