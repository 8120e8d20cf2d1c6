"""How the interface names the body's block kinds, the attribution verbs and the states of a release
(translated where shown)."""

from __future__ import annotations

from pressdraft import N_

#: Each block kind as the picker names it (a test holds the keys equal to ``BLOCK_TYPES``).
KIND_LABELS = {
    "paragraph": N_("Paragraph"),
    "subheading": N_("Subheading"),
    "quote": N_("Quote"),
    "paraphrase": N_("Paraphrase (reported speech)"),
    "list": N_("List"),
    "documents": N_("Documents signed"),
    "agenda": N_("Programme"),
    "photo": N_("Photo"),
    "statement": N_("Statement (the issuer's own words)"),
}
#: Each attribution verb as the verb picker names it (a test holds the keys equal to ``VERBS``).
VERB_LABELS = {
    "say": N_("said"),
    "add": N_("added"),
    "stress": N_("stressed"),
    "note": N_("noted"),
    "state": N_("stated"),
    "announce": N_("announced"),
    "express": N_("expressed"),
    "call": N_("called for"),
    "welcome": N_("welcomed"),
    "condemn": N_("condemned"),
}
#: Each state of a release as every page names it (badges, filters, history, archive), and the
#: badge's colour (a test holds the keys equal to ``schema.STATUSES``).
STATUS_LABELS = {
    "draft": (N_("Draft"), "gray"),
    "in_review": (N_("In review"), "orange"),
    "approved": (N_("Approved"), "green"),
    "published": (N_("Published"), "blue"),
}
#: Each step that kept a version of a draft, as the history names it (``store/versions.py`` events).
STEP_LABELS = {
    "edit": N_("edited"),
    "restore": N_("restored"),
    "draft.recover": N_("put back from the audit log"),
    "number": N_("numbered"),
    "submit": N_("sent for review"),
    "request_changes": N_("sent back for changes"),
    "approve": N_("approved"),
    "publish": N_("published"),
    "withdraw": N_("withdrawn"),
}
