"""The command line, ``pressdraft render | check | templates | inflect | db | backup``.

It parses arguments and prints; every command goes through the app layer or the pipeline's
public functions, the same ones the web app uses, so both produce byte-identical documents.
"""

from pressdraft.cli.commands import main

__all__ = ["main"]
