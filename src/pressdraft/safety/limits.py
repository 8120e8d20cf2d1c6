"""Every limit on templates and their sandbox, in one place (``docs/templates.md`` lists them).

Templates edited by staff are untrusted: what they print, how long they run, how much memory
they take and how many of the server's workers one person can hold are all bounded here.
"""

from __future__ import annotations

# --- what a template computes (``sandbox.py``) --------------------------------------------------
MAX_VALUE_CHARS = 200_000  # a value built by repeating, joining, replacing or padding
MAX_EXPONENT = 64  # ``**``
MAX_JSON_INDENT = 8  # ``tojson(indent=…)``

# --- what a template prints, per language ------------------------------------------------------
MAX_OUTPUT_CHARS = 1_000_000  # while rendering: the sandbox stops a template past this
MAX_RELEASE_CHARS = 200_000  # the Markdown of a release, before it is parsed into blocks
MAX_RELEASE_LINES = 3_000  # … and its lines (real releases have 20–80; a draft within its limits stays under)
MAX_RELEASE_RUNS = 6_000  # … and, once parsed, its runs: stretches of one formatting (real releases: under 50)

# --- a worker's limits, per request ------------------------------------------------------------
RENDER_TIMEOUT = 2.0  # seconds of processor time for a render, or for a template's whole check
MEMORY_LIMIT_MB = 512  # address space of a worker process
WALL_FACTOR = 2.0  # a template starved of processor time by a loaded server may take this much longer
START_TIMEOUT = 60.0  # seconds for a worker to start: not the template's fault, so generous
MAX_REQUESTS = 200  # requests one worker serves, then a fresh one (its compiled templates only grow)
MAX_REPLY_BYTES = 64 * 1024 * 1024  # a worker's answer: three languages' Markdown and blocks, as JSON

# --- the pool of workers, per server process ---------------------------------------------------
WARM_WORKERS = 2  # always started, so a render costs a pipe round trip
MAX_WORKERS = 4  # never more processes than this
MAX_WORKERS_PER_USER = 2  # one user's renders and checks at once: the others' stay free
QUEUE_WAIT = 10.0  # seconds a request may wait for a worker before "the server is busy"

# --- the values ``templates check`` renders besides the samples --------------------------------
CHECK_LIST_ROWS = 12  # rows of each list in the "many rows" variant
CHECK_NUMBER = 100_000  # every number in the "long" variant: the longest loop ``range`` allows
