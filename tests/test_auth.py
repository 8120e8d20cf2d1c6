"""Roles, the allowlist, a session's account, and what is audited under whose name (no browser)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from pressdraft.app import admin
from pressdraft.app.auth import (
    CAPABILITIES,
    Account,
    SignInMisconfigured,
    account_for,
    check_configuration,
    format_allowlist,
    is_local_request,
    local_account,
    parse_allowlist,
)
from pressdraft.app.settings import load_settings
from pressdraft.core.directory import table_rows
from pressdraft.core.problems import PressdraftError

ALLOWLIST = {"ayse@example.org": "admin", "emre@example.org": "editor", "deniz@example.org": "drafter"}
ISSUER = "https://login.example.org"
LOOPBACK = [("Host", "127.0.0.1:8501"), ("Origin", "http://127.0.0.1:8501")]


# --- the allowlist ------------------------------------------------------------------------------


def test_the_allowlist_reads_pairs_from_a_variable_and_a_table_from_the_settings_file(tmp_path):
    assert parse_allowlist(" Ayse@Example.org = ADMIN,emre@example.org=editor;\ndeniz@example.org=drafter\n") == (
        ALLOWLIST
    )
    file = tmp_path / "settings.toml"
    file.write_text('[allowlist]\n"ayse@example.org" = "admin"\n"deniz@example.org" = "drafter"\n', "utf-8")
    assert load_settings({}, file)["allowlist"] == {"ayse@example.org": "admin", "deniz@example.org": "drafter"}
    assert load_settings({"PRESSDRAFT_ALLOWLIST": "emre@example.org=editor"}, file)["allowlist"] == {
        "emre@example.org": "editor"
    }
    assert load_settings({})["allowlist"] == {} and load_settings({})["sign_in_provider"] == ""


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ayse@example.org", "write e-mail=role"),
        ("ayse=admin", "not an e-mail address"),
        ("ayse@example.org=owner", "not one of drafter, editor, admin"),
        ("ayse@example.org=admin, AYSE@example.org=drafter", "listed twice"),
    ],
)
def test_an_allowlist_that_cannot_be_read_stops_with_the_variable_named(value, message):
    with pytest.raises(PressdraftError, match=message) as caught:
        load_settings({"PRESSDRAFT_ALLOWLIST": value})
    assert caught.value.problems[0].path == "PRESSDRAFT_ALLOWLIST"


def test_the_allowlist_is_written_back_admins_first():
    assert format_allowlist(ALLOWLIST) == "ayse@example.org=admin, emre@example.org=editor, deniz@example.org=drafter"


# --- accounts and roles --------------------------------------------------------------------------


def signed_in(email: str, **claims) -> dict:
    """The claims of a user the provider signed in (``st.user``), verified, with an issuer and subject."""
    return {
        "is_logged_in": True,
        "email": email,
        "email_verified": True,
        "iss": ISSUER,
        "sub": f"sub-{email}",
        **claims,
    }


def bound(email, issuer, subject, claims) -> str:
    """A binding that always matches (the store's is tested below and in tests/store)."""
    return "same"


def test_each_role_includes_the_ones_before_it():
    drafter, editor, admin_ = (Account(f"{r}@example.org", r) for r in ("drafter", "editor", "admin"))
    allowed = {who.role: sorted(c for c in CAPABILITIES if who.can(c)) for who in (drafter, editor, admin_)}
    assert allowed["drafter"] == ["compose", "directory.view", "drafts"]
    assert allowed["editor"] == ["comment", "compose", "directory.edit", "directory.view", "drafts", "templates"]
    assert allowed["admin"] == sorted(CAPABILITIES)


def test_a_signed_in_user_gets_the_role_of_their_address_without_regard_to_case():
    who = account_for(signed_in("Deniz@Example.org", name="Deniz Kaya"), ALLOWLIST, bound)
    assert (who.user, who.role, who.name, who.local) == ("deniz@example.org", "drafter", "Deniz Kaya", False)
    assert who.can("compose") and not who.can("templates") and not who.can("trash.purge")


@pytest.mark.parametrize(
    ("claims", "refusal"),
    [
        ({"is_logged_in": False}, "signed_out"),
        ({}, "signed_out"),
        (signed_in("stranger@example.org"), "not_listed"),
        (signed_in(""), "no_email"),
        (signed_in("ayse@example.org", email_verified=False), "unverified"),
    ],
)
def test_whoever_is_not_signed_in_verified_and_listed_is_refused(claims, refusal):
    who = account_for(claims, ALLOWLIST, bound)
    assert not who.allowed and who.refusal == refusal
    assert not any(who.can(c) for c in CAPABILITIES)


LOOK_ALIKES = {"ayse@example.org": "admin", "kemal@press.gov": "editor", "admin@press.gov": "admin"}


@pytest.mark.parametrize(
    "email",
    [
        "admin@pre\u017fs.gov",  # long s: "ſ".casefold() == "s"
        "\u212aemal@press.gov",  # Kelvin sign: "K".lower() == "k"
        "\u212aEMAL@PRESS.GOV",
        "\uff41yse@example.org",  # fullwidth a: NFKC makes it "a"
        "ay\u0455e@example.org",  # Cyrillic dze, looks like s
        "ayse@example.org\u200b",  # a zero-width space after it
        "ayse@exam\u0440le.org",  # Cyrillic er, looks like p
        "ayse@example.org ",
        " ayse@example.org",
        "ayse@example.org\x00",
        "AYSE@EXAMPLE.\u024cRG",
    ],
)
def test_an_address_that_only_looks_like_an_allowlisted_one_is_refused(email):
    who = account_for(signed_in(email), LOOK_ALIKES, bound)
    assert not who.allowed and who.refusal == "not_plain" and who.user == email


def test_an_allowlisted_address_matches_in_any_ascii_case():
    for email in ("KEMAL@PRESS.GOV", "Kemal@Press.gov", "ADMIN@press.GOV"):
        assert account_for(signed_in(email), LOOK_ALIKES, bound).allowed


@pytest.mark.parametrize("verified", [None, "missing", "true", "True", "false", 1, "1", [True], {"value": True}])
def test_only_the_json_true_counts_as_a_verified_address(verified):
    claims = signed_in("ayse@example.org", email_verified=verified)
    if verified == "missing":
        del claims["email_verified"]
    who = account_for(claims, ALLOWLIST, bound)
    assert not who.allowed and who.refusal == "unverified"
    assert account_for(signed_in("ayse@example.org", email_verified=True), ALLOWLIST, bound).role == "admin"


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (
            "admin@pre\u017fs.gov=admin",
            "'admin@preſs.gov': only ASCII e-mail addresses are accepted, and this one has 'ſ' (U+017F)",
        ),
        (
            "\u212aemal@press.gov=editor",
            "'\u212aemal@press.gov': only ASCII e-mail addresses are accepted, and this one has '\u212a' (U+212A)",
        ),
        ("ayse@example.org=adm\u0131n", "ayse@example.org: the role 'admın' is not one of drafter, editor, admin"),
        ("x" * 200 + "@example.org=admin", "at most 200 characters"),
    ],
)
def test_an_allowlist_entry_that_is_not_plain_ascii_is_refused_with_the_entry_named(value, named):
    with pytest.raises(PressdraftError) as caught:
        load_settings({"PRESSDRAFT_ALLOWLIST": value})
    assert named in str(caught.value.problems[0].message) and caught.value.problems[0].path == "PRESSDRAFT_ALLOWLIST"
    with pytest.raises(ValueError, match="U\\+017F"):
        parse_allowlist({"admin@pre\u017fs.gov": "admin"})  # the settings file's table too


