"""Time what a clerk waits for, each figure beside a bare python-calamine read of the same files.

Sample: median of --runs new processes on a copy of the sample workspace: interpreter alone,
--help, history, check; build with outputs/ removed before each run (every chart drawn, as for a
first draft or changed figures); build with only outputs/<year>/ removed (a redraft whose charts
show the same figures: taken from outputs/.bieu-do-da-ve/); build with charts = false.
Scale, one run each, rows per figure:
  bare read     a new process opens every workbook read by `build` with python-calamine and reads
                every sheet's values; timed inside the process, imports excluded
  intake        a new process runs reportgen.intake.reader.read_year on the same year folders;
                timed around the calls only (python_calamine imported before, as in the bare
                read); "÷ bare read" is intake / bare read
  check, build  wall time of the command as the clerk runs it (new process, interpreter included,
                outputs removed first); "÷ bare read" is build / bare read
  peak          max RSS of that process (MiB); "per unit" is its time / registered units (ms)
  rollup        `rollup` of as many figures JSON files as units, same columns
Sizes: 17 is the sample district (inputs/2024 and 2025); any other N is a province of N generated
communes, plus at --schools-at one unit whose "Thư viện" sheet has 2.000 school libraries.
Goals of issue 13 are in the last column; ✓ meets, ✗ misses. "flat" means per unit within 1,25×
of the smallest size ≥ 100. Everything is generated in a temp dir.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import NamedTuple

from reportgen.config import load_config
from reportgen.files import input_files
from reportgen.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_UNITS = 17
SCHOOL_ROWS = 2000
FLAT = 1.25  # per unit at a size may be this much above the smallest size ≥ 100
RSS_ENV = "REPORTGEN_BENCH_RSS"
# The children keep their compiled bytecode, as an installed tool does (pip compiles it; a
# clerk's Python writes it on the first run): a PYTHONDONTWRITEBYTECODE set here would make
# every run compile the whole package again.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# The command as the clerk runs it; on the way out it writes its peak memory (KiB on Linux).
COMMAND = [
    sys.executable,
    "-c",
    "import os, resource\nfrom reportgen.cli import main\ntry:\n    main()\nfinally:\n"
    f"    with open(os.environ['{RSS_ENV}'], 'w') as f:\n"
    "        f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))",
]
BARE_READ = """import sys, time
from python_calamine import CalamineWorkbook
paths = sys.stdin.read().splitlines()
started = time.perf_counter()
for path in paths:
    book = CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
print(time.perf_counter() - started)
"""
INTAKE = """import sys, time
from pathlib import Path
import python_calamine  # imported before the clock starts, as in the bare read
from reportgen.config import load_config
from reportgen.intake.reader import read_year
from reportgen.workspace import Workspace
workspace, year = Workspace.at(Path(sys.argv[1])), int(sys.argv[2])
config = load_config(workspace)
started = time.perf_counter()
for y in [year, *workspace.earlier_years(year)]:
    read_year(workspace.year_inputs(y), y, config)
print(time.perf_counter() - started)
"""
DRAWN, KEPT = "build, charts drawn", "build, charts kept (same figures)"
SAMPLE_GOALS = {"--help": 0.15, "check": 0.35, DRAWN: 0.5, KEPT: 0.5}
# (figure, size): the most it may be (seconds, or MiB for a peak)
GOALS = {("build", 17): 0.5, ("build", 200): 2.0, ("build", 3300): 30.0, ("check", 17): 0.35}
GOALS |= {("build peak", 3300): 1024.0, ("intake ÷ read", 0): 3.0}  # size 0: at every size


class Run(NamedTuple):
    """One command's wall time, peak memory, exit code and output."""

    seconds: float
    kib: int
    code: int
    output: str


def _run(args: list[str]) -> Run:
    """Run reportgen once in a new process, as the clerk does, with its peak memory."""
    with tempfile.NamedTemporaryFile(suffix=".rss") as rss:
        started = time.perf_counter()
        done = subprocess.run(
            [*COMMAND, *args], capture_output=True, text=True, env={**ENV, RSS_ENV: rss.name}
        )
        seconds = time.perf_counter() - started
        kib = int(Path(rss.name).read_text() or 0)
    return Run(seconds, kib, done.returncode, done.stdout + done.stderr)


