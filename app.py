"""pressdraft's web app: page set-up and navigation only; the pages live in src/pressdraft/ui/."""

from pressdraft.ui.pages import run

run()
