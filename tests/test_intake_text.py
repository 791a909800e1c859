"""Vietnamese text, cell values and unit names, as the intake reads them."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from reportgen import vocab
from reportgen.intake import cells
from reportgen.intake.legacy import read
from reportgen.intake.sheets import find_sheet, find_table
from reportgen.intake.units import by_name, from_file_name, identify, name_key
from reportgen.intake.vntext import clean, fold, from_legacy
from reportgen.intake.workbook import Grid


@pytest.mark.parametrize(
    "text",
    [
        "Đắk Hà",
        "Ngọk Réo",
        "Sách & báo <mới>",
        "Hà Mòn",
        "café",
        "Müller",
        "Giá: 5 × 3",
        "Lê Thị Hà",
        "xão",
        "Dịp",
        "vò",
        "Toàn",
        "Bé Ngà",
        "Món ăn",
        "Mão",
        "Piñata",
    ],
    ids=lambda s: s.encode("unicode_escape").decode(),
)
def test_unicode_text_is_never_changed(text: str) -> None:
    assert from_legacy(text) == text


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("§¾k Hµ", "Đắk Hà"),
        ("Ng\xe4k RÐo", "Ngọk Réo"),
        ("UBND x· §¾k La", "UBND xã Đắk La"),
        ("Th\xad viÖn c«ng céng cÊp x·", "Thư viện công cộng cấp xã"),
        ("Ng©n s¸ch nhµ n\xadíc", "Ngân sách nhà nước"),
        ("Kinh phÝ", "Kinh phí"),
        ("Kh«ng", "Không"),
        ("Tæng céng", "Tổng cộng"),  # "æ" is also VNI "ỉ", but VNI leaves "é" unread
    ],
    ids=lambda s: s.encode("unicode_escape").decode(),
)
def test_tcvn3_converts_exactly(legacy: str, unicode: str) -> None:
    assert from_legacy(legacy) == unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Ñaék Haø", "Đắk Hà"),
        ("Ngoïk Reùo", "Ngọk Réo"),
        ("UBND xaõ Ñaék La", "UBND xã Đắk La"),
        ("Ngaân saùch nhaø nöôùc", "Ngân sách nhà nước"),
        ("Khoâng", "Không"),
        ("Maõ ñôn vò", "Mã đơn vị"),  # "ñ": no Vietnamese consonant carries a mark
        ("Dòp", "Dịp"),  # a syllable ending in p takes only the acute or dot tone
        ("UBND xaõ Ngok Wang", "UBND xã Ngok Wang"),  # "ao" carries its tone on the "a"
    ],
    ids=lambda s: s.encode("unicode_escape").decode(),
)
def test_vni_converts_exactly(legacy: str, unicode: str) -> None:
    assert from_legacy(legacy) == unicode


def test_clean_and_fold_ignore_form_case_and_line_breaks() -> None:
    nfd = unicodedata.normalize("NFD", "Lượt người sử dụng")
    assert clean(nfd) == "Lượt người sử dụng"
    assert fold("LƯỢT NGƯỜI\nsử  dụng") == fold("Luot nguoi su dung") == "luot nguoi su dung"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1.234", 1234), ("12.500.000 đồng", 12_500_000), (1234.0, 1234), ("0", 0), ("12 500", 12500)],
    ids=["dot-thousands", "money", "float", "zero", "space-thousands"],
)
def test_vietnamese_numbers(raw: object, expected: int) -> None:
    assert cells.count(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("nhiều", "cell-not-number", '"nhiều" không phải là số'),
        (-3, "cell-negative", '"-3" là số âm — cần số không âm'),
        ("-3", "cell-negative", '"-3" là số âm — cần số không âm'),
        (2.5, "cell-not-integer", '"2,5" không phải là số nguyên'),
        (None, "cell-empty", "ô trống — cần ghi số lượt, ghi 0 nếu không có"),
    ],
    ids=["word", "negative", "negative-text", "fraction", "blank"],
)
def test_bad_numbers_say_what_was_found(raw: object, code: str, message: str) -> None:
    assert cells.count(raw, "số lượt") == cells.Bad(code, message)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("có", True),
        ("CÓ", True),
        ("x", True),
        ("1", True),
        (1, True),
        ("không", False),
        ("0", False),
        (None, False),
        ("Cã", True),
        ("Coù", True),
    ],
    ids=["co", "CO", "x", "1-text", "1", "khong", "0", "blank", "tcvn3-co", "vni-co"],
)
def test_yes_no(raw: object, expected: bool) -> None:
    assert cells.yes_no(raw) is expected


def test_yes_no_rejects_other_words() -> None:
    assert cells.yes_no("chưa rõ") == cells.Bad(
        "cell-not-yes-no", '"chưa rõ" — cần ghi Có hoặc Không'
    )


@pytest.mark.parametrize(
    "raw",
    ["05/11/2025", "5-11-2025", 45966, date(2025, 11, 5)],
    ids=["dd/mm/yyyy", "d-m-yyyy", "excel-serial", "excel-date"],
)
def test_dates(raw: object) -> None:
    assert cells.day(raw) == date(2025, 11, 5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", 1), ("1.0", 1), (2.0, 2), ("Nhiệm vụ 2", 2)],
    ids=["text", "text-decimal", "float", "words"],
)
def test_task_numbers(raw: object, expected: int) -> None:
    assert cells.task(raw) == expected


def test_task_outside_one_to_five() -> None:
    bad = cells.task(6)
    assert isinstance(bad, cells.Bad) and bad.code == "cell-not-task"


@pytest.mark.parametrize(
    ("read", "raw", "code"),
    [
        (
            lambda v: cells.choice(v, vocab.FUNDING_SOURCES, "nguồn kinh phí"),
            "Vay",
            "cell-not-in-list",
        ),
        (lambda v: cells.choice(v, vocab.FUNDING_SOURCES, "nguồn kinh phí"), " ", "cell-empty"),
        (cells.task, "Nhiệm vụ 7", "cell-not-task"),
        (cells.task, None, "cell-empty"),
        (cells.day, "hôm qua", "cell-not-date"),
        (cells.day, "31/02/2025", "cell-not-date"),
    ],
    ids=["not-in-list", "choice-blank", "task-7", "task-blank", "date-word", "date-impossible"],
)
def test_every_bad_cell_says_which_kind_of_problem(read, raw: object, code: str) -> None:
    bad = read(raw)
    assert isinstance(bad, cells.Bad) and bad.code == code
    assert bad.message


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("UBND xã Đắk La", "XA-DAKLA"),
        ("xa dak la", "XA-DAKLA"),
        ("Đăk La", "XA-DAKLA"),
        ("ĐAK LA", "XA-DAKLA"),
        (unicodedata.normalize("NFD", "Ủy ban nhân dân xã Đắk Ngọc"), "XA-DAKNGOK"),
        ("UBND xã Đắk Psi", "XA-DAKPXI"),
        ("Đắk Uy", "XA-DAKUI"),
        ("TT Đắk Hà", "TT-DAKHA"),
        ("thị trấn Dak Ha", "TT-DAKHA"),
        ("Ngok Reo", "XA-NGOKREO"),
        ("Phòng Giáo dục và Đào tạo huyện Đắk Hà", "PGDDT"),
        ("§¾k Pxi", "XA-DAKPXI"),
    ],
    ids=[
        "full-name",
        "no-diacritics",
        "dak-with-breve",
        "capitals",
        "nfd-and-ngoc-spelling",
        "psi-spelling",
        "uy-spelling",
        "tt-abbreviation",
        "thi-tran-no-diacritics",
        "without-xa",
        "office-with-district",
        "tcvn3",
    ],
)
def test_units_by_name(sample_config, written: str, code: str) -> None:
    found = by_name(sample_config, written)
    assert found.unit is not None and found.unit.code == code


def test_unknown_unit_names_the_closest(sample_config) -> None:
    found = by_name(sample_config, "Xã Đăk Tô")
    assert found.unit is None
    assert '"Xã Đăk Tô"' in found.message and "UBND xã Đắk" in found.message


def test_code_wins_over_name_and_ignores_case(sample_config) -> None:
    assert identify(sample_config, "xa-dakla", "whatever").unit.code == "XA-DAKLA"


def test_local_spellings_come_from_the_configuration(sample_config) -> None:
    assert name_key("UBND xã Đắk Psi") == "dak psi"
    assert name_key("UBND xã Đắk Psi", sample_config.spellings) == "dak pxi"
    assert name_key("Ủy ban nhân dân xã Đăk Uy", sample_config.spellings) == "dak ui"
    elsewhere = replace(sample_config, spellings=())
    assert by_name(elsewhere, "UBND xã Đắk Psi").unit is None
    assert by_name(sample_config, "UBND xã Đắk Psi").unit.code == "XA-DAKPXI"


def test_unit_from_file_name(sample_config) -> None:
    assert from_file_name(sample_config, "BC_Dak_La_2025.xlsx").code == "XA-DAKLA"
    assert from_file_name(sample_config, "bao cao.xlsx") is None


def test_headers_and_total_rows_typed_in_tcvn3_are_found_even_when_ambiguous() -> None:
    # "Sè CLB, nhãm" and "Céng" are also well-formed Unicode, so free text keeps them as typed;
    # matched against the contract's own words, their TCVN3 reading is tried too.
    grid = Grid(
        "Thiet che van hoa",
        (
            ("STT", "Tªn thiÕt chÕ", "Sè CLB, nhãm"),
            (1, "Nhµ v¨n hãa th«n 1", 3),
            ("Céng", None, 3),
        ),
    )
    table = find_table(grid, vocab.INSTITUTION_COLUMNS)
    assert table is not None
    assert table.columns == {"stt": 1, "name": 2, "clubs": 3}
    assert [number for number, _ in table.rows()] == [2]
    assert find_sheet([Grid("Ho¹t ®éng", ())], vocab.SHEET_ACTIVITIES) is not None


# Names across levels and places: matched right, or refused — never the wrong unit -----------

RIGHT = {
    "own-district-appended": ("UBND xã Đăk Hring, huyện Đắk Hà", "XA-DAKHRING"),
    "own-province-appended": ("Xã Đắk La - tỉnh Kon Tum", "XA-DAKLA"),
    "joined": ("DakHring", "XA-DAKHRING"),
    "joined-with-diacritics": ("ĐăkLa", "XA-DAKLA"),
    "town-by-its-level": ("Thị trấn Đắk Hà", "TT-DAKHA"),
}
WRONG = {
    "same-name-other-district": ("Xã Đắk Long, huyện Đắk Glei", "huyen dak glei"),
    "other-district-capitalised": ("Xã Ngọc Linh, Huyện Đắk Glei", "huyen dak glei"),
    "other-province": ("UBND xã Đắk La, tỉnh Gia Lai", "tinh gia lai"),
}


@pytest.mark.parametrize(("written", "code"), RIGHT.values(), ids=list(RIGHT))
def test_a_name_with_its_own_district_or_written_joined_is_matched(sample_config, written, code):
    found = by_name(sample_config, written)
    assert found.unit is not None and found.unit.code == code, found.message


@pytest.mark.parametrize(("written", "said"), WRONG.values(), ids=list(WRONG))
def test_a_name_of_another_place_is_never_our_unit(sample_config, written, said):
    found = by_name(sample_config, written)
    assert found.unit is None
    assert f'ghi "{said}", không phải địa bàn Đắk Hà' in found.message


def test_the_district_itself_is_not_its_town(sample_config):
    found = by_name(sample_config, "UBND huyện Đắk Hà")
    assert found.unit is None
    assert "là tên của chính Đắk Hà, không phải một đơn vị trong danh sách" in found.message


def test_a_commune_is_not_a_town_of_the_same_name(sample_config):
    found = by_name(sample_config, "UBND xã Đắk Hà")  # the registry has the town, no such commune
    assert found.unit is None


def test_a_joined_file_name_is_matched(sample_config):
    assert from_file_name(sample_config, "BC_DakHring_2025.xlsx").code == "XA-DAKHRING"


# Legacy text: issue 10's classes, as the text alone or its cell's font tells them ----------

BY_SHAPE = {
    "short-tcvn3-not-vni": ("cña", "của"),
    "no-y-before-final": ("hîp", "hợp"),
    "no-capital-after-small": ("NghÖ An", "Nghệ An"),
    "no-d-inside-a-word": ("ñy ban nh©n d©n", "Ủy ban nhân dân"),
    "highland-tcvn3": ("X· Ia §al", "Xã Ia Đal"),
    "highland-vni": ("Xaõ Ya Xieâr", "Xã Ya Xiêr"),
    "chu-pah": ("Ch\xad P¨h", "Chư Păh"),
    "dak-mol": ("§¾k M«l", "Đắk Môl"),
    "ia-tor": ("Ia T«r", "Ia Tôr"),
    "da-teh": ("§¹ TÎh", "Đạ Tẻh"),
    "po-ko-title-case": ("X· P« K«", "Xã Pô Kô"),
    "joined-syllables": ("§ak S¬mei", "Đak Sơmei"),
    "capitals-then-small": ("Ia HLèp", "Ia HLốp"),
    "abbreviation-hdnd": ("H§ND", "HĐND"),
    "abbreviation-dvt": ("§VT", "ĐVT"),
    "abbreviation-gddt": ("GD&§T", "GD&ĐT"),
    "abbreviation-ldtbxh": ("L§TB&XH", "LĐTB&XH"),
    "title-case-is-not-capitals": ("X· Hµ Kú", "Xã Hà Kỳ"),
    "capitals-when-the-text-shouts": ("UBND X· §¾K LA", "UBND XÃ ĐẮK LA"),
    "curly-quotes": ("“Kh«ng” – tèt", "“Không” – tốt"),
    "raw-c1-quotes": ("\x93Kh«ng\x94 \x96 tèt", "“Không” – tốt"),
}


@pytest.mark.parametrize(("legacy", "unicode"), BY_SHAPE.values(), ids=list(BY_SHAPE))
def test_legacy_text_reads_right_from_its_shape(legacy: str, unicode: str) -> None:
    assert from_legacy(legacy) == unicode


BY_FONT = {
    "so-in-vntime": ("Sè", "tcvn3", "Số"),
    "mot-in-vntime": ("mét", "tcvn3", "một"),
    "bi-in-vni": ("bò", "vni", "bị"),
    "son-la-in-vni": ("Sôn La", "vni", "Sơn La"),
    "to-in-vntime": ("Tæ", "tcvn3", "Tổ"),
    "ti-in-vni": ("Tæ", "vni", "Tỉ"),
    "capitals-font": ("X· Hµ Kú", "tcvn3-caps", "XÃ HÀ KỲ"),
    "unicode-in-a-legacy-font-stays": ("Hà Mòn", "tcvn3", "Hà Mòn"),
}


@pytest.mark.parametrize(("typed", "hint", "unicode"), BY_FONT.values(), ids=list(BY_FONT))
def test_the_cells_font_decides_what_text_alone_cannot(typed, hint, unicode) -> None:
    assert from_legacy(typed) == typed or hint == "tcvn3-caps" or typed == "Tæ"
    assert from_legacy(typed, hint) == unicode


def test_a_guess_between_the_two_tables_is_flagged_unsure() -> None:
    reading = read("Tæ")
    assert (reading.text, reading.sure) == ("Tổ", False)
    assert read("Kh«ng").sure and read("Tæ", "vni").sure
