"""Issue 10's hostile corpus: more than 80 generated files and folders, put in year folders
beside two valid units' workbooks and run through `check` and `build`. No traceback, no input
changed, no formula in a workbook the tool writes, the valid units' figures in the report, and
every hostile file either read right or named, with a Vietnamese message, in the problem list."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from reportgen.cli import cli
from reportgen.files import shown_name
from tests.conftest import ROOT
from tests.hostile import cells, containers, folders
from tests.hostile.case import Case
from tests.hostile.parts import Slot, form, library, unit_bytes, workbook_bytes, write

CASES: tuple[Case, ...] = (*containers.CASES, *cells.CASES, *folders.CASES)
YEAR = "2025"
VALID = {"XA-DAKLA": 1234, "XA-DAKMAR": 4321}  # the valid units and their library uses
FREE = (  # the units a batch hands to the cases whose data is read, one each
    ("TT-DAKHA", "UBND thị trấn Đắk Hà"),
    ("XA-DAKHRING", "UBND xã Đắk Hring"),
    ("XA-DAKLONG", "UBND xã Đắk Long"),
    ("XA-DAKNGOK", "UBND xã Đắk Ngọk"),
    ("XA-DAKPXI", "UBND xã Đắk Pxi"),
    ("XA-DAKUI", "UBND xã Đắk Ui"),
    ("XA-HAMON", "UBND xã Hà Mòn"),
    ("XA-NGOKREO", "UBND xã Ngok Réo"),
    ("XA-NGOKWANG", "UBND xã Ngok Wang"),
    ("PGDDT", "Phòng Giáo dục và Đào tạo"),
    ("TTVHTT", "Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông"),
    ("PLDTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("PTCKH", "Phòng Tài chính - Kế hoạch"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
    ("HKH", "Hội Khuyến học huyện"),
)
VIETNAMESE = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _batches() -> list[list[Case]]:
    """The cases in as few batches as the free units allow: one unit per read case a batch."""
    batches: list[list[Case]] = [[]]
    for case in CASES:
        if sum(c.unit for c in batches[-1]) + case.unit > len(FREE):
            batches.append([])
        batches[-1].append(case)
    return batches


BATCHES = _batches()
WHERE = {case.id: number for number, batch in enumerate(BATCHES) for case in batch}


@dataclass(frozen=True)
class Ran:
    """One batch run through `check` then `build`."""

    check: Result
    build: Result
    names: dict[str, tuple[str, Slot]]  # case id -> (file name as shown, its unit)
    listed: list[dict[str, str]]  # the rows of check's problem list (.xlsx)
    figures: dict
    written: list[Path]  # every .xlsx the tool wrote
    inputs_before: dict[str, str]
    inputs_after: dict[str, str]
    skipped: frozenset[str]


def _digests(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and os.access(path, os.R_OK) and path.stat().st_mode & 0o444:
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return found


def _skip_reason(case: Case) -> str:
    if case.needs == "not-root" and os.geteuid() == 0:
        return "root reads a file whatever its permissions"
    if case.needs == "soffice" and shutil.which("soffice") is None:
        return "LibreOffice (soffice) not installed to write an .xls"
    return ""


def _listed(path: Path) -> list[dict[str, str]]:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    header = [str(h) for h in rows[0]]
    return [
        dict(zip(header, ("" if v is None else str(v) for v in row), strict=True))
        for row in rows[1:]
    ]


def _run(root: Path, batch: list[Case]) -> Ran:
    for name in ("config", "templates"):
        shutil.copytree(ROOT / name, root / name)
    folder = root / "inputs" / YEAR
    write(
        folder / "XA-DAKLA hop le.xlsx",
        workbook_bytes(form(Slot("XA-DAKLA", "UBND xã Đắk La"), library(1234))),
    )
    write(
        folder / "XA-DAKMAR hop le.xlsx",
        workbook_bytes(form(Slot("XA-DAKMAR", "UBND xã Đắk Mar"), library(4321))),
    )
    names: dict[str, tuple[str, Slot]] = {}
    free = iter(FREE)
    skipped = set()
    for case in batch:
        if _skip_reason(case):
            skipped.add(case.id)
            continue
        slot = Slot(*next(free)) if case.unit else Slot("", "")
        names[case.id] = (shown_name(case.make(folder, slot)), slot)
    before = _digests(root / "inputs")
    runner = CliRunner()
    where = ["--year", YEAR, "--workspace", str(root)]
    checked = runner.invoke(cli, ["check", *where])
    built = runner.invoke(cli, ["build", *where])
    after = _digests(root / "inputs")
    (listing,) = (root / "outputs" / YEAR / "kiem-tra").glob("*.xlsx")
    (figures_path,) = [
        p for p in (root / "outputs" / YEAR).glob("*.json") if p.name != "manifest.json"
    ]
    written = sorted((root / "outputs").rglob("*.xlsx"))
    figures = json.loads(figures_path.read_text(encoding="utf-8"))
    return Ran(
        checked, built, names, _listed(listing), figures, written, before, after, frozenset(skipped)
    )


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> list[Ran]:
    """Every batch run once (cases share a batch so the corpus stays fast)."""
    runs = [_run(tmp_path_factory.mktemp(f"batch{n}"), batch) for n, batch in enumerate(BATCHES)]
    yield runs
    for root in tmp_path_factory.getbasetemp().glob("batch*"):  # a chmod 000 file cleans up too
        for path in root.rglob("*"):
            if path.is_file():
                path.chmod(0o644)


def test_the_corpus_has_more_than_80_distinct_cases():
    assert len(CASES) > 80
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("batch", range(len(BATCHES)), ids=lambda n: f"batch{n}")
def test_a_batch_runs_without_a_traceback_and_changes_no_input(ran, batch):
    run = ran[batch]
    for result in (run.check, run.build):
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
    assert run.build.exit_code == 0, run.build.output  # the report is made from the valid data
    assert run.inputs_after == run.inputs_before
    unexpected = [p for p in run.figures["problems"] if p["code"] == "file-unexpected-error"]
    assert unexpected == []


@pytest.mark.parametrize("batch", range(len(BATCHES)), ids=lambda n: f"batch{n}")
def test_the_valid_units_figures_are_in_the_report(ran, batch):
    run = ran[batch]
    per_unit = {u["unit"]: u["library_uses"] for u in run.figures["per_unit"]}
    for code, uses in VALID.items():
        assert per_unit.get(code) == uses
    named_valid = [p for p in run.figures["problems"] if "hop le" in p["file"]]
    assert named_valid == []


@pytest.mark.parametrize("batch", range(len(BATCHES)), ids=lambda n: f"batch{n}")
def test_no_workbook_the_tool_wrote_holds_a_formula(ran, batch):
    for path in ran[batch].written:
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    where = f"{path.name} {sheet.title}!{cell.coordinate}: {cell.value!r}"
                    assert cell.data_type != "f", where
                    if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                        assert cell.data_type == "s" and cell.quotePrefix, where


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_hostile_file_is_read_right_or_named(ran, case):
    run = ran[WHERE[case.id]]
    if case.id in run.skipped:
        pytest.skip(_skip_reason(case))
    name, slot = run.names[case.id]
    in_json = [p for p in run.figures["problems"] if p["file"] == name]
    in_list = [row for row in run.listed if row["Tệp"] == name]
    if case.ignored:
        assert in_json == [] and in_list == []
        assert name not in run.check.output
        return
    per_unit = {u["unit"]: u["library_uses"] for u in run.figures["per_unit"]}
    read_right = case.uses is not None and slot.code and per_unit.get(slot.code) == case.uses
    if case.uses is not None and not case.codes:
        assert read_right, (per_unit.get(slot.code), in_json)
    if read_right and not in_json:
        return
    if not read_right:
        assert in_json, f"{name} neither read right nor named: {run.check.output}"
    if case.codes:
        codes = {p["code"] for p in in_json}
        assert codes & set(case.codes), (case.codes, in_json)
    assert {p["code"] for p in in_json} == {row["Mã"] for row in in_list}
    for problem in in_json:
        assert VIETNAMESE & set(problem["message"].lower()), problem
        assert "Error" not in problem["message"], problem
    assert name in run.check.output and name in run.build.output
    if case.says:
        assert any(case.says in p["message"] for p in in_json), in_json
    located = [p for p in in_json if p["code"] in case.codes]
    if case.sheet:
        assert any(p["sheet"] == case.sheet for p in located), located
    if case.cell:
        assert any(p["cell"] == case.cell for p in located), located


def test_an_empty_year_folder_is_said_not_a_traceback(workspace, run):
    (workspace / "inputs" / YEAR).mkdir(parents=True)
    for command in ("check", "build"):
        result = run(command, "--year", YEAR, catch_exceptions=True)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1)


def test_a_year_folder_holding_only_hostile_files_is_said(workspace, run):
    folder = workspace / "inputs" / YEAR
    write(folder / "rong.xlsx", b"")
    write(folder / "~$khoa.xlsx", unit_bytes(None))
    checked = run("check", "--year", YEAR, catch_exceptions=True)
    assert checked.exit_code == 1 and "rong.xlsx: tệp rỗng" in checked.output
    built = run("build", "--year", YEAR, catch_exceptions=True)
    assert built.exit_code == 1 and "Traceback" not in built.output
    assert "Không có bảng tính hợp lệ nào của năm 2025" in built.output  # and says: run check
    assert "rong.xlsx (tệp rỗng" in built.output  # naming the file left out and why
    assert "khoa.xlsx" not in built.output  # Excel's lock file is no workbook to name


BOMBS = (
    "zip-bomb",
    "far-cell-XFD1048576",
    "billion-laughs-sheet",
    "sixteen-thousand-columns",
    "many-megabyte-parts",
)
PEAK = """
import resource, sys
from reportgen.intake.workbook import Unreadable, read_grids
data = open(sys.argv[1], "rb").read()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
try:
    read_grids(data)
