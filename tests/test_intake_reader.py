"""Reading a year folder of unit workbooks: clean and messy forms, bad cells, bad files."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook

from reportgen import vocab
from reportgen.intake import read_year
from reportgen.models import ERROR, WARNING, Intake
from reportgen.problem_sheet import HEADER_ROW, HEADERS, in_unit_order, problems_workbook
from tests.conftest import ROOT

YEAR = 2025

LIBRARIES = [
    ("Thư viện xã Đắk La", vocab.LIB_COMMUNE, True, True, 1234, 500, "Mở cửa hằng ngày"),
    ("Điểm đọc thôn 1", vocab.LIB_READING_POINT, False, False, 0, None, ""),
]
INSTITUTIONS = [
    ("Trung tâm VH-TT xã Đắk La", vocab.INST_COMMUNE_CENTRE, True, True, 3, ""),
    ("Nhà văn hóa thôn 2", vocab.INST_VILLAGE_HOUSE, False, True, 0, ""),
]
ACTIVITIES = [
    ("Ngày hội đọc sách", 1, "Ngày Sách và Văn hóa đọc Việt Nam 21/4", date(2025, 4, 21), 150, "")
]
FUNDING = [
    ("Mua sách", vocab.FUND_STATE, 12_500_000),
    ("Tủ sách do dân góp", vocab.FUND_SOCIAL, 3_000_000),
]


def read(folder: Path, config, **kwargs: Any) -> Intake:
    return read_year(folder, YEAR, config, strict=True, **kwargs)


def book_of(sheets: dict[str, Sequence[Sequence[Any]]]) -> Workbook:
    """A workbook with one sheet per entry, rows written from A1."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    return wb


