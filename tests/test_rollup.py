"""`reportgen rollup`: the province's report from its communes' figures JSON — files, archive
zips and folders, with broken, duplicate, missing and other-year files among them."""

from __future__ import annotations

import json
import shutil
import zipfile
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document

from reportgen import vocab
from reportgen.cli import cli
from tests.schema import assert_figures_valid
from tests.test_init_profiles import write_units
from tests.unit_workbook import library, write_unit_workbook

# Three communes of the province's registry (reportgen/profiles/tinh/units.toml), each with a
# workspace of its own made by `init --profile xa`.
COMMUNES = {"QNG-DAKUI": "Đăk Ui", "QNG-DAKMAR": "Đăk Mar", "QNG-NGOKREO": "Ngọk Réo"}
EXTRA_SCHOOL = {"QNG-DAKMAR": 1}  # a commune whose figures differ from the others'


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def commune(root: Path, code: str, place: str) -> None:
    """A commune's workspace: the xa profile with its own code and name, and its workbooks."""
    assert invoke("init", str(root), "--profile", "xa").exit_code == 0
    profile = root / "config" / "profile.toml"
    text = profile.read_text("utf-8").replace('"QNG-DAKUI"', f'"{code}"')
    profile.write_text(text.replace("Đăk Ui", place).replace("ĐĂK UI", place.upper()), "utf-8")
    if code in EXTRA_SCHOOL:  # one more school, which has no library serving lifelong learning
        units = root / "config" / "units.toml"
        units.write_text(
            units.read_text("utf-8")
            + '\n[[unit]]\ncode = "TH-2"\nname = "Trường Tiểu học số 2"\nkind = "giao-duc"\n',
            "utf-8",
        )


def built(root: Path, year: int) -> Path:
    write_units(root, year)
    if (root / "inputs" / str(year) / "TH-2.xlsx").exists():  # its library does not serve
        school = library("Thư viện Trường Tiểu học số 2", vocab.LIB_SCHOOL, False, False, 50)
        write_unit_workbook(
            root / "inputs" / str(year) / "TH-2.xlsx",
            "TH-2",
            "Trường Tiểu học số 2",
            year,
            libraries=[school],
        )
    result = invoke("build", "--year", str(year), "--workspace", str(root))
    assert result.exit_code == 0, result.output
    (found,) = (root / "outputs" / str(year)).glob("*_BaoCao_*.json")
    return found


@pytest.fixture(scope="module")
def sent(tmp_path_factory) -> dict[str, dict[int, Path]]:
    """Each commune's figures JSON of 2025 and 2026, built from its own workbooks."""
    base = tmp_path_factory.mktemp("xa")
    files: dict[str, dict[int, Path]] = {}
    for code, place in COMMUNES.items():
        commune(base / code, code, place)
        files[code] = {year: built(base / code, year) for year in (2025, 2026)}
    return files


@pytest.fixture
def province(tmp_path) -> Path:
    root = tmp_path / "tinh"
    assert invoke("init", str(root), "--profile", "tinh").exit_code == 0
    return root


def rolled(province: Path, *sources: Path, year: int = 2026):
    result = invoke("rollup", "--year", str(year), "--workspace", str(province), *map(str, sources))
    out = province / "outputs" / str(year)
    found = sorted(out.glob("QNG_BaoCao_*.json"))
    data = json.loads(found[-1].read_text("utf-8")) if found else None
    return result, data


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_a_folder_of_communes_sums_exactly_to_the_province(province, sent, tmp_path):
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    for files in sent.values():
        shutil.copy(files[2026], inbox)
    result, data = rolled(province, inbox)
    assert result.exit_code == 0, result.output
    assert_figures_valid(data)
    communes = [load(files[2026]) for files in sent.values()]
    for indicator in data["indicators"]:
        own = [i for c in communes for i in c["indicators"] if i["code"] == indicator["code"]]
        if indicator["measure"] == "library_uses_growth":
            current = sum(i["comparison"]["current"] for i in own)
            earlier = sum(i["comparison"]["earlier"] for i in own)
            assert (indicator["numerator"], indicator["denominator"]) == (current, earlier)
            assert indicator["comparison"]["units"] == list(COMMUNES)
            continue
        numerator = sum(i["numerator"] for i in own)
        denominator = sum(i["denominator"] for i in own)
        assert (indicator["numerator"], indicator["denominator"]) == (numerator, denominator)
        assert indicator["value"] == round(float(Fraction(numerator, denominator)), 4)
    assert data["library_uses"]["year"] == sum(c["library_uses"]["year"] for c in communes)
    assert data["funding"] == {
        "state": sum(c["funding"]["state"] for c in communes),
        "social": sum(c["funding"]["social"] for c in communes),
    }
    assert data["units"]["received"] == list(COMMUNES)
    assert len(data["units"]["missing"]) == 5 and "QNG-KONTUM" in data["units"]["missing"]
    assert [s["code"] for s in data["sources"]] == list(COMMUNES)
    schools = next(i for i in data["indicators"] if i["code"] == "TV_HTSD_GD")
    assert (schools["numerator"], schools["denominator"]) == (9, 10)  # Đăk Mar's extra school