except Unreadable:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.parametrize("case_id", BOMBS)
def test_a_bomb_is_refused_or_read_in_bounded_memory(tmp_path, case_id):
    (case,) = [c for c in CASES if c.id == case_id]
    name = case.make(tmp_path, Slot(*FREE[0]))
    grown = _memory_to_read(tmp_path / name)
    assert grown < 100 * 1024, f"{grown // 1024} MB more to read it"


def _memory_to_read(path: Path) -> int:
    """How many kB more a fresh interpreter holds once it has read (or refused) the file."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    before, after = (int(kb) for kb in done.stdout.split())  # kB on Linux
    return after - before


def test_an_external_entity_is_never_fetched(ran):
    for run in ran:
        assert "root:x:0:0" not in run.check.output + run.build.output
        assert "root:x:0:0" not in json.dumps(run.figures, ensure_ascii=False)


def test_an_xls_with_one_far_cell_is_read_in_bounded_memory(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Thư viện")
    sheet.write(0, 0, "Tên thư viện")
    sheet.write(65535, 255, "xa")  # IV65536: the last cell of an .xls sheet
    path = tmp_path / "xa.xls"
    book.save(str(path))
    grown = _memory_to_read(path)
    assert grown < 100 * 1024, f"{grown // 1024} MB more to read it"
