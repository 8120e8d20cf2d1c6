"""Safety: the rules every layer relies on, with no knowledge of drafts or templates.

``text`` is the one gate every text passes on its way in, ``images`` the one every picture
passes; ``markdown`` escapes user text for Markdown; ``sandbox`` is the Jinja2 sandbox policy
templates run under; ``limits`` holds every bound on templates.
"""