def test_broken_duplicate_missing_and_other_year_files_are_named_and_left_out(
    province, sent, tmp_path
):
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    shutil.copy(sent["QNG-DAKUI"][2026], inbox)
    shutil.copy(sent["QNG-DAKUI"][2025], inbox / "nam-truoc.json")  # another year
    (inbox / "hong.json").write_text('{"year": 2026,', encoding="utf-8")  # cut short
    (inbox / "la.json").write_text('{"year": 2026}', encoding="utf-8")  # not the schema's
    mar = load(sent["QNG-DAKMAR"][2026])
    older = dict(mar, issuer=dict(mar["issuer"], document_date="2026-10-01"))
    newer = dict(mar, issuer=dict(mar["issuer"], document_date="2026-11-02"))
    (inbox / "dakmar-cu.json").write_text(json.dumps(older), encoding="utf-8")
    with zipfile.ZipFile(inbox / "LuuTru_QNG-DAKMAR.zip", "w") as archive:  # the newer, zipped
        archive.writestr("QNG-DAKMAR_BaoCao_2026_du-thao-02.json", json.dumps(newer))
        archive.writestr("manifest.json", "{}")
        archive.writestr("inputs/2026/x.json", "{}")  # a unit's file, not figures
    result, data = rolled(province, inbox)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "nhan/hong.json: Không đọc được tệp số liệu JSON: tệp hỏng hoặc bị cắt ở dòng 1" in out
    assert "nhan/la.json: Tệp không đúng lược đồ số liệu phiên bản 1 (thiếu trường " in out
    assert "nhan/nam-truoc.json › year: Là số liệu năm 2025, không phải năm 2026" in out
    other_year = next(p for p in data["problems"] if p["code"] == "year-mismatch")
    assert other_year["unit"] == "QNG-DAKUI"  # told under its commune, not as unknown
    assert (
        "UBND xã Đăk Mar đã gửi 2 tệp số liệu: dùng tệp mới nhất nhan/LuuTru_QNG-DAKMAR.zip › "
        "QNG-DAKMAR_BaoCao_2026_du-thao-02.json, không dùng tệp này." in out
    )
    assert "Chưa gửi báo cáo (6): UBND xã Đăk Hà, UBND xã Ngọk Réo," in out
    assert data["units"]["received"] == ["QNG-DAKUI", "QNG-DAKMAR"]
    assert data["sources"][1]["file"] == (
        "nhan/LuuTru_QNG-DAKMAR.zip › QNG-DAKMAR_BaoCao_2026_du-thao-02.json"
    )
    codes = sorted(p["code"] for p in data["problems"])
    assert codes == [
        "duplicate-return",
        "figures-invalid",
        "file-unreadable",
        "year-mismatch",
    ]
    docx = province / "outputs" / "2026" / "QNG_BaoCao_2026_du-thao-01.docx"
    cells = [c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells]
    assert "nhan/hong.json" in cells  # Biểu 4: what was left out, and why
    assert "Biểu 7" not in "\n".join(p.text for p in Document(str(docx)).paragraphs)


def test_a_file_without_a_code_is_matched_by_name_and_an_unknown_one_is_refused(
    province, sent, tmp_path
):
    ui = load(sent["QNG-DAKUI"][2026])
    nameless = dict(ui, issuer=dict(ui["issuer"], code=None))
    stranger = dict(ui, issuer=dict(ui["issuer"], code="HN-BAVI", name="UBND xã Ba Vì"))
    (tmp_path / "a.json").write_text(json.dumps(nameless), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(stranger), encoding="utf-8")
    result, data = rolled(province, tmp_path / "a.json", tmp_path / "b.json")
    assert result.exit_code == 0, result.output
    assert data["units"]["received"] == ["QNG-DAKUI"]
    assert (
        'b.json › issuer: Không nhận ra địa phương của tệp (không nhận ra đơn vị "UBND xã Ba Vì"'
        in (result.output)
    )


def test_another_plan_is_refused_with_a_clear_message(province, sent, tmp_path):
    ui = load(sent["QNG-DAKUI"][2026])
    other = dict(
        ui, plan=dict(ui["plan"], programme="Xây dựng xã hội học tập giai đoạn 2021 - 2030")
    )
    (tmp_path / "khac.json").write_text(json.dumps(other), encoding="utf-8")
    result, data = rolled(province, tmp_path / "khac.json")
    assert result.exit_code == 1
    assert "khác Kế hoạch đang tổng hợp" in result.output
    assert "Không có tệp số liệu nào của năm 2026 dùng được" in result.output
    assert data is None


