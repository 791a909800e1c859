"""Save a .docx as PDF through Microsoft Word's own automation (pywin32), in a process of its own.

`python -m reportgen.word_pdf <docx> <pdf>` is what `pdf.py` runs, so that a Word that hangs
can be stopped after the timeout like LibreOffice; exit code 0 when the PDF is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

WD_EXPORT_FORMAT_PDF = 17
WD_DO_NOT_SAVE_CHANGES = 0
WD_ALERTS_NONE = 0


def export_pdf(docx: Path, pdf: Path) -> None:
    """Open the .docx read-only in a Word of our own, export it to PDF, and quit that Word."""
    import win32com.client

    # DispatchEx: a Word of its own, never the one the clerk is typing in.
    word = win32com.client.DispatchEx("Word.Application")
    try:
        word.Visible = False
        word.DisplayAlerts = WD_ALERTS_NONE
        document = word.Documents.Open(
            str(docx.resolve()), ConfirmConversions=False, ReadOnly=True, AddToRecentFiles=False
        )
        try:
            document.ExportAsFixedFormat(str(pdf.resolve()), WD_EXPORT_FORMAT_PDF)
        finally:
            document.Close(WD_DO_NOT_SAVE_CHANGES)
    finally:
        word.Quit(WD_DO_NOT_SAVE_CHANGES)


def main(argv: list[str]) -> int:
    """Export argv's .docx to argv's PDF; Word's own words on stderr when it fails."""
    if len(argv) != 2:
        print("usage: python -m reportgen.word_pdf <docx> <pdf>", file=sys.stderr)
        return 2
    try:
        export_pdf(Path(argv[0]), Path(argv[1]))
    except Exception as exc:  # Word's COM error, whatever its kind: its text goes to the clerk
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
