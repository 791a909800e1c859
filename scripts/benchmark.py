"""Time what a clerk waits for: `--help`, `history`, `check` and `build` of the sample year;
with `--scale`, a province's `build` from many communes' workbooks and `rollup` of many
localities' figures JSON, each with its time per locality (a slow path shows as a rising one)."""

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
    parser.add_argument(
        "--scale",
        default="",
        help="sizes to time at scale, e.g. 200,1000,3300 (build from that many communes' "
        "workbooks up to 1000; rollup of that many JSON files at every size)",
    )
    args = parser.parse_args()
    if args.scale:
        _scale([int(n) for n in args.scale.split(",")], args.year)
        return

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


def _province(root: Path, size: int) -> None:
    """A province workspace (`init --profile tinh`) whose registry lists `size` communes."""
    subprocess.run(
        [*COMMAND, "init", str(root), "--profile", "tinh"], check=True, capture_output=True
    )
    units = [
        f'[[unit]]\ncode = "L{i:04d}"\nname = "UBND xã Số {i}"\nkind = "xa"\n' for i in range(size)
    ]
    (root / "config" / "units.toml").write_text("\n".join(units), encoding="utf-8")
    plan = root / "config" / "plan.toml"  # the sample year's plan starts in 2023, as its JSON
    plan.write_text(plan.read_text("utf-8").replace("year = 2025", "year = 2023"), "utf-8")


def _once(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([*COMMAND, *args], check=True, capture_output=True)
    return time.perf_counter() - started


def _report(label: str, seconds: float, size: int) -> None:
    print(f"  {label} {seconds:7.2f} s  {seconds / size * 1000:6.1f} ms each")


def _scale(sizes: list[int], year: int) -> None:
    """Build from N communes' workbooks and roll up N localities' JSON, once each, timed."""
    import json

    import openpyxl

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        sample = work / "mau"
        for name in ("config", "templates", "inputs"):
            shutil.copytree(ROOT / name, sample / name)
        _once(["build", "--year", str(year), "--workspace", str(sample)])
        (made,) = (sample / "outputs" / str(year)).glob("BaoCao_*.json")
        figures = json.loads(made.read_text(encoding="utf-8"))
        (commune,) = (ROOT / "inputs" / str(year)).glob("XA-DAKLA*.xlsx")
        print("Scale (one run each, new process, interpreter included):")
        for size in sizes:
            if size <= 1000:
                root = work / f"build-{size}"
                _province(root, size)
                folder = root / "inputs" / str(year)
                folder.mkdir(parents=True)
                book = openpyxl.load_workbook(commune)
                for i in range(size):
                    book["Thông tin"]["B1"], book["Thông tin"]["B2"] = (
                        f"L{i:04d}",
                        f"UBND xã Số {i}",
                    )
                    book.save(folder / f"L{i:04d}.xlsx")
                seconds = _once(["build", "--year", str(year), "--workspace", str(root)])
                _report(f"build from {size:>5} workbooks", seconds, size)
            root = work / f"rollup-{size}"
            _province(root, size)
            inbox = work / f"nhan-{size}"
            inbox.mkdir()
            for i in range(size):
                issuer = dict(figures["issuer"], code=f"L{i:04d}", name=f"UBND xã Số {i}")
                text = json.dumps(dict(figures, issuer=issuer), ensure_ascii=False)
                (inbox / f"L{i:04d}_BaoCao_{year}.json").write_text(text, encoding="utf-8")
            seconds = _once(["rollup", "--year", str(year), "--workspace", str(root), str(inbox)])
            _report(f"rollup of {size:>5} JSON files ", seconds, size)


def _interpreter_start() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
