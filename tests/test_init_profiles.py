"""`reportgen init` with each ready profile: a district, a commune after July 2025, a province
compiling communes; each builds from its own workbooks into a report and a valid, named JSON."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from reportgen import vocab
from reportgen.cli import cli
from reportgen.config import load_config
from reportgen.toml_table import read_toml
from reportgen.workspace import Workspace
from tests.conftest import ROOT
from tests.schema import assert_figures_valid
from tests.unit_workbook import activity, institution, library, write_unit_workbook

YEAR = 2026
FILES = (
    "config/profile.toml",
    "config/units.toml",
    "config/plan.toml",
    "config/themes.toml",
    "config/phrases.toml",
    "templates/bao-cao.docx",
)


def init(runner: CliRunner, folder: Path, profile: str):
    return runner.invoke(cli, ["init", str(folder), "--profile", profile])


def write_units(root: Path, year: int) -> None:
    """A workbook from every registry unit, with what a unit of its kind has."""
    config = load_config(Workspace.at(root))
    for index, unit in enumerate(config.units):
        rows: dict = {"libraries": [], "institutions": [], "activities": []}
        if unit.kind in ("xa", "van-hoa"):  # a commune, or the commune's culture office
            rows["libraries"] = [
                library(f"Thư viện {unit.name}", vocab.LIB_COMMUNE, True, index % 2 == 0, 900)
            ]
            rows["institutions"] = [
                institution(f"Nhà văn hóa thôn {i}", vocab.INST_VILLAGE_HOUSE, True, i < 2)
                for i in range(3)
            ]
        if unit.kind == "giao-duc":
            school = library(f"Thư viện {unit.name}", vocab.LIB_SCHOOL, True, True, 300)
            rows["libraries"] = [school]
        rows["activities"] = [
            activity(f"Ngày hội đọc sách {unit.name}", 1, date(year, 4, 21), 40 + index)
        ]
        write_unit_workbook(
            root / "inputs" / str(year) / f"{unit.code}.xlsx", unit.code, unit.name, year, **rows
        )


def built(root: Path, prefix: str, year: int = YEAR):
    out = root / "outputs" / str(year)
    stem = f"{prefix}BaoCao_{year}_du-thao-01"
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    doc = Document(str(out / f"{stem}.docx"))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return data, texts


def started_and_built(tmp_path: Path, profile: str, prefix: str):
    """A workspace made by `init` with `profile`, built from its units' workbooks."""
    runner, root = CliRunner(), tmp_path / profile
    assert init(runner, root, profile).exit_code == 0
    write_units(root, YEAR)
    result = runner.invoke(cli, ["build", "--year", str(YEAR), "--workspace", str(root)])
    assert result.exit_code == 0, result.output
    return built(root, prefix)


@pytest.mark.parametrize("profile", ["huyen", "xa", "tinh"])
def test_init_writes_a_workspace_whose_config_loads(tmp_path, profile):
    result = init(CliRunner(), tmp_path / "noi-lam-viec", profile)
    assert result.exit_code == 0, result.output
    root = tmp_path / "noi-lam-viec"
    assert all((root / name).is_file() for name in FILES)
    assert (root / "inputs").is_dir() and (root / "outputs").is_dir()
    assert "Việc tiếp theo:" in result.output
    config = load_config(Workspace.at(root))
    assert config.profile.level == profile and config.profile.locality_code


def test_init_never_touches_a_workspace_already_there(tmp_path):
    runner = CliRunner()
    assert init(runner, tmp_path, "xa").exit_code == 0
    profile = tmp_path / "config" / "profile.toml"
    profile.write_text("# của cán bộ\n", encoding="utf-8")
    result = init(runner, tmp_path, "tinh")
    assert result.exit_code == 1
    assert "đã có config/profile.toml: không ghi đè" in result.output
    assert profile.read_text(encoding="utf-8") == "# của cán bộ\n"


def test_an_unknown_profile_is_refused_with_the_choices(tmp_path):
    result = init(CliRunner(), tmp_path, "phuong")
    assert result.exit_code == 2
    assert "huyen" in result.output and "xa" in result.output and "tinh" in result.output
    assert not (tmp_path / "config").exists()