def test_an_allowlisted_address_is_bound_to_the_issuer_and_subject_of_its_first_sign_in():
    calls = []

    def bind(email, issuer, subject, claims):
        calls.append((email, issuer, subject, claims))
        return outcomes.pop(0)

    outcomes = ["bound", "same", "other_subject", "other_email", "anything else"]
    claims = signed_in("Ayse@example.org", name="Ayşe", aud="pressdraft")
    assert [account_for(claims, ALLOWLIST, bind).refusal for _ in range(5)] == [
        "",
        "",
        "other_subject",
        "other_email",
        "other_subject",
    ]
    raw = {"iss": ISSUER, "sub": "sub-Ayse@example.org", "email": "Ayse@example.org", "email_verified": True}
    assert calls[0] == ("ayse@example.org", ISSUER, "sub-Ayse@example.org", raw)

    calls.clear()
    for unbound in (
        signed_in("ayse@example.org", sub=""),
        signed_in("ayse@example.org", iss=None),
        signed_in("ayse@example.org", sub=42),
        signed_in("ayse@example.org", sub="s" * 501),
    ):
        assert account_for(unbound, ALLOWLIST, bind).refusal == "no_subject"
    for refused in (signed_in("stranger@example.org"), signed_in("ayse@example.org", email_verified=False)):
        assert not account_for(refused, ALLOWLIST, bind).allowed
    assert calls == []  # nothing bound for anyone refused before


