"""pressdraft: trilingual (tr, az, en) press releases from one draft.

The pipeline: draft (model) + directory -> per-language view (resolve) -> template
(library, sandboxed Jinja2) -> Markdown (render) -> blocks -> DOCX (docx).
"""

LANGUAGES: tuple[str, ...] = ("tr", "az", "en")


def N_(message: str) -> str:
    """Mark a message for the catalogs where it is defined; it is translated where shown."""
    return message
