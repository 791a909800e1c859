"""Generate deterministic sample unit workbooks for Đắk Hà in inputs/2024 and inputs/2025."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as `python scripts/make_samples.py` or loaded from its path (tests): find the package beside.
SCRIPTS = str(Path(__file__).resolve().parent)
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)

from samples.data import build_dataset  # noqa: E402
from samples.oracle import expected_figures, summary_text  # noqa: E402
from samples.registry import YEARS  # noqa: E402
from samples.writer import write_year  # noqa: E402

__all__ = ["build_dataset", "expected_figures", "main", "summary_text", "write_year"]


def main(argv: list[str] | None = None) -> int:
    """Generate the sample workbooks, or print the expected figures with --summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    default_out = Path(__file__).resolve().parent.parent / "inputs"
    parser.add_argument(
        "--out",
        type=Path,
        default=default_out,
        help="folder holding <year>/ subfolders (default: inputs/ of the repo)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="print the expected indicator figures as Markdown; write nothing",
    )
    args = parser.parse_args(argv)
    if args.summary:
        print(summary_text())
        return 0
    for year in YEARS:
        paths = write_year(args.out, year)
        print(f"{year}: {len(paths)} workbooks in {args.out / str(year)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