def test_sign_ins_bind_and_are_refused_in_the_store_and_an_admin_releases_a_binding(service):
    store = service.store
    ayse, impostor = signed_in("ayse@example.org"), signed_in("ayse@example.org", sub="impostor")
    assert account_for(ayse, ALLOWLIST, store.bind_account).role == "admin"
    assert account_for(ayse, ALLOWLIST, store.bind_account).role == "admin"
    refused = account_for(impostor, ALLOWLIST, store.bind_account)
    assert not refused.allowed and refused.refusal == "other_subject"
    assert store.audit_entries(1)[0].after == {
        "iss": ISSUER,
        "sub": "impostor",
        "email": "ayse@example.org",
        "email_verified": True,
    }
    assert store.release_account("ayse@example.org", user="emre@example.org")
    assert account_for(impostor, ALLOWLIST, store.bind_account).role == "admin"
    assert account_for(ayse, ALLOWLIST, store.bind_account).refusal == "other_subject"
    assert [e.action for e in store.audit_entries(10, object_type="account")] == [
        "account.refused",
        "account.bind",
        "account.release",
        "account.refused",
        "account.bind",
    ]


@pytest.mark.parametrize(
    "headers",
    [
        [("Host", "localhost:8501")],
        [("host", "127.0.0.1:8501"), ("origin", "http://127.0.0.1:8501")],
        [("Host", "[::1]:8501"), ("Origin", "http://[::1]:8501")],
        [("Host", "LOCALHOST"), ("Origin", "http://localhost")],
        [("Host", "localhost:8501"), ("Origin", "https://localhost:8501"), ("Cookie", "x=1")],
    ],
)
def test_local_mode_serves_a_browser_on_this_machine(headers):
    assert is_local_request(headers, None) and local_account(headers, None).role == "admin"


@pytest.mark.parametrize(
    ("peer", "local"),
    [
        (None, True),  # how Streamlit reports 127.0.0.1 and ::1
        ("127.0.0.1", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),  # a server listening on ::
        ("192.0.2.2", False),  # another machine, whatever Host it wrote
        ("10.0.0.7", False),
        ("::ffff:10.0.0.7", False),
        ("fd00::2", False),
        ("localhost", False),
        ("", False),
    ],
)
def test_local_mode_serves_only_connections_from_a_loopback_address(peer, local):
    assert is_local_request(LOOPBACK, peer) is local
    assert (local_account(LOOPBACK, peer).refusal == "not_local") is not local