def save(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A workbook with one sheet per entry, rows written from A1, saved at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book_of(sheets).save(path)
    return path


def yn(value: bool) -> str:
    return vocab.YES if value else vocab.NO


def clean_form(code="XA-DAKLA", name="UBND xã Đắk La", made_on=date(2025, 11, 3), **rows):
    libraries = rows.get("libraries", LIBRARIES)
    return {
        vocab.SHEET_INFO: [
            ("Mã đơn vị", code),
            ("Tên đơn vị", name),
            ("Năm báo cáo", YEAR),
            ("Người lập", "Nguyễn Văn A"),
            ("Số điện thoại", "0260 3820 123"),
            ("Ngày lập", made_on),
        ],
        vocab.SHEET_LIBRARIES: [
            list(vocab.LIBRARY_COLUMNS),
            *[
                (i, n, k, yn(s), yn(d), u, b, note)
                for i, (n, k, s, d, u, b, note) in enumerate(libraries, 1)
            ],
        ],
        vocab.SHEET_INSTITUTIONS: [
            list(vocab.INSTITUTION_COLUMNS),
            *[
                (i, n, k, yn(c), yn(r), m, note)
                for i, (n, k, c, r, m, note) in enumerate(INSTITUTIONS, 1)
            ],
        ],
        vocab.SHEET_ACTIVITIES: [
            list(vocab.ACTIVITY_COLUMNS),
            *[(i, *a) for i, a in enumerate(rows.get("activities", ACTIVITIES), 1)],
        ],
        vocab.SHEET_FUNDING: [
            list(vocab.FUNDING_COLUMNS),
            *[(i, *f) for i, f in enumerate(FUNDING, 1)],
        ],
        vocab.SHEET_ASSESSMENT: [
            (label, f"Ý kiến {key}") for label, key in vocab.ASSESSMENT_LABELS.items()
        ],
    }


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def messy_form() -> dict[str, list[list[Any]]]:
    """The same data as clean_form(), written the ways data-contract §2 tolerates."""
    title = ["BÁO CÁO KẾT QUẢ NĂM 2025", None, None]
    return {
        "THONG TIN": [
            ["Tên đơn vị", nfd("UBND xã Đắk La")],
            ["Mã đơn vị ", " xa-dakla"],
            ["Năm báo cáo", "2025"],
            ["Người lập", "Nguyễn Văn A"],
            ["Số điện thoại", "0260 3820 123"],
            ["Ngày lập", "3-11-2025"],
        ],
        " thư  viện ": [
            title,
            [None],
            ["(Kèm theo công văn số ...)"],
            [
                "Ghi chú",
                "Lượt người\nsử dụng (lượt)",
                "TÊN THƯ VIỆN",
                "Loai thu vien",
                "STT",
                nfd("Phục vụ học tập suốt đời") + " (Có/Không)",
                "Ứng dụng CNTT,\nchuyển đổi số",
                "Số bản sách",
                "Người phụ trách",
            ],
            [
                "Mở cửa hằng ngày",
                "1.234",
                "Thư viện xã Đắk La",
                "Th\xad viÖn c«ng céng cÊp x·",
                1,
                "x",
                "CÓ",
                "500",
                "Chị Hoa",
            ],
            [None] * 9,
            [None, 0, "Điểm đọc thôn 1", "tủ sách, điểm đọc cơ sở", 2, "0", None, None, None],
            [None, 1234, "Tổng cộng", None, None, None, None, 500, None],
        ],
        "Thiet che van hoa": [
            title,
            [
                "STT",
                "Tên thiết chế",
                "Loại thiết chế",
                "Có lớp năng khiếu, CLB, nhóm sở thích",
                "Thường xuyên tổ chức hoạt động VHVN, TDTT",
                "Số CLB, nhóm",
                "Ghi chú",
            ],
            [1, "Trung tâm VH-TT xã Đắk La", "TRUNG TÂM VĂN HÓA, THỂ THAO XÃ", "có", 1, "3", None],
            [
                2,
                "Nhà văn hóa thôn 2",
                "Nhaø vaên hoùa - khu theå thao thoân",
                "không",
                "Coù",
                0,
                None,
            ],
            [3, None, None, None, None, None, None],
            ["Cộng", None, None, None, None, 3, None],
        ],
        "Hoạt Động": [
            title,
            [],
            [
                "STT",
                "Tên hoạt động",
                "Nhiệm vụ",
                "Dịp",
                "Thời gian",
                "Số lượt người\ntham gia",
                "Ghi chú",
            ],
            [
                1,
                "Ngày hội đọc sách",
                "Nhiệm vụ 1",
                "Ngày Sách và Văn hóa đọc Việt Nam 21/4",
                "21/04/2025",
                "150",
                None,
            ],
        ],
        "Kinh phi": [
            ["STT", "Nội dung", "Nguồn kinh phí", "Số tiền"],
            [1, "Mua sách", "ngân sách nhà nước", "12.500.000 đồng"],
            [2, "Tủ sách do dân góp", "Xã hội hóa", 3000000.0],
            ["Tổng cộng", None, None, 15500000],
        ],
        "Danh gia": [
            [label.upper(), f"Ý kiến {key}"] for label, key in vocab.ASSESSMENT_LABELS.items()
        ],
    }


def without_sources(intake: Intake):
    """The records read, with where they came from left out, for comparing two forms."""
    (ret,) = intake.returns
    strip = lambda rows: [replace(r, source=None) for r in rows]  # noqa: E731
    return (
        ret.unit,
        strip(ret.libraries),
        strip(ret.institutions),
        strip(ret.activities),
        strip(ret.funding),
        dict(ret.assessment),
        ret.info.made_on,
        ret.info.year,
    )


def test_contract_form_is_read_right(tmp_path, sample_config) -> None:
    save(tmp_path / "Đắk La.xlsx", clean_form())
    intake = read(tmp_path, sample_config)
    assert intake.problems == ()
    (ret,) = intake.returns
    assert ret.unit == "XA-DAKLA" and ret.file == "Đắk La.xlsx"
    assert [
        (lib.name, lib.kind, lib.serves_lifelong, lib.digital, lib.uses, lib.books)
        for lib in ret.libraries
    ] == [(n, k, s, d, u, b) for n, k, s, d, u, b, _ in LIBRARIES]
    assert (
        ret.libraries[0].source.row == 2 and ret.libraries[0].source.sheet == vocab.SHEET_LIBRARIES
    )
    assert [(a.task, a.held_on, a.participants) for a in ret.activities] == [
        (1, date(2025, 4, 21), 150)
    ]
    assert sum(f.amount for f in ret.funding) == 15_500_000
    assert ret.assessment["highlights"] == "Ý kiến highlights"
    (file,) = intake.files
    assert file.status == "used" and file.unit == "XA-DAKLA" and len(file.sha256) == 64


def test_messy_form_reads_to_the_same_rows(tmp_path, sample_config) -> None:
    save(tmp_path / "clean" / "a.xlsx", clean_form())
    save(tmp_path / "messy" / "a.xlsx", messy_form())
    clean, messy = read(tmp_path / "clean", sample_config), read(tmp_path / "messy", sample_config)
    assert messy.problems == ()
    assert without_sources(messy) == without_sources(clean)
    assert messy.returns[0].libraries[1].source.row == 7


def test_inputs_are_never_modified(tmp_path, sample_config) -> None:
    path = save(tmp_path / "a.xlsx", messy_form())
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    read(tmp_path, sample_config)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp


def bad_libraries_form():
    form = clean_form()
    form[vocab.SHEET_LIBRARIES] = [
        list(vocab.LIBRARY_COLUMNS),
        [1, "Thư viện xã", vocab.LIB_COMMUNE, "chưa rõ", "Có", 10, None, None],
        [2, "Điểm đọc A", vocab.LIB_READING_POINT, "Có", "Có", "nhiều", None, None],
        [3, "Điểm đọc B", "Thư viện thôn", "Có", "Có", 5, None, None],
        [4, "Điểm đọc C", vocab.LIB_READING_POINT, "Có", "Có", None, None, None],
        [5, "Điểm đọc D", vocab.LIB_READING_POINT, "Có", "Có", -2, None, None],
        [6, None, vocab.LIB_READING_POINT, "Có", "Có", 7, None, None],
        [7, "Điểm đọc E", vocab.LIB_READING_POINT, "Không", "Có", 9, None, None],
    ]
    return form


def realistic_bad_form() -> dict[str, list[Any]]:
    """A unit's workbook with the mistakes units really make, on every sheet."""
    form = bad_libraries_form()
    form[vocab.SHEET_INFO][2] = ("Năm báo cáo", 2024)
    form[vocab.SHEET_LIBRARIES] += [
        [8, "Điểm đọc F", vocab.LIB_READING_POINT, "Có", "Không", 0, "vài trăm", None],
        [9, "Điểm đọc G", vocab.LIB_READING_POINT, "Có", "Không", "=3+4", None, None],
        [10, "Điểm đọc H", vocab.LIB_READING_POINT, "Có", "Không", 12.5, None, None],
    ]
    form[vocab.SHEET_INSTITUTIONS] = [
        list(vocab.INSTITUTION_COLUMNS),
        [1, "Nhà văn hóa thôn 1", "Nhà văn hóa", "Có", "Có", 2, None],
        [2, "Nhà văn hóa thôn 2", vocab.INST_VILLAGE_HOUSE, "Có", "Có", -1, None],
    ]
    form[vocab.SHEET_ACTIVITIES] = [
        list(vocab.ACTIVITY_COLUMNS),
        [1, "Hội sách", 7, None, date(2025, 4, 21), 50, None],
        [2, "Ngày hội đọc sách", 1, None, "hôm qua", 40, None],
        [3, "Tuyên truyền lưu động", 1, None, date(2024, 12, 30), 90, None],
    ]
    form[vocab.SHEET_FUNDING] = [
        list(vocab.FUNDING_COLUMNS),
        [1, "Mua sách", "Vay", 1_000_000],
        [2, "Tặng tủ sách", vocab.FUND_SOCIAL, "nhiều"],
    ]
    return form


def test_every_problem_of_a_realistic_bad_year_has_a_known_code(tmp_path, sample_config):
    save(tmp_path / "Đắk La.xlsx", realistic_bad_form())
    save(tmp_path / "Đắk La cũ.xlsx", clean_form(made_on=date(2025, 10, 1)))
    save(tmp_path / "Xã lạ.xlsx", clean_form(code="XA-DAKTO", name="UBND xã Đắk Tô"))
    save(
        tmp_path / "Bao cao xa Dak Mar.xlsx", {vocab.SHEET_LIBRARIES: [list(vocab.LIBRARY_COLUMNS)]}
    )
    (tmp_path / "hỏng.xlsx").write_bytes(b"PK\x03\x04garbage")
    problems = read(tmp_path, sample_config).problems
    assert all(p.code in vocab.PROBLEM_TITLES for p in problems)
    assert all(p.as_json()["code"] == p.code for p in problems)
    assert {p.code for p in problems} == {
        "cell-not-yes-no",
        "cell-not-number",
        "cell-not-in-list",
        "cell-empty",
        "cell-negative",
        "cell-not-integer",
        "cell-not-task",
        "cell-not-date",
        "date-outside-year",
        "zero-uses-but-serving",
        "formula-without-value",
        "year-mismatch",
        "duplicate-return",
        "unknown-unit",
        "unit-from-file-name",
        "file-unreadable",
    }

    sent_back = openpyxl.load_workbook(
        io.BytesIO(problems_workbook(problems, sample_config.unit_names, YEAR, "10/11"))
    ).active
    rows = list(sent_back.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    kind, code = HEADERS.index("Loại vấn đề"), HEADERS.index("Mã")
    assert [(r[kind], r[code]) for r in rows] == [
        (vocab.PROBLEM_TITLES[p.code], p.code)
        for p in in_unit_order(problems, sample_config.unit_names)
    ]


def test_bad_cells_drop_their_row_and_name_the_cell(tmp_path, sample_config) -> None:
    save(tmp_path / "Đắk La.xlsx", bad_libraries_form())
    intake = read(tmp_path, sample_config)
    found = {(p.file, p.sheet, p.cell, p.severity): (p.code, p.message) for p in intake.problems}
    where = ("Đắk La.xlsx", vocab.SHEET_LIBRARIES)
    kinds = "; ".join(vocab.LIBRARY_KINDS)
    assert found == {
        (*where, "D2", ERROR): ("cell-not-yes-no", '"chưa rõ" — cần ghi Có hoặc Không'),
        (*where, "F3", ERROR): ("cell-not-number", '"nhiều" không phải là số'),
        (*where, "C4", ERROR): (
            "cell-not-in-list",
            f'"Thư viện thôn" không phải loại thư viện hợp lệ — cần một trong: {kinds}',
        ),
        (*where, "F5", ERROR): ("cell-empty", "ô trống — cần ghi số lượt, ghi 0 nếu không có"),
        (*where, "F6", ERROR): ("cell-negative", '"-2" là số âm — cần số không âm'),
        (*where, "B7", ERROR): ("cell-empty", "ô trống — cần ghi tên thư viện"),
    }
    assert all(p.unit == "XA-DAKLA" for p in intake.problems)
    assert [lib.name for lib in intake.returns[0].libraries] == ["Điểm đọc E"]


def test_warnings_keep_their_row(tmp_path, sample_config) -> None:
    libraries = [("Thư viện xã", vocab.LIB_COMMUNE, True, False, 0, None, "")]
    activities = [("Hội sách", 2, "", date(2024, 12, 30), 40, "")]
    form = clean_form(libraries=libraries, activities=activities)
    form[vocab.SHEET_INFO][2] = ("Năm báo cáo", 2024)
    save(tmp_path / "a.xlsx", form)
    intake = read(tmp_path, sample_config)
    assert {(p.sheet, p.cell, p.severity, p.code) for p in intake.problems} == {
        (vocab.SHEET_LIBRARIES, "F2", WARNING, "zero-uses-but-serving"),
        (vocab.SHEET_ACTIVITIES, "E2", WARNING, "date-outside-year"),
        (vocab.SHEET_INFO, "B3", WARNING, "year-mismatch"),
    }
    assert len(intake.returns[0].libraries) == 1 and len(intake.returns[0].activities) == 1


def test_formula_without_cached_value_is_named(tmp_path, sample_config) -> None:
    form = clean_form()
    form[vocab.SHEET_LIBRARIES][1] = (
        1,
        "Thư viện xã",
        vocab.LIB_COMMUNE,
        "Có",
        "Có",
        "=10+5",
        None,
        '="a"&"b"',
    )
    save(tmp_path / "a.xlsx", form)
    intake = read(tmp_path, sample_config)
    by_cell = {p.cell: p for p in intake.problems}
    assert (by_cell["F2"].severity, by_cell["F2"].code) == (ERROR, "formula-without-value")
    assert "bị bỏ ra khỏi mọi số liệu" in by_cell["F2"].message
    assert (by_cell["H2"].severity, by_cell["H2"].code) == (WARNING, "formula-without-value")
    assert "ô được coi như để trống" in by_cell["H2"].message
    assert [lib.name for lib in intake.returns[0].libraries] == ["Điểm đọc thôn 1"]


def test_lock_and_hidden_files_are_ignored_silently(tmp_path, sample_config) -> None:
    save(tmp_path / "a.xlsx", clean_form())
    (tmp_path / "~$a.xlsx").write_bytes(b"\x00lock")
    (tmp_path / ".DS_Store").write_bytes(b"junk")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.xlsx").write_bytes(b"junk")
    intake = read(tmp_path, sample_config)
    assert intake.problems == () and [f.name for f in intake.files] == ["a.xlsx"]


def encrypted_bytes() -> bytes:
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO()
    wb = Workbook()
    wb.save(plain)
    plain.seek(0)
    out = io.BytesIO()
    OOXMLFile(plain).encrypt("secret", out)
    assert msoffcrypto.OfficeFile(io.BytesIO(out.getvalue())).is_encrypted()
    return out.getvalue()


def test_unreadable_files_are_listed_and_skipped(tmp_path, sample_config) -> None:
    (tmp_path / "notes.txt").write_text("không phải bảng tính", encoding="utf-8")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "locked.xlsx").write_bytes(encrypted_bytes())
    save(tmp_path / "blank.xlsx", {"Sheet1": []})
    save(tmp_path / "other.xlsx", {"Lương": [["Họ tên", "Lương"], ["A", 1]]})
    save(tmp_path / "sub" / "ok.xlsx", clean_form())
    intake = read(tmp_path, sample_config)
    assert {p.file: p.code for p in intake.problems} == {
        "notes.txt": "file-unreadable",
        "empty.xlsx": "file-empty",
        "broken.xlsx": "file-unreadable",
        "locked.xlsx": "file-encrypted",
        "blank.xlsx": "file-empty",
        "other.xlsx": "sheet-missing",
    }
    messages = {p.file: p.message for p in intake.problems}
    assert "rỗng" in messages["empty.xlsx"]
    assert "không phải bảng tính Excel" in messages["notes.txt"]
    assert "bị hỏng" in messages["broken.xlsx"]
    assert "mật khẩu" in messages["locked.xlsx"]
    assert "trống" in messages["blank.xlsx"]
    assert (
        "không có sheet nào đúng mẫu" in messages["other.xlsx"]
        and '"Lương"' in messages["other.xlsx"]
    )
    assert all(p.severity == ERROR and p.sheet == p.cell == "" for p in intake.problems)
    assert all(m.endswith("tệp bị bỏ qua") for m in messages.values())
    status = {f.name: f.status for f in intake.files}
    assert status.pop("sub/ok.xlsx") == "used" and set(status.values()) == {"skipped"}


def test_missing_folder_gives_an_empty_intake(tmp_path, sample_config) -> None:
    assert read(tmp_path / "2031", sample_config) == Intake(YEAR, (), (), ())


def test_two_files_for_one_unit_use_the_later_made_on(tmp_path, sample_config) -> None:
    save(tmp_path / "a_new.xlsx", clean_form(made_on=date(2025, 11, 5)))
    save(tmp_path / "b_old.xlsx", clean_form(made_on=date(2025, 11, 1)))
    intake = read(tmp_path, sample_config)
    assert [r.file for r in intake.returns] == ["a_new.xlsx"]
    assert {f.name: f.status for f in intake.files} == {
        "a_new.xlsx": "used",
        "b_old.xlsx": "superseded",
    }
    (problem,) = intake.problems
    assert problem.file == "b_old.xlsx" and problem.severity == WARNING
    assert problem.code == "duplicate-return"
    assert 'dùng tệp "a_new.xlsx"' in problem.message and "05/11/2025" in problem.message


def test_two_files_with_the_same_made_on_use_the_newer_file(tmp_path, sample_config) -> None:
    old = save(tmp_path / "z.xlsx", clean_form())
    new = save(tmp_path / "y.xlsx", clean_form())
    now = time.time()
    os.utime(old, (now - 3600, now - 3600))
    os.utime(new, (now, now))
    intake = read(tmp_path, sample_config)
    assert {f.name: f.status for f in intake.files} == {"y.xlsx": "used", "z.xlsx": "superseded"}
    (problem,) = intake.problems
    assert (problem.file, problem.code) == ("z.xlsx", "duplicate-return")
    assert "lưu sau cùng" in problem.message


def test_units_named_instead_of_coded(tmp_path, sample_config) -> None:
    save(tmp_path / "1.xlsx", clean_form(code=None, name="Ủy ban nhân dân xã Đăk Psi"))
    save(tmp_path / "2.xlsx", clean_form(code="", name=nfd("dak ngoc")))
    save(tmp_path / "3.xlsx", clean_form(code=None, name="UBND xa Dak To"))
    intake = read(tmp_path, sample_config)
    assert [r.unit for r in intake.returns] == ["XA-DAKPXI", "XA-DAKNGOK"]
    (problem,) = intake.problems
    assert problem.file == "3.xlsx" and problem.severity == ERROR
    assert problem.code == "unknown-unit"
    assert (
        'không nhận ra đơn vị "UBND xa Dak To"' in problem.message and "gần nhất" in problem.message
    )


def test_unit_from_file_name_when_info_sheet_is_missing(tmp_path, sample_config) -> None:
    form = clean_form()
    del form[vocab.SHEET_INFO]
    save(tmp_path / "Bao cao xa Dak Mar.xlsx", form)
    intake = read(tmp_path, sample_config)
    assert [r.unit for r in intake.returns] == ["XA-DAKMAR"]
    (problem,) = intake.problems
    assert (problem.severity, problem.code) == (WARNING, "unit-from-file-name")
    assert "UBND xã Đắk Mar" in problem.message


def test_progress_is_reported_per_file(tmp_path, sample_config) -> None:
    save(tmp_path / "b.xlsx", clean_form())
    save(tmp_path / "a.xlsx", clean_form(code="XA-DAKMAR", name="UBND xã Đắk Mar"))
    calls = []
    read(tmp_path, sample_config, on_file=lambda i, n, name: calls.append((i, n, name)))
    assert calls == [(1, 2, "a.xlsx"), (2, 2, "b.xlsx")]


def test_a_whole_district_is_read(tmp_path, sample_config) -> None:
    rows = LIBRARIES * 20
    for unit in sample_config.units:
        save(
            tmp_path / f"{unit.code}.xlsx",
            clean_form(code=unit.code, name=unit.name, libraries=rows),
        )
    intake = read(tmp_path, sample_config)  # speed: scripts/benchmark.py, not a timed test
    assert len(intake.returns) == len(sample_config.units) and intake.problems == ()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_legacy_xls_is_read_with_formula_values(tmp_path, sample_config) -> None:
    form = clean_form()
    form[vocab.SHEET_LIBRARIES][1] = (
        1,
        "Thư viện xã Đắk La",
        vocab.LIB_COMMUNE,
        "Có",
        "Có",
        "=1000+234",
        500,
        "Mở cửa hằng ngày",
    )
    source = save(tmp_path / "src" / "dakla.xlsx", form)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "xls",
            "--outdir",
            str(tmp_path / "2025"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    save(tmp_path / "clean" / "dakla.xlsx", clean_form())
    xls = read(tmp_path / "2025", sample_config)
    assert xls.problems == ()
    assert [f.name for f in xls.files] == ["dakla.xls"]
    assert without_sources(xls) == without_sources(read(tmp_path / "clean", sample_config))


def test_missing_indicator_column_leaves_the_sheet_out(tmp_path, sample_config) -> None:
    form = clean_form()
    form[vocab.SHEET_FUNDING] = [["STT", "Nội dung", "Số tiền (đồng)"], [1, "Mua sách", 100]]
    save(tmp_path / "a.xlsx", form)
    intake = read(tmp_path, sample_config)
    (problem,) = intake.problems
    assert problem.sheet == vocab.SHEET_FUNDING and problem.severity == ERROR
    assert problem.code == "column-missing"
    assert 'không tìm thấy cột "Nguồn kinh phí"' in problem.message
    assert intake.returns[0].funding == ()


def test_unicode_text_stays_and_legacy_text_is_converted(tmp_path, sample_config) -> None:
    libraries = [("Sách & báo <mới>", vocab.LIB_READING_POINT, False, False, 3, None, "Ngọk Réo")]
    form = clean_form(code=None, name="UBND x· §¾k La", libraries=libraries)
    save(tmp_path / "a.xlsx", form)
    intake = read(tmp_path, sample_config)
    (library,) = intake.returns[0].libraries
    assert (library.name, library.note) == ("Sách & báo <mới>", "Ngọk Réo")
    assert intake.returns[0].unit == "XA-DAKLA"
    assert intake.returns[0].info.name == "UBND xã Đắk La"


def test_an_error_cell_is_named_not_read_as_empty(tmp_path, sample_config) -> None:
    form = clean_form()
    form[vocab.SHEET_LIBRARIES][1] = (1, "Thư viện xã", vocab.LIB_COMMUNE, "Có", "Có", "#DIV/0!")
    save(tmp_path / "a.xlsx", form)
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    book[vocab.SHEET_LIBRARIES]["F2"].data_type = "e"  # an error value, as Excel stores #DIV/0!
    book.save(tmp_path / "a.xlsx")
    intake = read(tmp_path, sample_config)
    (problem,) = [p for p in intake.problems if p.cell == "F2"]
    assert problem.code == "cell-not-number" and "#DIV/0!" in problem.message


def test_values_read_fast_are_the_values_openpyxl_reads(tmp_path, sample_config) -> None:
    from reportgen.intake.workbook import _calamine_grids, _openpyxl_grids

    def cells(grids):  # what Grid.value gives: a row's trailing empty cells are no cells
        return [(g.name, [_rstrip(r) for r in g.rows], g.uncached) for g in grids]

    data = save(tmp_path / "a.xlsx", messy_form()).read_bytes()
    assert cells(_calamine_grids(data)) == cells(_openpyxl_grids(data))
    for path in sorted((ROOT / "inputs").glob("*/*.xlsx")):
        data = path.read_bytes()
        assert cells(_calamine_grids(data)) == cells(_openpyxl_grids(data)), path.name


def _rstrip(row: tuple) -> list:
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return [(type(v).__name__, v) for v in values]  # 85 and 85.0 are not the same reading
