"""Time `reportgen check` on one unit's workbook whose `Hoạt động` sheet has many rows, at
several sizes, to show the time per row stays flat (linear); `--profile` prints where it goes."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-c", "from reportgen.cli import main; main()"]
YEAR = 2025


def write_long_workbook(path: Path, rows: int, kind: str = "plain") -> Path:
    """Đắk La's return with `rows` activities, written a row at a time (openpyxl write-only);
    `kind` "formula" adds one formula with no cached value, "error" one #DIV/0! cell (each
    sends the workbook down a slower reading path)."""
    from openpyxl import Workbook

    sys.path.insert(0, str(ROOT))
    from reportgen import vocab

    book = Workbook(write_only=True)
    info = book.create_sheet(vocab.SHEET_INFO)
    values = ("XA-DAKLA", "UBND xã Đắk La", YEAR, "Nguyễn Văn A", "0260 3820 123", "03/11/2025")
    for label, value in zip(vocab.INFO_LABELS, values, strict=True):
        info.append([label, value])
    activities = book.create_sheet(vocab.SHEET_ACTIVITIES)
    activities.append(list(vocab.ACTIVITY_COLUMNS))
    for number in range(1, rows + 1):
        held_on = date(YEAR, 1 + number % 12, 1 + number % 28)
        name = f"Buổi đọc sách số {number}"
        note = ""
        if number == rows // 2:
            note = {"plain": "", "formula": "=1+1", "error": "#DIV/0!"}[kind]
        activities.append([number, name, 1 + number % 5, "", held_on, 10 + number % 90, note])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def workspace_with(work: Path, rows: int, kind: str) -> Path:
    """A scratch workspace: the repository's config and templates, one long workbook."""
    for name in ("config", "templates"):
        shutil.copytree(ROOT / name, work / name)
    write_long_workbook(work / "inputs" / str(YEAR) / "XA-DAKLA.xlsx", rows, kind)
    return work


def main() -> None:
    """Print the time of `reportgen check` per size, and per 1,000 rows."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="50000,200000", help="sizes, e.g. 50000,200000")
    parser.add_argument("--kind", choices=("plain", "formula", "error"), default="plain")
    parser.add_argument("--profile", action="store_true", help="profile in-process instead")
    args = parser.parse_args()
    for rows in (int(n) for n in args.rows.split(",")):
        with tempfile.TemporaryDirectory() as scratch:
            work = workspace_with(Path(scratch), rows, args.kind)
            where = ["check", "--year", str(YEAR), "--workspace", str(work)]
            if args.profile:
                from reportgen.cli import cli

                profile = cProfile.Profile()
                profile.enable()
                try:
                    cli.main(where, standalone_mode=False)
                except SystemExit:
                    pass
                profile.disable()
                pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
                continue
            started = time.perf_counter()
            done = subprocess.run([*COMMAND, *where], capture_output=True, text=True)
            seconds = time.perf_counter() - started
            per_thousand = 1000 * seconds / rows
            print(
                f"{rows:>9,} rows ({args.kind}): {seconds:6.1f} s, {per_thousand:6.3f} s per "
                f"1,000 rows (exit {done.returncode})"
            )


if __name__ == "__main__":
    main()