@pytest.mark.parametrize(
    "headers",
    [
        [],  # no request at all
        [("Host", "192.168.1.20:8501")],  # the machine's address on the network
        [("Host", "press.example.org")],  # a network name, e.g. through nginx
        [("Host", "0.0.0.0:8501")],
        [("Host", "localhost.attacker.example")],  # DNS rebinding
        [("Host", "127.0.0.1.nip.io:8501")],
        [("Host", "127.0.0.2:8501")],
        [("Host", "localhost:8501@attacker.example")],
        [("Host", "localhost:")],
        [("Host", "locaⅼhost:8501")],  # small roman numeral fifty
        [("Host", "localho\u017ft:8501")],  # long s
        [("Host", "::1")],
        [("Host", "localhost:8501"), ("Host", "press.example.org")],
        [("Host", "127.0.0.1:8501"), ("X-Forwarded-For", "10.0.0.7")],  # nginx on this machine
        [("Host", "127.0.0.1:8501"), ("X-Real-IP", "10.0.0.7")],
        [("Host", "127.0.0.1:8501"), ("Forwarded", "for=10.0.0.7")],
        [("Host", "127.0.0.1:8501"), ("X-Forwarded-Proto", "https")],
        [("Host", "127.0.0.1:8501"), ("X-Forwarded-Host", "press.example.org")],
        [("Host", "127.0.0.1:8501"), ("Via", "1.1 proxy")],
        [("Host", "127.0.0.1:8501"), ("Origin", "https://press.example.org")],  # a proxy that rewrites Host
        [("Host", "localhost:8501"), ("Origin", "http://localhost:3000")],  # another local page
        [("Host", "localhost:8501"), ("Origin", "http://127.0.0.1:8501")],
        [("Host", "localhost:8501"), ("Origin", "null")],
        [("Host", "localhost:8501"), ("Origin", "http://localho\u017ft:8501")],
        [("Host", "localhost:8501"), ("Origin", "file://")],
        [("Host", "localhost:8501"), ("Origin", "http://localhost:8501"), ("Origin", "http://evil.example")],
    ],
)
def test_local_mode_refuses_any_request_from_elsewhere(headers):
    assert not is_local_request(headers, None)
    who = local_account(headers, None)
    assert who.local and not who.allowed and who.refusal == "not_local"
    assert not any(who.can(c) for c in CAPABILITIES)


def test_local_mode_is_one_user_with_every_role():
    who = local_account(LOOPBACK, None)
    assert who.local and who.user == "local" and all(who.can(c) for c in CAPABILITIES)


def test_a_draft_goes_to_the_trash_by_its_owner_or_an_admin():
    drafter = Account("deniz@example.org", "drafter")
    assert drafter.may_trash("Deniz@example.org") and not drafter.may_trash("emre@example.org")
    assert Account("ayse@example.org", "admin").may_trash("emre@example.org")
    assert not Account("x@example.org", None, refusal="not_listed").may_trash("x@example.org")


def test_an_allowlist_without_a_provider_fails_closed():
    check_configuration(True, ALLOWLIST)
    check_configuration(False, {})
    with pytest.raises(SignInMisconfigured, match=r"\[auth\]"):
        check_configuration(False, ALLOWLIST)


def test_claims_taken_from_request_headers_fail_closed():
    check_configuration(True, ALLOWLIST, {})
    check_configuration(False, {}, {"X-Email": "email"})  # local mode never reads st.user
    with pytest.raises(SignInMisconfigured, match="server.trustedUserHeaders") as caught:
        check_configuration(True, ALLOWLIST, {"X-Email": "email"})
    assert caught.value.reason == "trusted_headers"


# --- what is audited, under whose name -----------------------------------------------------------


