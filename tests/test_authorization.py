"""Roles are enforced by the app service, not by the pages: every change called as every role.

The table below says, for each change the service (and the workshop it exposes) can make, which
roles may make it; each cell is a test. A refused call raises ``NotAllowed`` and changes nothing
in the store (no row, no revision, no audit entry). A public method added to the service or the
workshop without a permission (or a place among the reads) fails
``test_every_public_method_is_a_checked_change_or_a_read``, and one with a permission but no row
here fails ``test_every_change_has_a_row_in_the_table``.
"""

from __future__ import annotations

import inspect
import io
import re
import uuid
import zipfile
from functools import partial
from pathlib import Path

import pytest
from PIL import Image
from review_states import new_release

from pressdraft.app.archive import Archive
from pressdraft.app.auth import CAPABILITIES, LOCAL_ACCOUNT, Account
from pressdraft.app.authorization import OWNER, PERMISSIONS, REFUSALS, NotAllowed, allowed, mutations
from pressdraft.app.history import History
from pressdraft.app.review import Review
from pressdraft.app.service import EXAMPLE, AppService
from pressdraft.app.settings import load_settings
from pressdraft.app.trust import template_runner
from pressdraft.app.worklist import Worklist
from pressdraft.app.workshop import Workshop
from pressdraft.core.directory import table_rows
from pressdraft.core.files import read_data
from pressdraft.ui.i18n import problem_text

ACCOUNTS = {
    "drafter": Account("deniz@example.org", "drafter"),
    "editor": Account("emre@example.org", "editor"),
    "admin": Account("ayse@example.org", "admin"),
    "refused": Account("stranger@example.org", None, refusal="not_listed"),  # signed in, not listed
}
SOMEONE_ELSE = "someone.else@example.org"
EVERYONE = {"drafter", "editor", "admin"}
EDITORS = {"editor", "admin"}
ADMINS = {"admin"}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """One installation (local mode) for the whole table; each call works on objects of its own."""
    service = AppService.open(
        load_settings({"PRESSDRAFT_DATA_DIR": str(tmp_path_factory.mktemp("data"))}), template_runner()
    )
    yield service
    service.store.close()


def draft(root: AppService, owner: str, *, trashed: bool = False) -> str:
    data = read_data(EXAMPLE.read_text("utf-8"), "yaml")
    draft_id = root.store.create_draft(data, owner=owner, title="sample").id
    if trashed:
        root.store.delete_draft(draft_id, user=owner)
    return draft_id


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def template_zip(template_id: str, root: AppService) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in root.workshop.files("joint-meeting")[0].items():
            archive.writestr(f"{template_id}/{name}", text)
    return buffer.getvalue()


def saved_template(root: AppService) -> str:
    """An organization's template with one version, made by the installation."""
    template_id = unique("copy")
    root.workshop.create(template_id, copy_of="joint-meeting")
    return template_id


def kept_draft_entry(root: AppService) -> int:
    """An audit entry keeping a draft's data: the installation edited someone else's draft."""
    draft_id = draft(root, SOMEONE_ELSE)
    root.editor(draft_id).set("fields.theme.en", "Changed")
    return root.store.audit_entries(1, object_type="draft", object_id=draft_id)[0].id


def auto_numbered_draft(root: AppService) -> str:
    """A valid format-2 release that asks for its number."""
    data = read_data(EXAMPLE.read_text("utf-8"), "yaml")
    data["format"], data["release"]["number"] = 2, "auto"
    return root.store.create_draft(data, owner=SOMEONE_ELSE, title="numbered").id


def commented(root: AppService, owner: str, author: str = SOMEONE_ELSE) -> int:
    """An open comment by ``author`` on a draft of ``owner``."""
    return root.store.add_comment(
        draft(root, owner), path="fields.theme", language="tr", text="Kısaltın.", author=author
    )