def test_the_district_profile_is_the_repositorys_own_configuration(tmp_path):
    assert init(CliRunner(), tmp_path, "huyen").exit_code == 0
    for name in FILES:
        shipped, repository = (tmp_path / name).read_bytes(), (ROOT / name).read_bytes()
        if name == "config/profile.toml":  # only the code that names its files differs
            shipped = shipped.replace(b'locality_code = "KTM-DAKHA"', b'locality_code = ""')
        assert shipped == repository, name


def test_no_district_indicator_below_or_above_the_district(tmp_path):
    for profile in ("xa", "tinh"):
        assert init(CliRunner(), tmp_path / profile, profile).exit_code == 0
        plan = read_toml(tmp_path / profile / "config" / "plan.toml")
        kinds = {i.get("library_kind") for i in plan["indicator"]}
        assert vocab.LIB_DISTRICT not in kinds and len(plan["indicator"]) == 6


def test_a_commune_builds_its_report_without_a_word_of_district(tmp_path):
    data, texts = started_and_built(tmp_path, "xa", "QNG-DAKUI_")
    assert_figures_valid(data)
    assert data["issuer"] == {
        "code": "QNG-DAKUI",
        "name": "Ủy ban nhân dân xã Đăk Ui",
        "level": "xa",
        "place": "Đăk Ui",
        "province": "Quảng Ngãi",
        "document_number": None,
        "document_date": None,
        "recipient": "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi",
    }
    written = "\n".join(texts)
    assert not re.search("huyện", written, re.IGNORECASE)
    assert "Kính gửi: Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi." in texts
    assert "Thư viện công cộng cấp xã đã cung cấp dịch vụ phục vụ học tập suốt đời" in written
    growth = next(i for i in data["indicators"] if i["code"] == "TV_LUOT_TANG")
    assert growth["numerator"] is None and growth["denominator"] is None  # no 2025: not 0
    assert data["library_uses"]["previous_year"] is None


def test_a_province_builds_from_its_communes_workbooks(tmp_path):
    data, texts = started_and_built(tmp_path, "tinh", "QNG_")
    assert_figures_valid(data)
    communes = load_config(Workspace.at(tmp_path / "tinh")).units
    share = next(i for i in data["indicators"] if i["code"] == "TV_HTSD_XA")
    assert (share["numerator"], share["denominator"]) == (len(communes), len(communes))
    assert data["issuer"]["level"] == "tinh" and data["issuer"]["code"] == "QNG"
    assert any(t.startswith("Toàn tỉnh có 8/8 thư viện công cộng cấp xã") for t in texts)
    written = "\n".join(texts)
    assert "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH" in written
    assert "Kính gửi: Bộ Văn hóa, Thể thao và Du lịch." in texts
    assert "Sở Văn hóa, Thể thao và Du lịch báo cáo kết quả thực hiện năm 2026" in written


def test_a_district_with_a_locality_code_names_every_file_with_it(tmp_path):
    started_and_built(tmp_path, "huyen", "KTM-DAKHA_")
    runner, root = CliRunner(), tmp_path / "huyen"
    names = sorted(p.name for p in (root / "outputs" / str(YEAR)).iterdir() if p.is_file())
    assert names == [
        "KTM-DAKHA_BaoCao_2026_du-thao-01.docx",
        "KTM-DAKHA_BaoCao_2026_du-thao-01.json",
        "KTM-DAKHA_BaoCao_2026_du-thao-01_van-de.xlsx",
        "manifest.json",
    ]
    again = runner.invoke(cli, ["build", "--year", str(YEAR), "--workspace", str(root)])
    assert "KTM-DAKHA_BaoCao_2026_du-thao-01.docx" in again.output  # nothing new, same draft
    archived = runner.invoke(cli, ["archive", "--year", str(YEAR), "--workspace", str(root)])
    assert archived.exit_code == 0, archived.output
    assert (root / "outputs" / str(YEAR) / "LuuTru_KTM-DAKHA_BaoCao_2026_du-thao-01.zip").is_file()
