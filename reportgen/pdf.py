"""Turn a draft .docx into PDF with the office program the machine has: LibreOffice or Word."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportgenError
from .files import atomic_write
from .office import Converter

TIMEOUT_SECONDS = 120
TICK_SECONDS = 5.0
# LibreOffice lays out about 4 pages a second and a page of the report's tables holds about
# 20 kB of document XML (1.118 pages took 269 s): a second more for every 40 kB, twice that.
XML_BYTES_PER_SECOND = 40_000

# (program name, seconds so far, finished): called at the start, every tick, and at the end.
Progress = Callable[[str, float, bool], None]


@dataclass(frozen=True)
class Pdf:
    """The PDF beside a draft, and whether this run made it."""

    path: Path
    created: bool  # False: a PDF of that name was already there and was kept as it is


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the program and the helper processes it started."""
    try:
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows only: soffice.exe starts soffice.bin
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], check=False)
    except OSError:
        pass
    process.communicate()


def _timed_out(name: str, docx: Path, timeout: float) -> ReportgenError:
    return ReportgenError(
        f"{name} không chuyển xong {docx.name} sang PDF sau {int(timeout)} giây; đã dừng lại."
        f" Tệp .docx vẫn dùng được. Hãy đóng các cửa sổ {name} đang mở (nếu có) rồi chạy lại"
        " lệnh với --pdf; hoặc mở tệp .docx bằng Word, chọn File › Save As › PDF."
    )


def _run(
    command: list[str], name: str, docx: Path, timeout: float, on_progress: Progress | None
) -> tuple[int, str]:
    """Run the program in its own process group, telling the time every tick; code and output."""
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=sys.platform != "win32",
    )
    while True:
        elapsed = time.monotonic() - started
        try:
            output, _ = process.communicate(timeout=max(0.0, min(TICK_SECONDS, timeout - elapsed)))
            return process.returncode, output.decode("utf-8", "replace").strip()
        except subprocess.TimeoutExpired:
            elapsed = time.monotonic() - started
            if elapsed >= timeout:
                _stop(process)
                raise _timed_out(name, docx, timeout) from None
            if on_progress is not None:
                on_progress(name, elapsed, False)


def _command(converter: Converter, docx: Path, work: Path) -> list[str]:
    """The program's command line that writes `<work>/out/<stem>.pdf`."""
    outdir = work / "out"
    if converter.kind == "word":
        outdir.mkdir()
        target = outdir / docx.with_suffix(".pdf").name
        return [converter.program, "-m", "reportgen.word_pdf", str(docx.resolve()), str(target)]
    # A profile of its own: works even while the clerk has LibreOffice open.
    profile = (work / "profile").resolve().as_uri()
    return [
        converter.program,
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


def time_allowed(docx: Path) -> float:
    """Seconds the office program may take: two minutes, more for a longer document."""
    import zipfile

    try:
        with zipfile.ZipFile(docx) as package:
            size = package.getinfo("word/document.xml").file_size
    except (OSError, KeyError, zipfile.BadZipFile):
        size = 0  # not readable here: the program will say what is wrong with it
    return TIMEOUT_SECONDS + size / XML_BYTES_PER_SECOND


def convert_to_pdf(
    docx: Path,
    converter: Converter,
    *,
    timeout: float | None = None,
    on_progress: Progress | None = None,
) -> Pdf:
    """`<stem>.pdf` beside the .docx, made by `converter`; an existing one is kept."""
    timeout = time_allowed(docx) if timeout is None else timeout
    target = docx.with_suffix(".pdf")
    if target.exists():  # made by an earlier run: kept as it is, never overwritten
        return Pdf(target, created=False)
    if not docx.is_file():
        raise ReportgenError(f"Không tìm thấy tệp {docx} để chuyển sang PDF.")
    name = converter.name
    started = time.monotonic()
    if on_progress is not None:
        on_progress(name, 0.0, False)
    try:
        with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work:
            command = _command(converter, docx, Path(work))
            try:
                code, output = _run(command, name, docx, timeout, on_progress)
            except OSError as exc:
                raise ReportgenError(
                    f"Không chạy được {name} ({converter.program}): {exc}."
                ) from exc
            produced = Path(work, "out", target.name)
            if code != 0 or not produced.is_file():
                detail = f" {name} báo: {output}" if output else ""
                raise ReportgenError(
                    f"{name} không chuyển được {docx.name} sang PDF.{detail} Tệp .docx vẫn dùng"
                    " được; hãy mở nó bằng Word, chọn File › Save As › PDF."
                )
            atomic_write(target, produced.read_bytes())
    finally:
        if on_progress is not None:
            on_progress(name, time.monotonic() - started, True)
    return Pdf(target, created=True)
