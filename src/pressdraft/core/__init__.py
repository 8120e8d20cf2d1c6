"""The core: what a release is made of, known to every layer above it.

The draft model (``model``), the template's field list and the library of templates (``library``),
the directory of people, organizations and places (``directory``), reading YAML and JSON (``files``),
and problems with their structured locations (``problems``). The core imports only ``language`` and
``safety``; it never decides whether a template is trusted, never renders and never stores.
"""