def test_a_session_acts_as_its_user_on_the_shared_store_and_engine(service):
    emre = service.for_user(Account("emre@example.org", "admin"))  # an admin: the purge below needs one
    assert emre.store is service.store and emre.engine is service.engine and service.user == "local"
    draft_id = emre.new_draft()
    assert emre.store.get_draft(draft_id).owner == "emre@example.org"
    assert {row.id: row.owner for row in service.draft_summaries()}[draft_id] == "emre@example.org"

    emre.trash_draft(draft_id)
    emre.restore_draft(draft_id)
    emre.trash_draft(draft_id)
    emre.purge_draft(draft_id)
    places = table_rows(emre.directory_data(), "places")
    emre.save_directory_section("places", [*places, {"key": "gabala", "name.tr": "Gebele", "name.az": "Qəbələ"}])
    files, base = emre.workshop.files("joint-meeting")
    emre.workshop.save("joint-meeting", files, base_version=base, comment="same text")
    emre.workshop.restore("joint-meeting", 1)

    entries = service.store.audit_entries(50)
    assert [(e.user, e.action, e.object_type) for e in entries] == [
        ("emre@example.org", "template.restore", "template"),
        ("emre@example.org", "template.save", "template"),
        ("emre@example.org", "directory.save", "directory"),
        ("emre@example.org", "draft.purge", "draft"),
        ("emre@example.org", "draft.delete", "draft"),
        ("emre@example.org", "draft.restore", "draft"),
        ("emre@example.org", "draft.delete", "draft"),
    ]
    assert entries[3].before["owner"] == "emre@example.org" and entries[3].after is None
    assert service.engine.directory.places["gabala"].name.az == "Qəbələ"  # the shared engine sees the change


def test_settings_changed_outside_the_app_are_audited_once_with_before_and_after(service):
    store = service.store
    defaults = load_settings({"PRESSDRAFT_DATA_DIR": "x"})
    assert admin.record_settings(store, defaults) == []  # a fresh default installation records nothing
    first = load_settings({"PRESSDRAFT_ALLOWLIST": "ayse@example.org=admin"})
    assert admin.record_settings(store, first) == ["allowlist"]
    assert admin.record_settings(store, first) == []  # unchanged: nothing more
    second = load_settings({"PRESSDRAFT_ALLOWLIST": "ayse@example.org=admin, deniz@example.org=drafter"})
    assert admin.record_settings(store, second) == ["allowlist"]
    latest, earlier = store.audit_entries(2, object_type="setting")
    assert (latest.user, latest.action, latest.object_id) == (admin.SETTINGS_AUTHOR, "settings.changed", "allowlist")
    assert latest.before == {"value": {"ayse@example.org": "admin"}}
    assert latest.after == {"value": {"ayse@example.org": "admin", "deniz@example.org": "drafter"}}
    assert earlier.before == {"value": {}}


def test_the_audit_log_pages_and_exports_as_csv_and_json_without_formulas(service):
    store = service.store
    for number in range(7):
        store.audit(user="ayse@example.org", action="draft.delete", object_type="draft", object_id=f"d{number}")
    store.audit(user="=cmd|' /C calc'!A0", action="draft.delete", object_type="draft", object_id="+x")
    store.audit(user="ayse@example.org", action="directory.save", object_type="directory", object_id="directory")
    page, more = admin.audit_page(store, page=0, size=4)
    assert [e.object_id for e in page] == ["directory", "+x", "d6", "d5"] and more
    page, more = admin.audit_page(store, object_type="draft", page=1, size=4)
    assert [e.object_id for e in page] == ["d3", "d2", "d1", "d0"] and not more

    rows = list(csv.DictReader(io.StringIO(admin.audit_csv(store).decode("utf-8-sig"))))
    assert len(rows) == 9 and rows[0]["object_id"] == "d0" and rows[-1]["action"] == "directory.save"
    assert rows[7]["user"] == "'=cmd|' /C calc'!A0" and rows[7]["object_id"] == "'+x"
    exported = json.loads(admin.audit_json(store))
    assert [e["object_id"] for e in exported][-2:] == ["+x", "directory"]
    assert exported[-2]["user"] == "=cmd|' /C calc'!A0"  # JSON keeps the text as it is


def test_the_settings_are_shown_without_the_database_password():
    shown = admin.shown_value("database_url", "postgresql+psycopg://pd:secret@db/pressdraft")
    assert "secret" not in shown and "pd:***@db" in shown
    assert admin.shown_value("allowlist", ALLOWLIST).startswith("ayse@example.org=admin")
    assert admin.shown_value("letterhead", None) == ""
