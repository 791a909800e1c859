"""Time full builds of the sample year in a scratch copy of the workspace."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Run the build stages a few times and print the median of each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from reportgen.pipeline import compute, publish  # the import cost is part of a clerk's wait

    imported = time.perf_counter() - started
    reading, writing = [], []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for name in ("config", "templates", "inputs"):
            shutil.copytree(ROOT / name, work / name)
        for run in range(args.runs):
            t0 = time.perf_counter()
            computed = compute(work, work / "inputs", args.year)
            t1 = time.perf_counter()
            publish(work, work / "inputs", work / f"outputs-{run}", computed, datetime(2025, 11, 5))
            t2 = time.perf_counter()
            reading.append(t1 - t0)
            writing.append(t2 - t1)
    files = len(computed[1].files)
    totals = [r + w for r, w in zip(reading, writing, strict=True)]
    print(f"import reportgen.pipeline: {imported:.2f} s")
    print(f"read + evaluate {files} workbooks: median {statistics.median(reading):.3f} s")
    print(f"render + write a draft: median {statistics.median(writing):.3f} s")
    print(f"total per build: median {statistics.median(totals):.3f} s")

if __name__ == "__main__":
    main()