def _child(code: str, args: list[str], stdin: str = "") -> float:
    """The seconds a child process measured inside itself and printed."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    return float(done.stdout)


def _vi(x: float, digits: int) -> str:
    """A number written the Vietnamese way: 1.234,5."""
    return f"{x:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _g(goal: float) -> str:
    """A goal as issue 13 writes it: 0,5 or 30."""
    return f"{goal:g}".replace(".", ",")


def _sample(year: int, runs: int) -> None:
    """Print the median time of each command on a scratch copy of the sample workspace."""
    with tempfile.TemporaryDirectory() as scratch:
        work = _sample_copy(Path(scratch) / "mau")
        where = ["--year", str(year), "--workspace", str(work)]
        _run(["build", *where])  # once untimed: the package's bytecode written, as installed

        def median(args: list[str], removed: Path = work / "outputs") -> float:
            times = []
            for _ in range(runs):
                shutil.rmtree(removed, ignore_errors=True)
                times.append(_run(args).seconds)
            return statistics.median(times)

        interpreter = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True, env=ENV)
            interpreter.append(time.perf_counter() - started)
        results = {"python -c pass (interpreter alone)": statistics.median(interpreter)}
        for label, args in [("--help", []), ("history", ["history"]), ("check", ["check"])]:
            results[label] = median([*args, *where] if args else ["--help"])
        results[DRAWN] = median(["build", *where])
        results[KEPT] = median(["build", *where], work / "outputs" / str(year))
        profile = work / "config" / "profile.toml"
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("charts = true", "charts = false"), encoding="utf-8")
        results["build, charts = false"] = median(["build", *where])
    files = len(input_files(ROOT / "inputs" / str(year)))
    print(f"Sample year {year}: {files} workbooks; median of {runs} runs, new process each")
    for label, seconds in results.items():
        goal = SAMPLE_GOALS.get(label)
        mark = "" if goal is None else f"  goal ≤ {_g(goal)} s {'✓' if seconds <= goal else '✗'}"
        print(f"  {label:<36} {_vi(seconds, 3):>7} s{mark}")


def _sample_copy(root: Path) -> Path:
    """A scratch copy of the sample workspace (config, templates, inputs)."""
    for name in ("config", "templates", "inputs"):
        shutil.copytree(ROOT / name, root / name)
    return root


def _province(root: Path, communes: int, school: bool) -> None:
    """A province workspace (`init --profile tinh`) listing generated communes."""
    _run(["init", str(root), "--profile", "tinh"])
    units = [f'[[unit]]\ncode = "{c}"\nname = "{n}"\nkind = "xa"\n' for c, n in _communes(communes)]
    if school:
        units.append(
            '[[unit]]\ncode = "PGDDT"\nname = "Phòng Giáo dục và Đào tạo"\nkind = "giao-duc"\n'
        )
    (root / "config" / "units.toml").write_text("\n".join(units), encoding="utf-8")
    plan = root / "config" / "plan.toml"  # the sample year's plan starts in 2023, as its JSON
    plan.write_text(plan.read_text("utf-8").replace("year = 2025", "year = 2023"), "utf-8")


def _communes(count: int) -> list[tuple[str, str]]:
    """Codes and names of `count` generated communes."""
    return [(f"L{i:04d}", f"UBND xã Số {i}") for i in range(count)]


def _xml_text(text: str) -> bytes:
    """Text as the sample's inline strings hold it: non-ASCII as character references."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in text).encode()