def png() -> bytes:
    """A small picture of its own each time (a new stored row)."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), tuple(uuid.uuid4().bytes[:3])).save(buffer, "PNG")
    return buffer.getvalue()


def place_entry() -> tuple[str, str, dict]:
    return "places", unique("town"), {"name": {"tr": "Kasaba", "az": "Qəsəbə", "en": "Town"}}


# call name -> (given the service acting for a user and the installation: the call, its objects
# made beforehand; the roles that may make it)
CALLS = {
    "new_draft": (lambda s, root: partial(s.new_draft), EVERYONE),
    "import_draft": (lambda s, root: partial(s.import_draft, EXAMPLE.read_bytes(), EXAMPLE.name), EVERYONE),
    "duplicate_draft": (lambda s, root: partial(s.duplicate_draft, draft(root, SOMEONE_ELSE)), EVERYONE),
    "open_draft_id": (lambda s, root: partial(s.open_draft_id, None), EVERYONE),
    "seed": (lambda s, root: partial(s.seed), EVERYONE),
    "editor (own draft)": (lambda s, root: partial(edit, s, draft(root, s.user)), EVERYONE),
    "editor (another's draft)": (lambda s, root: partial(edit, s, draft(root, SOMEONE_ELSE)), EVERYONE),
    "record_download": (
        lambda s, root: partial(s.record_download, d := draft(root, SOMEONE_ELSE), root.editor(d).edition()),
        EVERYONE,
    ),
    "trash_draft (own)": (lambda s, root: partial(s.trash_draft, draft(root, s.user)), EVERYONE),
    "trash_draft (another's)": (lambda s, root: partial(s.trash_draft, draft(root, SOMEONE_ELSE)), ADMINS),
    "restore_draft (own)": (lambda s, root: partial(s.restore_draft, draft(root, s.user, trashed=True)), EVERYONE),
    "restore_draft (another's)": (
        lambda s, root: partial(s.restore_draft, draft(root, SOMEONE_ELSE, trashed=True)),
        ADMINS,
    ),
    "purge_draft (own)": (lambda s, root: partial(s.purge_draft, draft(root, s.user, trashed=True)), ADMINS),
    "purge_draft (another's)": (
        lambda s, root: partial(s.purge_draft, draft(root, SOMEONE_ELSE, trashed=True)),
        ADMINS,
    ),
    "add_directory_entry": (lambda s, root: partial(s.add_directory_entry, *place_entry()), EDITORS),
    "save_directory_section": (
        lambda s, root: partial(
            s.save_directory_section,
            "places",
            [*table_rows(root.directory_data(), "places"), {"key": unique("town"), "name.tr": "Kasaba"}],
        ),
        EDITORS,
    ),
    "save_template": (lambda s, root: same_save(s.save_template, root), EDITORS),
    "create_template": (lambda s, root: partial(s.create_template, unique("new")), EDITORS),
    "restore_template": (lambda s, root: partial(s.restore_template, saved_template(root), 1), EDITORS),
    "import_templates": (lambda s, root: partial(s.import_templates, template_zip(unique("zipped"), root)), EDITORS),
    "workshop.save": (lambda s, root: same_save(s.workshop.save, root), EDITORS),
    "workshop.create": (lambda s, root: partial(s.workshop.create, unique("new")), EDITORS),
    "workshop.restore": (lambda s, root: partial(s.workshop.restore, saved_template(root), 1), EDITORS),
    "workshop.import_zip": (
        lambda s, root: partial(s.workshop.import_zip, template_zip(unique("zipped"), root)),
        EDITORS,
    ),
    "upload_photo": (lambda s, root: partial(s.upload_photo, png(), "photo.png"), EVERYONE),
    "assign_release_number": (lambda s, root: partial(s.assign_release_number, auto_numbered_draft(root)), EDITORS),
    "set_release_number_format": (
        lambda s, root: partial(s.set_release_number_format, "tr-communications", f"{unique('N')}-{{number}}"),
        ADMINS,
    ),
    "history.restore": (lambda s, root: partial(s.history.restore, draft(root, SOMEONE_ELSE), 1), EVERYONE),
    "history.comment": (
        lambda s, root: partial(s.history.comment, draft(root, SOMEONE_ELSE), "fields.theme", "az", "Qısaldın."),
        EDITORS,
    ),
    "history.resolve (another's draft)": (
        lambda s, root: partial(s.history.resolve, commented(root, SOMEONE_ELSE)),
        EDITORS,
    ),
    "history.resolve (own draft)": (lambda s, root: partial(s.history.resolve, commented(root, s.user)), EVERYONE),
    "history.resolve (own comment)": (
        lambda s, root: partial(s.history.resolve, commented(root, SOMEONE_ELSE, author=s.user)),
        EVERYONE,
    ),
    "review.submit": (lambda s, root: partial(s.review.submit, new_release(root, EXAMPLE)), EVERYONE),
    "review.request_changes": (
        lambda s, root: partial(s.review.request_changes, new_release(root, EXAMPLE, "in_review")),
        EDITORS,
    ),
    "review.approve": (lambda s, root: partial(s.review.approve, new_release(root, EXAMPLE, "in_review")), EDITORS),
    "review.publish": (lambda s, root: partial(s.review.publish, new_release(root, EXAMPLE, "approved")), EDITORS),
    "review.withdraw": (lambda s, root: partial(s.review.withdraw, new_release(root, EXAMPLE, "approved")), EVERYONE),
    "review.set_four_eyes": (lambda s, root: partial(s.review.set_four_eyes, True), ADMINS),
    "audit_page": (lambda s, root: partial(s.audit_page), ADMINS),
    "audit_file": (lambda s, root: partial(s.audit_file, "csv"), ADMINS),
    "recover_draft": (lambda s, root: partial(s.recover_draft, kept_draft_entry(root)), ADMINS),
    "record_settings": (
        lambda s, root: partial(
            s.record_settings, load_settings({"PRESSDRAFT_ALLOWLIST": f"{unique('a')}@example.org=admin"})
        ),
        ADMINS,
    ),
    "bind_account": (
        lambda s, root: partial(
            s.bind_account, f"{unique('b')}@example.org", "https://id.example.org", unique("sub"), {}
        ),
        ADMINS,
    ),
    "account_bindings": (lambda s, root: partial(s.account_bindings), ADMINS),
    "release_account": (
        lambda s, root: partial(
            s.release_account,
            (e := f"{unique('r')}@example.org", root.bind_account(e, "https://id.example.org", unique("sub"), {}))[0],
        ),
        ADMINS,
    ),
}


def edit(service: AppService, draft_id: str) -> None:
    service.editor(draft_id).set("fields.theme.en", "Changed")


def same_save(save, root: AppService) -> partial:
    """A save of the statement template as it is now, on its newest version."""
    files, base = root.workshop.files("statement")
    return partial(save, "statement", files, base_version=base)


def state(root: AppService) -> tuple:
    """Everything a change could touch: row counts (audit entries too), drafts, versions."""
    store = root.store
    drafts = [(d.id, d.revision, d.deleted_at) for trash in (False, True) for d in store.list_drafts(trash=trash)]
    templates = [(t.template_id, t.latest) for t in store.list_templates()]
    directory = store.directory_version()
    return store.counts(), sorted(drafts, key=str), templates, directory.number if directory else None


@pytest.mark.parametrize("role", list(ACCOUNTS))
@pytest.mark.parametrize("call", list(CALLS))
def test_each_role_may_make_the_changes_of_the_table_and_no_other(root, call, role):
    prepare, who_may = CALLS[call]
    service = root.for_user(ACCOUNTS[role])
    change = prepare(service, root)
    if role in who_may:
        change()
        return
    before = state(root)
    with pytest.raises(NotAllowed) as refused:
        change()
    assert "\n" not in str(refused.value)  # one line
    assert state(root) == before  # nothing written: no row, no revision, no audit entry


def test_every_public_method_is_a_checked_change_or_a_read():
    for cls in (AppService, Workshop, Worklist, History, Review, Archive):
        public = {
            name
            for name, member in inspect.getmembers(cls)
            if not name.startswith("_") and (inspect.isfunction(member) or inspect.ismethod(member))
        }
        changes = mutations(cls)
        assert not set(changes) & set(cls.READS), f"{cls.__name__}: both a change and a read"
        unclassified = public - set(changes) - set(cls.READS)
        assert not unclassified, f"{cls.__name__}: add these to authorization.PERMISSIONS or READS: {unclassified}"
        assert set(changes.values()) <= set(PERMISSIONS)


def test_every_change_has_a_row_in_the_table():
    marked = set(mutations(AppService)) | {f"workshop.{name}" for name in mutations(Workshop)}
    marked |= {f"history.{name}" for name in mutations(History)}
    marked |= {f"review.{name}" for name in mutations(Review)}
    tested = {call.split(" ")[0] for call in CALLS}
    assert marked == tested


def test_the_table_agrees_with_the_roles_the_pages_use():
    """The pages hide what the service refuses: ``auth.Account`` and this table say the same."""
    pairs = {"directory.edit": "directory.edit", "templates.edit": "templates", "draft.purge": "trash.purge"}
    pairs |= {
        "audit": "admin",
        "settings": "admin",
        "accounts": "admin",
        "draft.edit": "compose",
        "draft.create": "drafts",
        "draft.comment": "comment",
        "release.number": "templates",  # an editor's right, like approving
        "review.submit": "compose",
        "review.withdraw": "compose",
        "review.decide": "templates",  # editors and admins
        "review.publish": "templates",
    }
    for who in ACCOUNTS.values():
        for action, capability in pairs.items():
            assert allowed(who, action) == (who.allowed and who.can(capability)), (who.role, action)
        for owner in (who.user.upper(), SOMEONE_ELSE):
            assert allowed(who, "draft.trash", owner) == who.may_trash(owner), (who.role, owner)
            resolves = who.allowed and (who.can("comment") or owner == who.user.upper())
            assert allowed(who, "comment.resolve", owner) == resolves, (who.role, owner)
    assert set(pairs) | {"draft.trash", "comment.resolve"} == set(PERMISSIONS)
    assert all(roles <= {*CAPABILITIES.values(), OWNER} for roles in PERMISSIONS.values())


def test_local_mode_is_one_user_with_every_right(root):
    assert root.account == LOCAL_ACCOUNT
    assert all(allowed(root.account, action) for action in PERMISSIONS)


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_a_refusal_is_one_line_in_the_users_language(root, lang):
    drafter = root.for_user(ACCOUNTS["drafter"])
    with pytest.raises(NotAllowed) as refused:
        drafter.add_directory_entry(*place_entry())
    (problem,) = refused.value.problems
    text = problem_text(lang, problem)
    assert text and "\n" not in text and "{" not in text
    if lang != "en":
        assert text != REFUSALS["directory.edit"]


def test_a_drafter_adding_a_place_from_the_compose_form_is_refused_and_the_directory_unchanged(root):
    """The hole of issue 18: the form's "add new" popover wrote the directory for a drafter."""
    before = root.store.directory_version()
    drafter = root.for_user(ACCOUNTS["drafter"])
    section, key, entry = place_entry()
    with pytest.raises(NotAllowed, match="editors and administrators"):
        drafter.add_directory_entry(section, key, entry)
    after = root.store.directory_version()
    assert (after.number if after else None) == (before.number if before else None)
    assert key not in root.directory_data().get("places", {})


