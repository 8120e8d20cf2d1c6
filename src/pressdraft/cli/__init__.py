"""The command line, ``pressdraft render | check | templates | inflect | db | backup``.

It parses arguments and prints; every command goes through the app layer (``app.standalone`` for
drafts and templates on disk, with the web app's engine and runners, so both produce byte-identical
documents; ``app.database`` for the store's commands), never the store or the pipeline.
"""