def _write_communes(folder: Path, year: int, count: int) -> None:
    """Copies of the sample commune's workbook, only its code and name rewritten in the zip."""
    from python_calamine import CalamineWorkbook

    (sample,) = (ROOT / "inputs" / str(year)).glob("XA-DAKLA*.xlsx")
    with zipfile.ZipFile(sample) as book:
        members = [(info, book.read(info)) for info in book.infolist()]
    code, name = b"<t>XA-DAKLA</t>", b"<t>" + _xml_text("UBND xã Đắk La") + b"</t>"
    assert sum(body.count(code) + body.count(name) for _, body in members) == 2, sample
    for new_code, new_name in _communes(count):
        with zipfile.ZipFile(folder / f"{new_code}.xlsx", "w") as out:
            for info, body in members:
                if code in body:  # the "Thông tin" sheet: B1 and B2 are inline strings
                    body = body.replace(code, f"<t>{new_code}</t>".encode())
                    body = body.replace(name, b"<t>" + _xml_text(new_name) + b"</t>")
                out.writestr(info, body)
    info_sheet = CalamineWorkbook.from_path(folder / f"{new_code}.xlsx").get_sheet_by_name
    assert info_sheet("Thông tin").to_python()[0][1] == new_code, "generated workbook misread"


def _write_school_unit(folder: Path, year: int) -> None:
    """The PGDDT workbook with its school-library rows repeated to SCHOOL_ROWS, names distinct."""
    import openpyxl

    (sample,) = (ROOT / "inputs" / str(year)).glob("PGDDT*.xlsx")
    book = openpyxl.load_workbook(sample)
    sheet = book["Thư viện"]
    rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True) if r[1]]
    for n in range(len(rows), SCHOOL_ROWS):
        row = list(rows[n % len(rows)])
        row[0], row[1] = n + 1, f"{row[1]} số {n // len(rows) + 1}"
        sheet.append(row)
    book.save(folder / "PGDDT.xlsx")


def _measure(root: Path, year: int) -> dict[str, float]:
    """Bare read, intake, check and build of a workspace's year, side by side."""
    workspace = Workspace.at(root)
    units = len(load_config(workspace).units)
    years = [year, *workspace.earlier_years(year)]  # as `build` reads them
    paths = [str(p) for y in years for p in input_files(workspace.year_inputs(y))]
    where = ["--year", str(year), "--workspace", str(root)]
    figures = {"units": float(units), "workbooks": float(len(paths))}
    figures["bare read"] = _child(BARE_READ, [], "\n".join(paths))
    figures["intake"] = _child(INTAKE, [str(root), str(year)])
    for command in ("check", "build"):
        shutil.rmtree(root / "outputs", ignore_errors=True)
        run = _run([command, *where])
        if run.code != 0:  # check exits 1 when a workbook has an error: timings not to trust
            tail = "\n    ".join(run.output.strip().splitlines()[-6:])
            print(f"  ! {command} at {units} units exited {run.code}:\n    {tail}")
        figures[command], figures[f"{command} peak"] = run.seconds, run.kib / 1024
    return figures


def _rollup(work: Path, size: int, year: int, figures: dict[str, object]) -> dict[str, float]:
    """Roll up `size` localities' figures JSON in a province workspace listing them."""
    root, inbox = work / f"rollup-{size}", work / f"nhan-{size}"
    _province(root, size, school=False)
    inbox.mkdir()
    for code, name in _communes(size):
        issuer = dict(figures["issuer"], code=code, name=name)  # type: ignore[call-overload]
        text = json.dumps(dict(figures, issuer=issuer), ensure_ascii=False)
        (inbox / f"{code}_BaoCao_{year}.json").write_text(text, encoding="utf-8")
    run = _run(["rollup", "--year", str(year), "--workspace", str(root), str(inbox)])
    if run.code != 0:
        print(f"  ! rollup of {size} exited {run.code}: {run.output.strip()[-300:]}")
    return {
        "rollup": run.seconds,
        "rollup peak": run.kib / 1024,
        "rollup per unit": run.seconds / size * 1000,
    }


ROWS = [  # figure, label, unit, digits
    ("units", "units registered", "", 0),
    ("workbooks", "workbooks read", "", 0),
    ("bare read", "bare calamine read", " s", 3),
    ("intake", "intake (read_year)", " s", 3),
    ("intake ÷ read", "  ÷ bare read", "×", 1),
]
for kind in ("check", "build", "rollup"):
    ROWS += [(kind, "rollup of JSON files" if kind == "rollup" else kind, " s", 2)]
    ROWS += [("build ÷ read", "  ÷ bare read", "×", 0)] if kind == "build" else []
    ROWS += [
        (f"{kind} peak", "  peak memory", " MiB", 0),
        (f"{kind} per unit", "  per unit", " ms", 1),
    ]