def test_the_pages_change_nothing_except_through_the_service():
    """No page writes through the store, the workshop's changes, the audit helpers or the engine."""
    ui = Path(__file__).resolve().parents[1] / "src" / "pressdraft" / "ui"
    workshop_changes = "|".join(mutations(Workshop))
    around = re.compile(
        rf"app\(\)\.store\b|\bservice\.store\b|\.workshop\.({workshop_changes})\b"
        r"|\badmin\.(audit_page|audit_csv|audit_json|record_settings)\b|\.(library|directory)\s*=(?!=)"
    )
    found = [
        f"{page.name}:{number}: {line.strip()}"
        for page in sorted(ui.glob("*.py"))
        for number, line in enumerate(page.read_text("utf-8").splitlines(), 1)
        if around.search(line)
    ]
    assert not found


def test_the_pages_reach_the_app_through_the_service_not_its_parts():
    """No page reads the service's store, engine or workshop, and only the page run refreshes:
    each change refreshes what it changed, so no caller refreshes after one."""
    ui = Path(__file__).resolve().parents[1] / "src" / "pressdraft" / "ui"
    parts = re.compile(r"\.(store|engine|workshop|library)\b|\brefresh\(")
    found = [
        (page.name, line.strip())
        for page in sorted(ui.glob("*.py"))
        for line in page.read_text("utf-8").splitlines()
        if parts.search(line) and not re.match(r"\s*(from|import) ", line)
    ]
    assert found == [("pages.py", "app().refresh()")]
