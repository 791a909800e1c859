"""Issue 3 end to end: a messy year gives the clean year's figures; a bad year is reported."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document

from reportgen.cli import cli
from tests.messy.data import (
    BAD_CELL_CODES,
    BAD_CELLS,
    BROKEN,
    BY_CODE,
    EARLIER_SAVED,
    IGNORED,
    OLDER_DUPLICATE,
    STRANGERS,
    YEAR,
)
from tests.messy.encodings import to_tcvn3, to_vni
from tests.messy.oracle import (
    BAD_FUNDING,
    BAD_INDICATORS,
    BAD_TASKS,
    BAD_UNITS,
    CLEAN_FUNDING,
    CLEAN_INDICATORS,
    CLEAN_TASKS,
    CLEAN_UNITS,
    indicators,
    per_unit,
    tasks,
)
from tests.messy.years import SOFFICE, write_bad_year, write_clean_year, write_messy_year

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")

# ------------------------------------------------------------- running `reportgen build`


@dataclass(frozen=True)
class Built:
    """One `reportgen build` run."""

    output: str
    exit_code: int
    figures: dict
    docx_text: str
    inputs: tuple[str, ...]
    root: Path


def build(root: Path) -> Built:
    """`reportgen build --year 2025` run on the workspace `root`, read back."""
    result = CliRunner().invoke(cli, ["build", "--year", str(YEAR), "--workspace", str(root)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    out = root / "outputs" / str(YEAR)
    (json_path,) = [p for p in out.glob("*.json") if p.name != "manifest.json"]
    (docx_path,) = list(out.glob("*.docx"))
    document = Document(str(docx_path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    names = tuple(sorted(p.name for p in (root / "inputs" / str(YEAR)).iterdir()))
    return Built(
        result.output,
        result.exit_code,
        json.loads(json_path.read_text(encoding="utf-8")),
        "\n".join(texts),
        names,
        root,
    )


# ------------------------------------------------------------------------ the legacy encoders


def test_legacy_encoders_follow_the_published_tables() -> None:
    assert to_tcvn3("Thư viện xã Ngọk Wang") == "Th\xad viÖn x· Ngäk Wang"
    assert to_tcvn3("Đắk Có Không Ứng") == "§¾k Cã Kh«ng øng"
    assert to_vni("Thư viện Đắk Ngọc") == "Thö vieän Ñaék Ngoïc"
    assert to_vni("ĐĂK NGỌC Ủy") == "ÑAÊK NGOÏC UÛy"


# --------------------------------------------------------------------- the clean and messy years


@pytest.fixture(scope="module")
def clean_and_messy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built]:
    return (
        build(write_clean_year(tmp_path_factory.mktemp("clean"))),
        build(write_messy_year(tmp_path_factory.mktemp("messy"))),
    )


def test_clean_year_gives_the_hand_computed_figures(clean_and_messy: tuple[Built, Built]) -> None:
    clean, _ = clean_and_messy
    assert indicators(clean.figures) == CLEAN_INDICATORS
    assert per_unit(clean.figures) == CLEAN_UNITS
    assert tasks(clean.figures) == CLEAN_TASKS
    assert clean.figures["funding"] == CLEAN_FUNDING
    assert sorted(clean.figures["units"]["received"]) == sorted(BY_CODE)
    assert clean.figures["problems"] == []


def test_messy_year_gives_exactly_the_clean_figures(clean_and_messy: tuple[Built, Built]) -> None:
    clean, messy = clean_and_messy
    assert indicators(messy.figures) == indicators(clean.figures) == CLEAN_INDICATORS
    assert per_unit(messy.figures) == CLEAN_UNITS
    assert tasks(messy.figures) == CLEAN_TASKS
    assert messy.figures["funding"] == CLEAN_FUNDING
    assert messy.figures["units"] == clean.figures["units"]
    values = {i["code"]: i["value"] for i in messy.figures["indicators"]}
    assert values == {i["code"]: i["value"] for i in clean.figures["indicators"]}
    assert values["TV_LUOT_TANG"] == 0.1154  # 27884 / 25000 - 1
    assert messy.figures["problems"] == []
    assert "Không có vấn đề nào trong dữ liệu." in messy.output
    # Every text of the report too: names typed in TCVN3/VNI, dates typed as text, ...
    assert messy.docx_text == clean.docx_text


def test_messy_names_and_legacy_text_come_out_as_unicode(
    clean_and_messy: tuple[Built, Built],
) -> None:
    _, messy = clean_and_messy
    # Activity names typed in TCVN3 and VNI reach the report as proper Unicode.
    for legacy in (to_tcvn3("Tuyên truyền học tập suốt đời"), to_vni("Đọc sách cùng con")):
        assert legacy not in messy.docx_text
        assert legacy not in json.dumps(messy.figures, ensure_ascii=False)
    assert "Tuyên truyền học tập suốt đời" in messy.docx_text
    assert "Đọc sách cùng con" in messy.docx_text


@needs_soffice
def test_messy_year_through_libreoffice(clean_and_messy: tuple[Built, Built]) -> None:
    _, messy = clean_and_messy
    # A legacy .xls read like the rest
    assert "bc hm.xls" in messy.inputs
    assert per_unit(messy.figures)["XA-HAMON"] == CLEAN_UNITS["XA-HAMON"]
    # Formulas whose values LibreOffice computed and stored, read by those values
    book = openpyxl.load_workbook(messy.root / "inputs" / str(YEAR) / "PGD.xlsx")
    formulas = [
        c.value for ws in book for row in ws.iter_rows() for c in row if str(c.value)[:1] == "="
    ]
    assert len(formulas) >= 4, formulas
    assert per_unit(messy.figures)["PGDDT"] == CLEAN_UNITS["PGDDT"]


# ---------------------------------------------------------------------------- a bad year


@pytest.fixture(scope="module")
def bad_year(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Built, list[tuple[str, str, str, str]], Path]:
    root = tmp_path_factory.mktemp("bad")
    where = write_bad_year(root)
    return build(root), where, root


def test_bad_year_figures_leave_out_exactly_the_bad_rows(bad_year) -> None:  # noqa: ANN001
    built, _, _ = bad_year
    assert indicators(built.figures) == BAD_INDICATORS
    assert per_unit(built.figures) == BAD_UNITS
    assert tasks(built.figures) == BAD_TASKS
    assert built.figures["funding"] == BAD_FUNDING
    assert sorted(built.figures["units"]["received"]) == sorted(BY_CODE)


def test_every_bad_cell_is_named_in_the_json_on_screen_and_in_the_report(bad_year) -> None:  # noqa: ANN001
    built, where, _ = bad_year
    assert len(where) == len(BAD_CELLS)
    problems = built.figures["problems"]
    for file, sheet, cell, words in where:
        found = [
            p
            for p in problems
            if (p["file"], p["sheet"], p["cell"]) == (file, sheet, cell)
            and p["severity"] == "error"
        ]
        assert len(found) == 1, (file, sheet, cell, problems)
        assert found[0]["code"] == BAD_CELL_CODES[words]
        assert words in found[0]["message"]
        location = f"{file} › {sheet} › {cell}"
        assert f"{location}: {found[0]['message']}" in built.output
        assert location in built.docx_text


def test_bad_files_strangers_and_duplicates_are_reported(bad_year) -> None:  # noqa: ANN001
    built, _, _ = bad_year
    by_file: dict[str, list[dict]] = {}
    for p in built.figures["problems"]:
        by_file.setdefault(p["file"], []).append(p)
    skipped = [f for f in (*BROKEN, *STRANGERS) if f != "mat khau.xlsx" or f in built.inputs]
    for file in skipped:
        assert file in by_file, (file, sorted(by_file))
        assert any(p["severity"] == "error" for p in by_file[file])
        assert any(file in line for line in built.output.splitlines())
        assert file in built.docx_text
    if "mat khau.xlsx" in built.inputs:
        assert any("mật khẩu" in p["message"] for p in by_file["mat khau.xlsx"])
    assert any("Ia Chim" in p["message"] for p in by_file["Ia Chim.xlsx"])
    ambiguous = " ".join(p["message"] for p in by_file["Dak La - Dak Long.xlsx"])
    assert "UBND xã Đắk La" in ambiguous and "UBND xã Đắk Long" in ambiguous
    (duplicate,) = by_file[OLDER_DUPLICATE]
    assert duplicate["severity"] == "warning"
    assert '"Dak Psi.xlsx"' in duplicate["message"] and "Ngày lập" in duplicate["message"]
    (draft,) = by_file[EARLIER_SAVED]
    assert draft["severity"] == "warning" and '"Ngok Wang.xlsx"' in draft["message"]
    assert "lưu sau" in draft["message"]


def test_lock_and_hidden_files_are_never_mentioned(bad_year) -> None:  # noqa: ANN001
    built, _, root = bad_year
    texts = [built.output, built.docx_text]
    for path in (root / "outputs").rglob("*"):
        if path.suffix == ".json":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path, read_only=True)
            texts += [str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row]
            book.close()
    for text in texts:
        for name in IGNORED:
            assert name not in text
        assert "~$" not in text and ".~lock" not in text and "Traceback" not in text
