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
#: Each state of a release as the worklist's badges and filter name it, and the badge's colour
#: (a test holds the keys equal to ``schema.STATUSES``).
STATUS_LABELS = {
    "draft": (N_("Draft"), "gray"),
    "in_review": (N_("In review"), "orange"),
    "approved": (N_("Approved"), "green"),
    "published": (N_("Published"), "blue"),
}
