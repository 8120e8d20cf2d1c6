"""The formats a release is written in, named where the command line reads them without loading
the writers (``export`` writes them)."""

FORMATS = ("docx", "md", "txt", "pdf")
