"""The pipeline: a draft and its template become Markdown, one text per language.

``resolve`` collapses every localized value to one language; ``render`` runs the template in the
Jinja2 sandbox; ``engine`` reads, checks and renders drafts with the ``TemplateRunner`` it is given;
``checks`` says what a template must pass. Runners: ``in_process`` for trusted templates; ``pool``
(the server side) and ``worker`` (the child process, started by name, never imported by the server)
for the others, speaking ``wire``'s JSON; ``runner.ByOrigin`` picks one of two. Which runs what is
chosen by the caller (``app.trust``), never here.
"""
