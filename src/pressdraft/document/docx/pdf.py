"""PDF through LibreOffice: all files in one ``soffice`` call (each call costs about a second)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["PdfConversionError", "PdfUnavailable", "convert_to_pdf", "find_soffice"]


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed, so no PDF can be made (the DOCX files are still fine)."""


class PdfConversionError(RuntimeError):
    """LibreOffice ran but did not produce a PDF for every file."""


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH (or in ``$PRESSDRAFT_SOFFICE``), if any."""
    configured = os.environ.get("PRESSDRAFT_SOFFICE")
    if configured:
        return shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(files: Mapping[str, bytes], timeout: float = 180) -> dict[str, bytes]:
    """``{"name.docx": bytes, …}`` → ``{"name.pdf": bytes, …}``, in one LibreOffice run.

    A private LibreOffice profile is used for each call, so conversions can run side by
    side and never touch a user's own profile.
    """
    if not files:
        return {}
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(
            "PDF needs LibreOffice, which is not installed here "
            "(install the 'libreoffice' package, or export DOCX only)."
        )
    with tempfile.TemporaryDirectory(prefix="pressdraft-pdf-") as tmp:
        root = Path(tmp)
        src, out = root / "in", root / "out"
        src.mkdir()
        out.mkdir()
        names: dict[str, str] = {}
        paths = []
        for index, (name, data) in enumerate(files.items()):
            suffix = Path(name).suffix.lower() or ".docx"
            stem = f"f{index:04d}"
            (src / f"{stem}{suffix}").write_bytes(data)
            names[stem] = name
            paths.append(str(src / f"{stem}{suffix}"))
        command = [
            soffice,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *paths,
        ]
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout, check=False, cwd=root)
        except subprocess.TimeoutExpired as exc:
            raise PdfConversionError(f"LibreOffice did not finish within {timeout:.0f} s") from exc
        pdfs: dict[str, bytes] = {}
        missing = []
        for stem, name in names.items():
            pdf = out / f"{stem}.pdf"
            if pdf.exists():
                pdfs[str(Path(name).with_suffix(".pdf"))] = pdf.read_bytes()
            else:
                missing.append(name)
        if missing:
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            raise PdfConversionError(
                f"LibreOffice made no PDF for {', '.join(missing)}" + (f": {detail[-500:]}" if detail else "")
            )
        return pdfs
