"""The report's sentences reworded in config/phrases.toml, and refused when written wrong."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx import Document

from reportgen.config import load_config
from reportgen.errors import ReportgenError
from reportgen.phrases import DEFAULTS, Phrases, placeholders
from reportgen.workspace import Workspace
from tests.conftest import ROOT, load_script
from tests.unit_workbook import library, write_unit_workbook

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PHRASES = Path("config") / "phrases.toml"


def _make_phrases():
    return load_script("make_phrases")


def test_the_shipped_file_holds_every_phrase_with_its_default():
    shipped = (ROOT / PHRASES).read_text(encoding="utf-8")
    assert tomllib.loads(shipped) == DEFAULTS
    assert shipped == _make_phrases().phrases_toml()  # regenerate with scripts/make_phrases.py


def test_every_default_phrase_has_well_formed_placeholders():
    for key, text in DEFAULTS.items():
        assert placeholders(text) >= set(), key


def test_a_phrase_fills_its_placeholders_and_a_rewording_wins():
    assert Phrases()("funding_none", year=2025) == (
        "Năm 2025, các đơn vị chưa báo cáo kinh phí thực hiện Chương trình."
    )
    reworded = Phrases({"funding_none": "Chưa có kinh phí năm {year}."})
    assert reworded("funding_none", year=2025) == "Chưa có kinh phí năm 2025."


def _write(workspace: Path, text: str) -> None:
    (workspace / PHRASES).write_text(text, encoding="utf-8")


def test_a_reworded_sentence_is_in_the_next_draft(workspace, run):
    _write(
        workspace,
        'reported_few = "Tính đến ngày lập báo cáo, {received}/{expected} đơn vị đã gửi báo cáo '
        '({units}); còn thiếu {missing_count} đơn vị."\n',
    )
    folder = workspace / "inputs" / "2025"
    write_unit_workbook(
        folder / "tt.xlsx",
        "TTVHTT",
        "Trung tâm",
        2025,
        libraries=[library("Thư viện huyện", "Thư viện huyện", True, True, 1200)],
    )
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    doc = Document(workspace / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx")
    texts = [p.text for p in doc.paragraphs]
    assert any(
        t == "Tính đến ngày lập báo cáo, 1/17 đơn vị đã gửi báo cáo (Trung tâm Văn hóa - Thể "
        "thao - Du lịch và Truyền thông); còn thiếu 16 đơn vị."
        for t in texts
    )
    assert not any(t.startswith("Năm 2025, có 1/17 đơn vị gửi báo cáo") for t in texts)


BAD = {
    "unknown-phrase": (
        'reported_butt = "x"\n',
        "config/phrases.toml: không có câu nào tên 'reported_butt' (có phải 'reported_but'?)",
    ),
    "unknown-placeholder": (
        'funding_none = "Năm {nam}, chưa có kinh phí."\n',
        "config/phrases.toml: câu 'funding_none' dùng chỗ điền {nam} không có; câu này chỉ "
        "dùng được: {year}.",
    ),
    "broken-brace": (
        'funding_none = "Năm {year, chưa có kinh phí."\n',
        "config/phrases.toml: khóa 'funding_none'",
    ),
    "not-text": ("funding_none = 5\n", "config/phrases.toml: khóa 'funding_none' đang ghi 5"),
}


@pytest.mark.parametrize(("text", "said"), BAD.values(), ids=list(BAD))
def test_a_phrase_written_wrong_names_the_file_and_phrase(workspace, text, said):
    _write(workspace, text)
    with pytest.raises(ReportgenError) as caught:
        load_config(Workspace.at(workspace))
    assert said in caught.value.message


def test_fewer_placeholders_are_allowed_and_the_file_is_optional(workspace):
    _write(workspace, 'funding_none = "Chưa có kinh phí."\n')
    config = load_config(Workspace.at(workspace))
    assert config.say("funding_none", year=2025) == "Chưa có kinh phí."
    (workspace / PHRASES).unlink()
    assert load_config(Workspace.at(workspace)).say("funding_none", year=2025).startswith("Năm")
