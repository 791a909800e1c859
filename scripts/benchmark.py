"""Time what a clerk waits for: `--help`, `history`, `check` and `build` of the sample year."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-c", "from reportgen.cli import main; main()"]


def _timed(args: list[str], runs: int, prepare: Callable[[], None] | None = None) -> float:
    """The median wall time of running the installed command `runs` times, interpreter included."""
    times = []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        started = time.perf_counter()
        subprocess.run([*COMMAND, *args], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Print the median time of each command on a scratch copy of the sample workspace."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for name in ("config", "templates", "inputs"):
            shutil.copytree(ROOT / name, work / name)
        outputs = work / "outputs"

        def fresh_outputs() -> None:
            shutil.rmtree(outputs, ignore_errors=True)

        where = ["--year", str(args.year), "--workspace", str(work)]
        interpreter = statistics.median(_interpreter_start() for _ in range(args.runs))
        results = {
            "python -c pass (interpreter alone)": interpreter,
            "reportgen --help": _timed(["--help"], args.runs),
            "reportgen history": _timed(["history", *where], args.runs),
            "reportgen check": _timed(["check", *where], args.runs, fresh_outputs),
            "reportgen build (new draft each run)": _timed(
                ["build", *where], args.runs, fresh_outputs
            ),
        }
        profile = work / "config" / "profile.toml"
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("charts = true", "charts = false"), encoding="utf-8")
        results["reportgen build, charts = false"] = _timed(
            ["build", *where], args.runs, fresh_outputs
        )
    files = len(list((ROOT / "inputs" / str(args.year)).glob("*.xls*")))
    print(
        f"Sample year {args.year}: {files} workbooks; median of {args.runs} runs, new process each"
    )
    for label, seconds in results.items():
        print(f"  {label:<40} {seconds:6.3f} s")


def _interpreter_start() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
