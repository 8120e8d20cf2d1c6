"""The pipeline: a draft and its template become Markdown, one text per language.

``resolve`` collapses every localized value to one language; ``render`` runs the template in the
Jinja2 sandbox; ``engine`` reads, checks and renders drafts; ``checks`` says what a template must
pass; ``runner`` and ``worker`` run a template in this process or in a bounded worker process: which
one is chosen by the caller (the app service, the CLI), never here.
"""