def test_the_ranking_lists_every_commune_best_first_ties_sharing_a_rank(province, sent):
    result, _ = rolled(province, *(files[2026] for files in sent.values()))
    assert result.exit_code == 0, result.output
    doc = Document(str(province / "outputs" / "2026" / "QNG_BaoCao_2026_du-thao-01.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Hạng")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    schools = rows[3:6]  # TV_HTSD_GD: Đăk Mar has 3 of its 4 school libraries serving
    assert schools == [
        ["Thư viện cơ sở giáo dục cung cấp dịch vụ phục vụ học tập suốt đời", "1",
         "UBND xã Đăk Ui", "3/3 (100,0%)", "Đạt"],
        ["", "1", "UBND xã Ngọk Réo", "3/3 (100,0%)", "Đạt"],
        ["", "3", "UBND xã Đăk Mar", "3/4 (75,0%)", "Chưa đạt"],
    ]  # fmt: skip
    assert len(rows) == 6 * 3


def test_a_provinces_roll_up_can_itself_be_rolled_up(province, sent, tmp_path):
    result, data = rolled(province, *(files[2026] for files in sent.values()))
    assert result.exit_code == 0, result.output
    country = tmp_path / "ca-nuoc"
    assert invoke("init", str(country), "--profile", "tinh").exit_code == 0
    (country / "config" / "units.toml").write_text(
        '[[unit]]\ncode = "QNG"\nname = "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi"\n'
        'kind = "xa"\n',
        encoding="utf-8",
    )
    (made,) = (province / "outputs" / "2026").glob("QNG_BaoCao_2026_du-thao-01.json")
    again, top = rolled(country, made)
    assert again.exit_code == 0, again.output
    assert_figures_valid(top)
    pairs = [(i["numerator"], i["denominator"]) for i in top["indicators"]]
    assert pairs == [(i["numerator"], i["denominator"]) for i in data["indicators"]]


def _more_localities(sent, inbox: Path) -> None:
    """The three communes' files and two more localities (Đăk Ui's figures under their codes)."""
    for files in sent.values():
        shutil.copy(files[2026], inbox)
    dakui = load(sent["QNG-DAKUI"][2026])
    for code, name in (("QNG-DAKHA", "UBND xã Đăk Hà"), ("QNG-DAKPXI", "UBND xã Đăk Pxi")):
        issuer = dict(dakui["issuer"], code=code, name=name)
        text = json.dumps(dict(dakui, issuer=issuer), ensure_ascii=False)
        (inbox / f"{code}_BaoCao_2026.json").write_text(text, encoding="utf-8")


def _ranking(docx: Path) -> list[list[str]]:
    table = next(t for t in Document(str(docx)).tables if t.rows[0].cells[1].text == "Hạng")
    return [[c.text for c in r.cells] for r in table.rows[1:]]


def test_past_the_limit_the_report_ranks_each_end_and_the_workbook_everyone(
    province, sent, tmp_path, monkeypatch
):
    from reportgen import appendix

    inbox = tmp_path / "nhan"
    inbox.mkdir()
    _more_localities(sent, inbox)
    result, _ = rolled(province, inbox)
    assert result.exit_code == 0, result.output
    out = province / "outputs" / "2026"
    whole = _ranking(out / "QNG_BaoCao_2026_du-thao-01.docx")
    assert len(whole) == 6 * 5 and not (out / "QNG_BaoCao_2026_du-thao-01_phu-luc.xlsx").exists()

    profile = province / "config" / "profile.toml"
    text = profile.read_text("utf-8")
    profile.write_text(text.replace("detail_units_max = 60", "detail_units_max = 2"), "utf-8")
    monkeypatch.setattr(appendix, "RANKED_AT_EACH_END", 1)
    result, _ = rolled(province, inbox)
    assert result.exit_code == 0, result.output
    docx = out / "QNG_BaoCao_2026_du-thao-02.docx"
    shown = _ranking(docx)
    firsts = [i for i, row in enumerate(whole) if row[0]]  # each indicator's first row
    expected = []
    for start in firsts:
        best, *_, worst = whole[start : start + 5]
        expected += [best, ["", "", "… (3 địa phương khác)", "", ""], worst]
    assert shown == expected
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert any("5 địa phương (trên 2 địa phương)" in p and "_phu-luc.xlsx" in p for p in paragraphs)

    tables = out / "QNG_BaoCao_2026_du-thao-02_phu-luc.xlsx"
    assert f"Bảng tính phụ lục: {tables.as_posix()}" in result.output
    book = openpyxl.load_workbook(tables)
    assert book.sheetnames == ["Địa phương", "Xếp hạng"]
    ranked = [list(r) for r in book["Xếp hạng"].iter_rows(min_row=4, values_only=True)]
    # The whole ranking, each row naming its indicator so the sheet can be filtered by it.
    indicator = ""
    for row, full in zip(ranked, whole, strict=True):
        indicator = full[0] or indicator
        rank = int(full[1]) if full[1].isdigit() else full[1]
        assert row == [indicator, rank, full[2], full[3], full[4]]
    lines = list(book["Địa phương"].iter_rows(min_row=4, values_only=True))
    assert [line[1] for line in lines[:-1]] == [
        "UBND xã Đăk Ui",
        "UBND xã Đăk Hà",
        "UBND xã Đăk Mar",
        "UBND xã Ngọk Réo",
        "UBND xã Đăk Pxi",
    ]
