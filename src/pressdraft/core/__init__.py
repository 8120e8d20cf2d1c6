"""The core: what a release is made of, known to every layer above it.

The draft model and the registry of field types (``model``, built from ``fields``), the template's
field list and the library of templates (``library``), the directory of people, organizations and
places (``directory``), reading YAML and JSON (``files``), problems with their structured locations
(``problems``) and what the text gate changed, as problems (``cleaning``), and deterministic ZIP
archives (``zips``, shared by documents and store backups). The core imports only ``language`` and
``safety``; it never decides whether a template is trusted, never renders and never stores.
"""
