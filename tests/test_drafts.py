"""Numbered drafts, the manifest, no-change rebuilds and atomic writes."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from reportgen.drafts import PRISTINE_DIR, PublishResult, publish_draft
from reportgen.errors import ReportgenError
from reportgen.files import atomic_write
from reportgen.manifest import list_drafts
from reportgen.models import InputFile

YEAR = 2025
NOW = datetime(2025, 10, 20, 9, 30, 0)
SERVING = "Thư viện công cộng cấp xã cung cấp dịch vụ phục vụ học tập suốt đời"
COUNTS = {"33,3%": (1, 3), "44,4%": (4, 9)}
RAISED = f"{SERVING}: 1/3 (33,3%) → 4/9 (44,4%)"  # the change from the first figures to "44,4%"


def make_figures(value_text: str = "33,3%", met: bool = True, received=("XA-DAKLA",)) -> dict:
    """A small JSON of figures in the shape of data-contract §4."""
    numerator, denominator = COUNTS[value_text]
    return {
        "year": YEAR,
        "milestone": 2025,
        "indicators": [
            {
                "code": "TV_HTSD_XA",
                "name": SERVING,
                "numerator": numerator,
                "denominator": denominator,
                "value": round(numerator / denominator, 4),
                "target": 0.2,
                "met": met,
                "gap_units": 0,
                "value_text": value_text,
                "status": "ok",
            }
        ],
        "units": {"expected": ["XA-DAKLA", "XA-NGOKWANG"], "received": list(received)},
        "unit_names": {"XA-DAKLA": "UBND xã Đắk La", "XA-NGOKWANG": "UBND xã Ngọk Wang"},
        "problems": [],
    }


def write_inputs(inputs_dir: Path, contents: dict[str, bytes]) -> tuple[InputFile, ...]:
    """Put files in inputs/<Y>/ and describe them as intake would."""
    folder = inputs_dir / str(YEAR)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, data in contents.items():
        (folder / name).write_bytes(data)
        files.append(InputFile(name, hashlib.sha256(data).hexdigest(), "XA-DAKLA", "used"))
    return tuple(files)


def publish(tmp_path: Path, content: bytes = b"v1", figures: dict | None = None, **kw):
    """One build: inputs written, then a draft published from them."""
    inputs = write_inputs(tmp_path / "inputs", {"Đắk La.xlsx": content})
    figures = figures or make_figures()
    return publish_draft(
        tmp_path / "outputs" / str(YEAR),
        YEAR,
        docx=kw.get("docx", b"DOCX:" + content),
        figures=figures,
        problems_xlsx=b"XLSX",
        inputs=inputs,
        config_digest="c" * 64,
        template_digest="t" * 64,
        tool_version=kw.get("tool_version", "0.1.0"),
        now=kw.get("now", NOW),
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()  # .ban-goc/ holds each draft as generated: the tool's own
    }


def test_first_build_writes_draft_01_and_the_manifest(tmp_path):
    result = publish(tmp_path)
    out = tmp_path / "outputs" / str(YEAR)
    assert result.created and result.changes == ()
    assert result.draft.docx == out / "BaoCao_2025_du-thao-01.docx"
    assert result.draft.json.name == "BaoCao_2025_du-thao-01.json"
    assert result.draft.problems.name == "BaoCao_2025_du-thao-01_van-de.xlsx"
    assert (
        json.loads(result.draft.json.read_text("utf-8"))["indicators"][0]["value_text"] == "33,3%"
    )
    text = (out / "manifest.json").read_text("utf-8")
    assert "Đắk La.xlsx" in text  # readable Vietnamese, not \u escapes
    draft = json.loads(text)["drafts"][0]
    assert draft["number"] == 1 and draft["time"] == "2025-10-20T09:30:00"
    assert draft["inputs"] == [
        {
            "name": "Đắk La.xlsx",
            "sha256": hashlib.sha256(b"v1").hexdigest(),
            "unit": "XA-DAKLA",
            "status": "used",
        }
    ]
    assert draft["docx_sha256"] == hashlib.sha256(b"DOCX:v1").hexdigest()
    assert draft["config_sha256"] == "c" * 64 and draft["template_sha256"] == "t" * 64
    assert draft["final"] is False
    assert sorted(p.name for p in out.iterdir() if p.name != PRISTINE_DIR) == [
        "BaoCao_2025_du-thao-01.docx",
        "BaoCao_2025_du-thao-01.json",
        "BaoCao_2025_du-thao-01_van-de.xlsx",
        "manifest.json",
    ]


def test_rebuild_from_unchanged_inputs_writes_nothing(tmp_path):
    publish(tmp_path)
    out = tmp_path / "outputs" / str(YEAR)
    before = snapshot(out)
    later = datetime(2025, 10, 21, 8, 0, 0)
    result = publish(tmp_path, now=later, tool_version="0.2.0")
    assert result == PublishResult(result.draft, False, ())
    assert result.draft.number == 1
    assert snapshot(out) == before


def test_corrected_input_makes_a_new_draft_and_keeps_the_old(tmp_path):
    publish(tmp_path)
    out = tmp_path / "outputs" / str(YEAR)
    first = snapshot(out)
    corrected = make_figures("44,4%", received=("XA-DAKLA", "XA-NGOKWANG"))
    result = publish(tmp_path, b"v2", corrected)
    assert result.created and result.draft.number == 2
    assert result.changes == (RAISED, "Đơn vị mới gửi: UBND xã Ngọk Wang")
    for name, (data, mtime) in first.items():
        if name != "manifest.json":
            assert (out / name).read_bytes() == data
            assert (out / name).stat().st_mtime_ns == mtime
    entries = list_drafts(out, YEAR)
    assert [e.number for e in entries] == [1, 2]
    assert entries[1].inputs[0].sha256 == hashlib.sha256(b"v2").hexdigest()
    assert entries[1].changes == result.changes


@pytest.mark.parametrize(
    ("damage", "words"),
    [("delete", "Không tìm thấy tệp"), ("garble", "bị hỏng")],
    ids=["deleted", "damaged"],
)
def test_a_previous_json_gone_or_damaged_is_named_as_such(tmp_path, damage, words):
    first = publish(tmp_path)
    if damage == "delete":
        first.draft.json.unlink()
    else:
        first.draft.json.write_text("{ not json", encoding="utf-8")
    (line,) = publish(tmp_path, b"v2").changes
    assert line.startswith("Không so sánh được với dự thảo 01: ")
    assert words in line and "BaoCao_2025_du-thao-01.json" in line


def test_a_changed_renderer_alone_makes_a_new_draft(tmp_path):
    publish(tmp_path)
    result = publish(tmp_path, docx=b"DOCX rendered differently")
    assert result.created and result.draft.number == 2 and result.changes == ()


def test_numbers_are_never_reused_even_after_files_are_deleted(tmp_path):
    out = tmp_path / "outputs" / str(YEAR)
    publish(tmp_path, b"v1")
    publish(tmp_path, b"v2")
    for path in out.glob("BaoCao_2025_du-thao-02*"):
        path.unlink()
    (out / "BaoCao_2025_du-thao-07.docx").write_bytes(b"a copy the clerk made")
    result = publish(tmp_path, b"v3")
    assert result.draft.number == 8
    assert (out / "BaoCao_2025_du-thao-07.docx").read_bytes() == b"a copy the clerk made"


def test_unchanged_rebuild_after_the_latest_docx_was_deleted_makes_a_new_draft(tmp_path):
    first = publish(tmp_path)
    first.draft.docx.unlink()
    result = publish(tmp_path)
    assert result.created and result.draft.number == 2


def test_damaged_manifest_stops_with_a_message_and_is_left_alone(tmp_path):
    out = tmp_path / "outputs" / str(YEAR)
    out.mkdir(parents=True)
    (out / "manifest.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ReportgenError, match="manifest.json bị hỏng"):
        publish(tmp_path)
    assert (out / "manifest.json").read_text(encoding="utf-8") == "{ not json"
    assert [p.name for p in out.iterdir() if p.name != PRISTINE_DIR] == ["manifest.json"]


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "đang được mở"),
        (OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy"),
        (OSError(errno.EROFS, "Read-only file system"), "chỉ đọc"),
    ],
    ids=["open-in-word", "disk-full", "read-only"],
)
def test_failed_write_leaves_no_temp_file_and_says_why(tmp_path, monkeypatch, error, words):
    def refuse(src, dst):
        raise error

    monkeypatch.setattr(os, "replace", refuse)
    target = tmp_path / "BaoCao_2025_du-thao-01.docx"
    with pytest.raises(ReportgenError) as caught:
        atomic_write(target, b"data")
    assert str(target) in caught.value.message and words in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_never_overwrites_unless_told(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    with pytest.raises(ReportgenError, match="đã có"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    atomic_write(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_failed_build_leaves_earlier_drafts_and_manifest_as_they_were(tmp_path, monkeypatch):
    publish(tmp_path)
    out = tmp_path / "outputs" / str(YEAR)
    before = snapshot(out)
    real_replace = os.replace

    def word_holds_the_json(src, dst):
        if str(dst).endswith(".json"):
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", word_holds_the_json)
    with pytest.raises(ReportgenError, match="du-thao-02.json"):
        publish(tmp_path, b"v2")
    assert snapshot(out) == before


def test_history_lists_drafts_with_their_changes(workspace, run):
    publish(workspace)
    publish(workspace, b"v2", make_figures("44,4%"))
    result = run("history", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "BaoCao_2025_du-thao-01.docx" in result.output
    assert "BaoCao_2025_du-thao-02.docx" in result.output
    assert RAISED in result.output
    assert "2025-10-20 09:30:00" in result.output


def test_history_of_a_year_without_drafts_says_so(workspace, run):
    result = run("history", "--year", "2025")
    assert result.exit_code == 0
    assert "Chưa có dự thảo nào của năm 2025" in result.output


def test_history_and_diff_read_the_drafts_where_outputs_points(workspace, run, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    publish(elsewhere)
    publish(elsewhere, b"v2", make_figures("44,4%"))
    assert not (workspace / "outputs").exists()
    outputs = str(elsewhere / "outputs")
    listed = run("history", "--year", "2025", "--outputs", outputs)
    assert listed.exit_code == 0, listed.output
    assert f"({(elsewhere / 'outputs' / '2025').as_posix()})" in listed.output
    assert "BaoCao_2025_du-thao-02.docx" in listed.output
    compared = run("diff", "1", "2", "--year", "2025", "--outputs", outputs)
    assert RAISED in compared.output


def test_diff_compares_two_drafts_by_number_or_path(workspace, run):
    publish(workspace)
    second = publish(workspace, b"v2", make_figures("44,4%", met=False))
    by_number = run("diff", "1", "2", "--year", "2025")
    assert by_number.exit_code == 0, by_number.output
    assert f"{RAISED}; Đạt → Chưa đạt" in by_number.output
    by_path = run("diff", str(second.draft.docx), "1", "--year", "2025")
    assert f"{SERVING}: 4/9 (44,4%) → 1/3 (33,3%); Chưa đạt → Đạt" in by_path.output


def test_diff_of_an_unknown_draft_fails_with_the_known_numbers(workspace, run):
    publish(workspace)
    result = run("diff", "1", "5", "--year", "2025")
    assert result.exit_code == 1
    assert "Không có dự thảo số 5" in result.output and "các dự thảo có: 1" in result.output


# Run in a fresh interpreter: `reportgen <args>`, then which heavy libraries got imported.
FRESH_RUN = """
import json, sys
from reportgen.cli import main
sys.argv = ["reportgen", *sys.argv[1:]]
status = 0
try:
    main()
except SystemExit as exc:
    status = exc.code
heavy = [m for m in ("openpyxl", "docxtpl", "docx", "pandas") if m in sys.modules]
print(json.dumps({"status": status, "heavy": heavy}))
"""


@pytest.mark.parametrize(
    ("args", "printed"),
    [
        (["--help"], "history"),
        (["history", "--year", "2025"], "BaoCao_2025_du-thao-02.docx"),
        (["diff", "1", "2", "--year", "2025"], RAISED),
    ],
    ids=["help", "history", "diff"],
)
def test_quick_commands_start_without_the_office_libraries(workspace, args, printed):
    publish(workspace)
    publish(workspace, b"v2", make_figures("44,4%"))
    if args[0] != "--help":
        args = [*args, "--workspace", str(workspace)]
    done = subprocess.run(
        [sys.executable, "-c", FRESH_RUN, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    *output, last = done.stdout.splitlines()
    assert printed in "\n".join(output), done.stdout + done.stderr
    assert json.loads(last) == {"status": 0, "heavy": []}
