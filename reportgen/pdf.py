"""Turn a draft .docx into PDF with LibreOffice, where it is installed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportgenError
from .files import atomic_write

TIMEOUT_SECONDS = 120
_PROGRAMS = ("soffice", "libreoffice")


@dataclass(frozen=True)
class Pdf:
    """The PDF beside a draft, and whether this run made it."""

    path: Path
    created: bool  # False: a PDF of that name was already there and was kept as it is


def find_libreoffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return next((found for name in _PROGRAMS if (found := shutil.which(name))), None)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and the helper processes it started."""
    try:
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover
            process.kill()
    except OSError:
        pass
    process.communicate()


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run LibreOffice in its own process group; its exit code and output."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=sys.platform != "win32",
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise ReportgenError(
            f"LibreOffice không chuyển xong sang PDF sau {int(timeout)} giây; đã dừng lại."
            " Tệp .docx vẫn dùng được; hãy thử lại, hoặc mở tệp trong Word/LibreOffice"
            " và lưu thành PDF."
        ) from None
    return process.returncode, output.decode("utf-8", "replace").strip()


def convert_to_pdf(docx: Path, *, timeout: float = TIMEOUT_SECONDS) -> Pdf | None:
    """`<stem>.pdf` beside the .docx (an existing one is kept); None without LibreOffice."""
    program = find_libreoffice()
    if program is None:
        return None
    target = docx.with_suffix(".pdf")
    if target.exists():  # made by an earlier run: kept as it is, never overwritten
        return Pdf(target, created=False)
    if not docx.is_file():
        raise ReportgenError(f"Không tìm thấy tệp {docx} để chuyển sang PDF.")
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work:
        # A profile of its own: works even while the clerk has LibreOffice open.
        profile = Path(work, "profile").resolve().as_uri()
        outdir = Path(work, "out")
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx.resolve()),
        ]
        try:
            code, output = _run(command, timeout)
        except OSError as exc:
            raise ReportgenError(f"Không chạy được LibreOffice ({program}): {exc}.") from exc
        produced = outdir / target.name
        if code != 0 or not produced.is_file():
            detail = f" LibreOffice báo: {output}" if output else ""
            raise ReportgenError(
                f"LibreOffice không chuyển được {docx.name} sang PDF.{detail}"
                " Tệp .docx vẫn dùng được; hãy mở nó trong Word/LibreOffice và lưu thành PDF."
            )
        atomic_write(target, produced.read_bytes())
    return Pdf(target, created=True)
