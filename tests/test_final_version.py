"""One final version: a build after it warns, a later archive replaces it, history has the chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.manifest import list_drafts
from tests.small_year import YEAR, write_dak_ui, write_small_year

Y = str(YEAR)


@pytest.fixture
def archived(workspace: Path, run) -> Path:
    """Draft 01 built from the small year, and draft 02 after a correction, archived as final."""
    write_small_year(workspace / "inputs")
    assert run("build", "--year", Y).exit_code == 0
    write_dak_ui(workspace / "inputs", uses=1_300)
    assert "Đã ghi dự thảo số 02" in run("build", "--year", Y).output
    result = run("archive", "--year", Y)
    assert result.exit_code == 0, result.output
    assert "Đã đánh dấu dự thảo 02 là bản chính thức." in result.output
    assert "thay thế" not in result.output  # the first final version replaces none
    return workspace


def manifest(workspace: Path) -> list[dict]:
    return json.loads((workspace / "outputs" / Y / "manifest.json").read_text("utf-8"))["drafts"]


def test_a_draft_built_after_the_final_version_warns_and_is_still_written(archived, run):
    write_dak_ui(archived / "inputs", uses=1_310)
    result = run("build", "--year", Y)
    assert result.exit_code == 0, result.output
    assert "Đã ghi dự thảo số 03" in result.output
    assert (
        "Lưu ý: dự thảo số 03 mới lập sau bản chính thức số 02; nếu gửi bản mới thì chạy lại "
        "`reportgen archive --year 2025`" in result.output
    )
    unchanged = run("build", "--year", Y)  # no new draft: nothing to warn about
    assert "không tạo dự thảo mới" in unchanged.output
    assert "bản chính thức" not in unchanged.output
    history = run("history", "--year", Y)
    assert "Bản chính thức hiện hành: dự thảo 02." in history.output
    assert "Dự thảo 03 lập sau bản chính thức" in history.output


def test_archiving_a_later_draft_replaces_the_final_version(archived, run):
    write_dak_ui(archived / "inputs", uses=1_310)
    assert run("build", "--year", Y).exit_code == 0
    result = run("archive", "--year", Y)
    assert result.exit_code == 0, result.output
    assert "Đã đánh dấu dự thảo 03 là bản chính thức." in result.output
    assert (
        "Dự thảo 03 thay thế bản chính thức trước đó (dự thảo 02); dự thảo 02 không còn là bản"
        " chính thức." in result.output
    )
    drafts = manifest(archived)
    assert [(d["number"], d["final"], d["replaces"], d["replaced_by"]) for d in drafts] == [
        (1, False, None, None),
        (2, False, None, 3),
        (3, True, 2, None),
    ]

    history = run("history", "--year", Y).output
    rows = {line.split()[0]: line for line in history.splitlines() if line[:3].strip().isdigit()}
    assert rows["2"].endswith("đã được thay thế bởi bản 03")
    assert rows["3"].endswith("chính thức (thay thế bản 02)")
    assert not rows["1"].rstrip().endswith("chính thức")
    assert history.count("chính thức (") == 1 and "  chính thức\n" not in history
    assert "Bản chính thức hiện hành: dự thảo 03 (các bản chính thức lần lượt: 02 → 03)." in (
        history
    )


def test_the_chain_goes_on_and_the_archive_records_it(archived, run):
    for uses, number in ((1_310, 3), (1_320, 4)):
        write_dak_ui(archived / "inputs", uses=uses)
        assert run("build", "--year", Y).exit_code == 0
        assert f"dự thảo {number:02d} là bản chính thức" in run("archive", "--year", Y).output
    entries = list_drafts(archived / "outputs" / Y, YEAR)
    assert [e.number for e in entries if e.final] == [4]
    assert [(e.replaces, e.replaced_by) for e in entries] == [
        (None, None),
        (None, 3),
        (2, 4),
        (3, None),
    ]
    assert "(các bản chính thức lần lượt: 02 → 03 → 04)" in run("history", "--year", Y).output


def test_archiving_the_final_version_again_changes_nothing(archived, run):
    before = manifest(archived)
    again = run("archive", "--year", Y)
    assert again.exit_code == 0 and "đã có" in again.output
    assert "Đã đánh dấu" not in again.output
    assert manifest(archived) == before


def test_archiving_an_earlier_draft_again_makes_it_final_again(archived, run):
    write_dak_ui(archived / "inputs", uses=1_310)
    assert run("build", "--year", Y).exit_code == 0
    assert run("archive", "--year", Y).exit_code == 0  # 03 replaces 02
    back = run("archive", "--year", Y, "--draft", "2")  # its archive is there: checked again
    assert back.exit_code == 0, back.output
    assert "Bản lưu trữ dự thảo 02 đã có" in back.output
    assert "Dự thảo 02 thay thế bản chính thức trước đó (dự thảo 03)" in back.output
    entries = list_drafts(archived / "outputs" / Y, YEAR)
    assert [e.number for e in entries if e.final] == [2]
    assert "Bản chính thức hiện hành: dự thảo 02" in run("history", "--year", Y).output


def test_a_manifest_with_two_finals_from_an_older_version_shows_one(archived, run):
    write_dak_ui(archived / "inputs", uses=1_310)
    assert run("build", "--year", Y).exit_code == 0
    path = archived / "outputs" / Y / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    for draft in data["drafts"]:  # as an older version wrote it: no chain, two marked final
        draft.pop("replaces")
        draft.pop("replaced_by")
        draft["final"] = draft["number"] in (2, 3)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    history = run("history", "--year", Y).output
    assert "đã được thay thế bởi bản 03" in history
    assert "chính thức (thay thế bản 02)" in history
    assert "Bản chính thức hiện hành: dự thảo 03" in history
