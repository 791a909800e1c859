"""The clerk's configuration files: defaults load, mistakes are named by file and key."""

import shutil
import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest

from reportgen.config import load_config
from reportgen.errors import ReportgenError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def workspace(tmp_path):
    shutil.copytree(ROOT / "config", tmp_path / "config")
    return tmp_path


def test_default_configuration_is_dak_ha(workspace):
    config = load_config(workspace)
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


@pytest.mark.parametrize(
    ("year", "milestone"), [(2024, 2025), (2025, 2025), (2026, 2030), (2031, 2030)]
)
def test_milestone_in_force(workspace, year, milestone):
    assert load_config(workspace).plan.milestone_for(year) == milestone


def test_missing_key_names_file_and_key(workspace):
    path = workspace / "config" / "profile.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("signer_name", "# signer_name"), "utf-8"
    )
    with pytest.raises(ReportgenError, match=r"config/profile.toml: khóa 'signer_name' không có"):
        load_config(workspace)


def test_bad_target_names_indicator(workspace):
    path = workspace / "config" / "plan.toml"
    text = path.read_text(encoding="utf-8").replace('2025 = "20%"', '2025 = "hai mươi"', 1)
    path.write_text(text, "utf-8")
    with pytest.raises(ReportgenError, match=r"indicator\[2\]\.targets\.2025"):
        load_config(workspace)


def test_toml_syntax_error_is_explained(workspace):
    (workspace / "config" / "units.toml").write_text('[[unit]]\ncode = "X\n', "utf-8")
    with pytest.raises(ReportgenError, match="units.toml viết sai cú pháp"):
        load_config(workspace)


def test_duplicate_unit_codes_are_refused(workspace):
    path = workspace / "config" / "units.toml"
    path.write_text(path.read_text("utf-8").replace('"XA-DAKLA"', '"TT-DAKHA"'), "utf-8")
    with pytest.raises(ReportgenError, match="trùng: TT-DAKHA"):
        load_config(workspace)


def test_missing_config_folder(tmp_path):
    with pytest.raises(ReportgenError, match="Không tìm thấy tệp cấu hình"):
        load_config(tmp_path)


def test_decomposed_unicode_in_configuration_is_normalised(workspace):
    path = workspace / "config" / "profile.toml"
    path.write_text(unicodedata.normalize("NFD", path.read_text("utf-8")), "utf-8")
    config = load_config(workspace)
    assert config.profile.signer_name == "Phạm Thị Thương"
    assert config.profile.issuing_body == ("ỦY BAN NHÂN DÂN", "HUYỆN ĐẮK HÀ")