def _goal_text(figure: str, unit: str) -> str:
    """The goals of a figure, written for the last column."""
    if figure.endswith("per unit"):
        return f"flat: ≤ {_vi(FLAT, 2)}× the first size ≥ 100"
    goals = [(n, g) for (f, n), g in GOALS.items() if f == figure]
    return "; ".join(f"≤ {_g(g)}{unit}" + (f" at {_vi(n, 0)}" if n else "") for n, g in goals)


def _table(sizes: list[int], columns: dict[int, dict[str, float]]) -> None:
    """Print one row per figure, one column per size, goals and marks beside them."""
    for figures in columns.values():
        for kind in ("check", "build"):
            figures[f"{kind} per unit"] = figures[kind] / figures["units"] * 1000
        figures["intake ÷ read"] = figures["intake"] / figures["bare read"]
        figures["build ÷ read"] = figures["build"] / figures["bare read"]
    base = min((n for n in sizes if n >= 100), default=0)
    print(f"  {'':<22}" + "".join(f"{_vi(n, 0) + ' units':>16}" for n in sizes) + "  goal")
    for figure, label, unit, digits in ROWS:
        cells = ""
        for n in sizes:
            value, goal = columns[n][figure], GOALS.get((figure, n), GOALS.get((figure, 0)))
            if figure.endswith("per unit") and base and n >= 100:
                goal = columns[base][figure] * FLAT
            mark = "  " if goal is None else " ✓" if value <= goal else " ✗"
            cells += f"{_vi(value, digits) + unit + mark:>16}"
        print(f"  {label:<22}{cells}  {_goal_text(figure, unit)}".rstrip())


def _scale(sizes: list[int], year: int, schools_at: int) -> None:
    """Time every size side by side with the bare read, and print one table."""
    columns: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        sample = _sample_copy(work / "mau")
        _run(["build", "--year", str(year), "--workspace", str(sample)])
        (made,) = (sample / "outputs" / str(year)).glob("BaoCao_*.json")
        figures = json.loads(made.read_text(encoding="utf-8"))
        shutil.rmtree(sample / "outputs")
        for size in sizes:
            started = time.perf_counter()
            if size == SAMPLE_UNITS:
                columns[size] = _measure(sample, year)
            else:
                root = work / f"build-{size}"
                _province(root, size, school=size == schools_at)
                folder = root / "inputs" / str(year)
                folder.mkdir(parents=True, exist_ok=True)
                _write_communes(folder, year, size)
                if size == schools_at:
                    _write_school_unit(folder, year)
                columns[size] = _measure(root, year)
                shutil.rmtree(root)
            columns[size] |= _rollup(work, size, year, figures)
            seconds = _vi(time.perf_counter() - started, 0)
            print(f"  ({_vi(size, 0)} units measured in {seconds} s)", file=sys.stderr)
    print("Scale (one run each; bare read and intake timed inside a new process; check, build")
    print("and rollup wall time of a new process, interpreter included):")
    _table(sizes, columns)


def main() -> None:
    """Print the sample's medians, then the scale table, with the machine's load around them."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=5, help="runs per sample median (5)")
    parser.add_argument("--quick", action="store_true", help="only the sample's medians")
    parser.add_argument("--sizes", default="17,200,1000,3300", help="sizes (17,200,1000,3300)")
    parser.add_argument(
        "--schools-at", type=int, default=200, help="size with the 2.000-school unit (200)"
    )
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # beside stderr
    print("Load average at start: " + " ".join(_vi(x, 2) for x in os.getloadavg()))
    _sample(args.year, args.runs)
    if not args.quick:
        _scale([int(n) for n in args.sizes.split(",")], args.year, args.schools_at)
    print("Load average at end:   " + " ".join(_vi(x, 2) for x in os.getloadavg()))


if __name__ == "__main__":
    main()
