"""The clerk's configuration files: defaults load, mistakes are named by file and key."""

import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest

from reportgen.config import load_config
from reportgen.errors import ReportgenError
from reportgen.models import Criterion, Measure
from reportgen.workspace import Workspace


def edit(path: Path, old: str, new: str) -> None:
    """Replace one line of a configuration file, failing if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_default_configuration_is_dak_ha(workspace):
    config = load_config(Workspace.at(workspace))
    assert config.profile.issuing_body == ("ỦY BAN NHÂN DÂN", "HUYỆN ĐẮK HÀ")
    assert config.profile.signer_name == "Phạm Thị Thương"
    assert len(config.units) == 17
    assert config.unit("XA-DAKLA").name == "UBND xã Đắk La"
    codes = [d.code for d in config.plan.indicators]
    assert codes == [
        "TV_HTSD_HUYEN",
        "TV_HTSD_XA",
        "TV_HTSD_GD",
        "TV_CDS_HUYEN",
        "TV_CDS_XA",
        "TV_CDS_GD",
        "TV_LUOT_TANG",
        "VH_CLB",
    ]
    xa = next(d for d in config.plan.indicators if d.code == "TV_HTSD_XA")
    assert xa.target_for(2025).low == Fraction(1, 5)
    growth = next(d for d in config.plan.indicators if d.code == "TV_LUOT_TANG")
    assert growth.target_for(2030).high == Fraction(1, 10)
    assert (growth.measure, growth.criterion) == (Measure.LIBRARY_USES_GROWTH, None)
    assert (xa.measure, xa.criterion) == (Measure.LIBRARY_SHARE, Criterion.SERVES_LIFELONG)
    assert config.profile.scope == "Toàn huyện"
    assert config.plan.deadline == "10/11"
    assert dict(config.spellings) == {"Ngọc": "Ngọk", "Psi": "Pxi", "Uy": "Ui"}


@pytest.mark.parametrize(
    ("year", "milestone"),
    [(2024, 2025), (2025, 2025), (2026, 2030), (2031, 2030)],
    ids=["before-first", "first", "between", "after-last"],
)
def test_milestone_in_force(workspace, year, milestone):
    assert load_config(Workspace.at(workspace)).plan.milestone_for(year) == milestone


def test_missing_key_names_file_and_key(workspace):
    path = workspace / "config" / "profile.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("signer_title", "# signer_title"), "utf-8"
    )
    with pytest.raises(ReportgenError, match=r"config/profile.toml: khóa 'signer_title' không có"):
        load_config(Workspace.at(workspace))


def test_bad_target_names_indicator(workspace):
    path = workspace / "config" / "plan.toml"
    text = path.read_text(encoding="utf-8").replace('2025 = "20%"', '2025 = "hai mươi"', 1)
    path.write_text(text, "utf-8")
    with pytest.raises(ReportgenError, match=r"indicator\[2\]\.targets\.2025"):
        load_config(Workspace.at(workspace))


def test_toml_syntax_error_is_explained(workspace):
    (workspace / "config" / "units.toml").write_text('[[unit]]\ncode = "X\n', "utf-8")
    with pytest.raises(ReportgenError, match="units.toml viết sai cú pháp"):
        load_config(Workspace.at(workspace))


def test_duplicate_unit_codes_are_refused(workspace):
    path = workspace / "config" / "units.toml"
    path.write_text(path.read_text("utf-8").replace('"XA-DAKLA"', '"TT-DAKHA"'), "utf-8")
    with pytest.raises(ReportgenError, match="trùng: TT-DAKHA"):
        load_config(Workspace.at(workspace))


def test_missing_config_folder(tmp_path):
    with pytest.raises(ReportgenError, match="Không tìm thấy tệp cấu hình"):
        load_config(Workspace.at(tmp_path))


def test_decomposed_unicode_in_configuration_is_normalised(workspace):
    path = workspace / "config" / "profile.toml"
    path.write_text(unicodedata.normalize("NFD", path.read_text("utf-8")), "utf-8")
    config = load_config(Workspace.at(workspace))
    assert config.profile.signer_name == "Phạm Thị Thương"
    assert config.profile.issuing_body == ("ỦY BAN NHÂN DÂN", "HUYỆN ĐẮK HÀ")


@pytest.mark.parametrize(
    ("body_name", "scope"),
    [
        ("Ủy ban nhân dân xã Đăk Ui", "Toàn xã"),
        ("Ủy ban nhân dân huyện Đắk Hà", "Toàn huyện"),
        ("Ủy ban nhân dân thị xã Kon Tum", "Toàn thị xã"),
    ],
    ids=["commune", "repository-district", "town"],
)
def test_scope_left_out_is_read_from_the_issuing_body_name(workspace, body_name, scope):
    profile = workspace / "config" / "profile.toml"
    edit(profile, 'scope = "Toàn huyện"', "")
    edit(
        profile,
        'issuing_body_name = "Ủy ban nhân dân huyện Đắk Hà"',
        f'issuing_body_name = "{body_name}"',
    )
    assert load_config(Workspace.at(workspace)).profile.scope == scope


def test_scope_left_out_and_no_level_in_the_name_names_the_key(workspace):
    profile = workspace / "config" / "profile.toml"
    edit(profile, 'scope = "Toàn huyện"', "")
    edit(profile, "Ủy ban nhân dân huyện Đắk Hà", "Hội Khuyến học")
    with pytest.raises(ReportgenError, match=r"config/profile.toml: khóa 'scope' không có"):
        load_config(Workspace.at(workspace))


def test_one_line_superior_body_written_in_nfd_is_read_as_nfc(workspace):
    name = "Ủy ban nhân dân huyện Đắk Hà"
    edit(
        workspace / "config" / "profile.toml",
        "superior_body = []",
        f'superior_body = "{unicodedata.normalize("NFD", name)}"',
    )
    (line,) = load_config(Workspace.at(workspace)).profile.superior_body
    assert line == name and unicodedata.is_normalized("NFC", line)


@pytest.mark.parametrize(
    ("written", "deadline"),
    [(None, "10/11"), ('"5/1"', "05/01"), ('"15/10"', "15/10")],
    ids=["absent", "padded", "as-written"],
)
def test_deadline(workspace, written, deadline):
    new = "" if written is None else f"deadline = {written}"
    edit(workspace / "config" / "plan.toml", 'deadline = "10/11"', new)
    assert load_config(Workspace.at(workspace)).plan.deadline == deadline


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"31/13"', 'một ngày dạng "ngày/tháng"'),
        ('"32/1"', 'một ngày dạng "ngày/tháng"'),
        ('"10-11"', 'một ngày dạng "ngày/tháng"'),
        ("1011", "một chuỗi chữ trong dấu ngoặc kép"),
    ],
    ids=["month-13", "day-32", "dash", "number"],
)
def test_bad_deadline_names_file_and_key(workspace, written, expected):
    edit(workspace / "config" / "plan.toml", 'deadline = "10/11"', f"deadline = {written}")
    with pytest.raises(ReportgenError) as caught:
        load_config(Workspace.at(workspace))
    message = caught.value.message
    assert "config/plan.toml: khóa 'plan.deadline' đang ghi" in message
    assert written.strip('"') in message and expected in message


@pytest.mark.parametrize(
    ("written", "share"),
    [(None, None), ('"80%"', Fraction(4, 5)), ('"0%"', Fraction(0))],
    ids=["absent", "eighty", "zero"],
)
def test_min_coverage(workspace, written, share):
    if written is not None:
        edit(
            workspace / "config" / "plan.toml",
            '# min_coverage = "80%"',
            f"min_coverage = {written}",
        )
    assert load_config(Workspace.at(workspace)).plan.min_coverage == share


@pytest.mark.parametrize(
    "written",
    ['"120%"', '"8-10%"', '"tám mươi"', "80"],
    ids=["over-100", "range", "words", "number"],
)
def test_bad_min_coverage_names_file_and_key(workspace, written):
    edit(workspace / "config" / "plan.toml", '# min_coverage = "80%"', f"min_coverage = {written}")
    with pytest.raises(ReportgenError) as caught:
        load_config(Workspace.at(workspace))
    message = caught.value.message
    assert "config/plan.toml: khóa 'plan.min_coverage' đang ghi" in message
    assert written.strip('"') in message
    assert 'một tỉ lệ từ 0% đến 100%, ví dụ "80%"' in message


# config/themes.toml (optional) and the charts switch --------------------------------------------

FIELDS = ("highlights", "shortcomings", "causes", "next_year", "proposals")
STAFF_WORDS = 'words = ["kiêm nhiệm", "bồi dưỡng", "tập huấn nghiệp vụ", "đội ngũ"]'
AWARDS_PROPOSAL = (
    'proposals = "Khen thưởng kịp thời các tập thể, cá nhân tiêu biểu trong phong trào học tập '
    'suốt đời"'
)


def test_themes_are_read_in_their_order_with_a_sentence_per_section(workspace):
    themes = load_config(Workspace.at(workspace)).themes
    assert len(themes) == 9
    staff, awards = themes[0], themes[-1]
    assert staff.name == "Cán bộ kiêm nhiệm, cần bồi dưỡng nghiệp vụ"
    assert staff.words == ("kiêm nhiệm", "bồi dưỡng", "tập huấn nghiệp vụ", "đội ngũ")
    assert [staff.has_text(f) for f in FIELDS] == [False, True, True, True, True]
    assert staff.text_for("causes") == (
        "Đội ngũ làm công tác thư viện, văn hóa cơ sở mỏng, phải kiêm nhiệm nhiều nhiệm vụ"
    )
    assert (awards.name, awards.words) == ("Khen thưởng", ("khen thưởng", "biểu dương", "tôn vinh"))
    assert [awards.has_text(f) for f in FIELDS] == [False, False, False, False, True]


def test_themes_toml_is_optional_and_part_of_the_digest(workspace):
    themes = workspace / "config" / "themes.toml"
    with_themes = load_config(Workspace.at(workspace)).digest
    edit(themes, "Cán bộ phụ trách thư viện, tủ sách cơ sở", "Cán bộ thư viện cơ sở")
    reworded = load_config(Workspace.at(workspace))
    assert reworded.digest != with_themes
    assert reworded.themes[0].text_for("shortcomings").startswith("Cán bộ thư viện cơ sở chủ yếu")
    themes.unlink()
    without = load_config(Workspace.at(workspace))
    assert without.themes == ()
    assert without.digest not in (with_themes, reworded.digest)


BAD_THEMES = {
    "no-words": (STAFF_WORDS, "", "khóa 'theme[1].words' không có, cần một danh sách chuỗi"),
    "empty-words": (STAFF_WORDS, "words = []", "khóa 'theme[1].words' đang ghi [], cần ít nhất"),
    "words-as-one-text": (
        STAFF_WORDS,
        'words = "kiêm nhiệm"',
        "khóa 'theme[1].words' đang ghi 'kiêm nhiệm', cần một danh sách chuỗi",
    ),
    "sentence-a-number": (
        AWARDS_PROPOSAL,
        "proposals = 5",
        "khóa 'theme[9].proposals' đang ghi 5, cần một chuỗi chữ",
    ),
    "sentence-a-list": (
        AWARDS_PROPOSAL,
        'proposals = ["Khen thưởng"]',
        "khóa 'theme[9].proposals' đang ghi ['Khen thưởng'], cần một chuỗi chữ",
    ),
    "sentence-blank": (AWARDS_PROPOSAL, 'proposals = ""', "khóa 'theme[9].proposals' đang ghi ''"),
    "no-name": ('name = "Khen thưởng"', "", "khóa 'theme[9].name' không có"),
    "misspelt-section": (
        'proposals = "Khen thưởng kịp thời',
        'proposal = "Khen thưởng kịp thời',
        "khóa 'theme[9].proposal' đang ghi",
    ),
}


@pytest.mark.parametrize(("old", "new", "said"), BAD_THEMES.values(), ids=list(BAD_THEMES))
def test_a_bad_theme_names_the_file_and_key(workspace, old, new, said):
    edit(workspace / "config" / "themes.toml", old, new)
    with pytest.raises(ReportgenError) as caught:
        load_config(Workspace.at(workspace))
    assert "config/themes.toml: " + said in caught.value.message


@pytest.mark.parametrize(
    ("written", "charts"),
    [("charts = true", True), ("charts = false", False), ("", True)],
    ids=["true", "false", "absent"],
)
def test_charts_switch(workspace, written, charts):
    edit(workspace / "config" / "profile.toml", "charts = true", written)
    assert load_config(Workspace.at(workspace)).profile.charts is charts


def test_a_charts_switch_in_words_names_the_file_and_key(workspace):
    edit(workspace / "config" / "profile.toml", "charts = true", 'charts = "không"')
    with pytest.raises(ReportgenError) as caught:
        load_config(Workspace.at(workspace))
    assert (
        "config/profile.toml: khóa 'charts' đang ghi 'không', cần true (có) hoặc false (không)"
        in caught.value.message
    )


def test_a_themes_file_without_themes_means_none(workspace):
    (workspace / "config" / "themes.toml").write_text("# chưa có chủ đề nào\n", encoding="utf-8")
    assert load_config(Workspace.at(workspace)).themes == ()


@pytest.mark.parametrize(
    ("written", "points"),
    [("points_per_section = 4", 4), ("points_per_section = 0", 0), ("", 4)],
    ids=["four", "all", "absent"],
)
def test_points_per_section(workspace, written, points):
    edit(workspace / "config" / "profile.toml", "points_per_section = 4", written)
    assert load_config(Workspace.at(workspace)).profile.points_per_section == points


def test_a_negative_points_per_section_names_the_file_and_key(workspace):
    edit(workspace / "config" / "profile.toml", "points_per_section = 4", "points_per_section = -1")
    with pytest.raises(ReportgenError) as caught:
        load_config(Workspace.at(workspace))
    assert "config/profile.toml: khóa 'points_per_section'" in caught.value.message


def test_limits_of_the_plan_are_checked_on_load(workspace):
    plan = workspace / "config" / "plan.toml"
    plan.write_text(plan.read_text("utf-8") + "\n[limits]\nvisitors = 5\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        load_config(Workspace.at(workspace))
    assert "config/plan.toml: khóa 'limits.visitors'" in caught.value.message
