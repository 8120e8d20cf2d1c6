"""Accounts: an address bound to the issuer and subject of its first sign-in, refusals and
releases audited with the raw claims, and the bindings carried by a backup."""

from __future__ import annotations

from pathlib import Path

from pressdraft.store import Store, accounts, open_store, restore

ISSUER = "https://login.example.org"


def claims(email: str, subject: str, issuer: str = ISSUER) -> dict:
    return {"iss": issuer, "sub": subject, "email": email, "email_verified": True}


def bind(store: Store, email: str, subject: str, issuer: str = ISSUER) -> str:
    return store.bind_account(email, issuer, subject, claims(email, subject, issuer))


def test_the_first_sign_in_binds_the_address_and_only_that_account_signs_in_with_it_later(store: Store):
    assert bind(store, "ayse@example.org", "sub-ayse") == "bound"
    assert bind(store, "ayse@example.org", "sub-ayse") == "same"
    assert bind(store, "ayse@example.org", "sub-impostor") == "other_subject"
    assert bind(store, "ayse@example.org", "sub-ayse", issuer="https://other.example") == "other_subject"
    assert bind(store, "emre@example.org", "sub-ayse") == "other_email"  # ayse's account, another address
    [binding] = store.account_bindings()
    assert (binding.email, binding.issuer, binding.subject) == ("ayse@example.org", ISSUER, "sub-ayse")
    assert binding.claims == claims("ayse@example.org", "sub-ayse")

    entries = store.audit_entries(10, object_type="account")
    assert [(e.action, e.user, e.object_id) for e in reversed(entries)] == [
        ("account.bind", "ayse@example.org", "ayse@example.org"),
        ("account.refused", "ayse@example.org", "ayse@example.org"),
        ("account.refused", "ayse@example.org", "ayse@example.org"),
        ("account.refused", "emre@example.org", "emre@example.org"),
    ]
    impostor = entries[2]
    assert impostor.after == claims("ayse@example.org", "sub-impostor")  # the raw claims presented
    assert (impostor.before["issuer"], impostor.before["subject"]) == (ISSUER, "sub-ayse")  # the binding
    assert entries[0].before["email"] == "ayse@example.org" and entries[0].after["sub"] == "sub-ayse"


def test_an_admin_releases_a_binding_and_the_next_sign_in_binds_anew(store: Store):
    bind(store, "ayse@example.org", "sub-ayse")
    assert store.release_account("ayse@example.org", user="admin@example.org") is True
    assert store.release_account("ayse@example.org", user="admin@example.org") is False
    release = store.audit_entries(1, object_type="account")[0]
    assert (release.action, release.user, release.after) == ("account.release", "admin@example.org", None)
    assert release.before["subject"] == "sub-ayse"
    assert bind(store, "ayse@example.org", "sub-ayse-new-provider") == "bound"
    assert [b.subject for b in store.account_bindings()] == ["sub-ayse-new-provider"]


def test_bindings_are_in_the_backup(store: Store, new_database, tmp_path: Path):
    bind(store, "ayse@example.org", "sub-ayse")
    manifest = store.backup(tmp_path / "backup.zip")
    assert manifest["tables"]["accounts"]["count"] == 1
    target = new_database()
    restore(tmp_path / "backup.zip", target)
    with open_store(target) as restored:
        assert bind(restored, "ayse@example.org", "sub-impostor") == "other_subject"


def test_a_first_sign_in_that_loses_a_race_is_compared_with_the_binding_that_won(store: Store, monkeypatch):
    bind(store, "ayse@example.org", "sub-ayse")  # committed by another server between our check and insert
    real, calls = accounts._matching, []

    def too_late(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(accounts, "_matching", too_late)
    assert bind(store, "ayse@example.org", "sub-impostor") == "other_subject"
    calls.clear()
    assert bind(store, "ayse@example.org", "sub-ayse") == "same"
    assert [b.subject for b in store.account_bindings()] == ["sub-ayse"]
