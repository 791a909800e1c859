"""The lock of outputs/<Y>/: taken with O_EXCL, stale locks taken over, leftovers removed."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from reportgen.errors import ReportgenError
from reportgen.lock import LOCK_FILE, STALE_SECONDS, acquire, folder_lock, release


def write_lock(folder: Path, **holder: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lock = folder / LOCK_FILE
    data = {"pid": os.getpid(), "host": socket.gethostname(), "time": time.time()}
    lock.write_text(json.dumps({**data, "command": "build", **holder}), encoding="utf-8")
    return lock


def test_the_lock_holds_who_took_it_and_goes_when_released(tmp_path):
    held = acquire(tmp_path / "2025", "archive", wait=0)
    data = json.loads(held.path.read_text("utf-8"))
    assert held.path == tmp_path / "2025" / LOCK_FILE
    assert (data["pid"], data["host"], data["command"]) == (
        os.getpid(),
        socket.gethostname(),
        "archive",
    )
    with pytest.raises(ReportgenError, match="`reportgen archive` trên máy"):
        acquire(tmp_path / "2025", "build", wait=0)  # held: a second taker is refused
    release(held)
    assert not held.path.exists()
    release(acquire(tmp_path / "2025", "build", wait=0))


@pytest.mark.parametrize(
    ("holder", "reason"),
    [
        ({"host": "may-ke-toan", "time": time.time() - STALE_SECONDS - 60}, "quá 15 phút"),
        ({"host": "may-ke-toan", "time": 0}, "quá 15 phút"),
    ],
    ids=["old-from-another-computer", "from-1970"],
)
def test_a_lock_older_than_any_build_is_taken_over_with_a_note(tmp_path, holder, reason):
    write_lock(tmp_path, **holder)
    held = acquire(tmp_path, "build", wait=0)
    (note,) = held.notes
    assert note.startswith("Đã gỡ khóa cũ của một lần chạy bị dừng giữa chừng (`reportgen build`")
    assert "máy may-ke-toan" in note and reason in note
    assert json.loads(held.path.read_text("utf-8"))["token"] == held.token
    release(held)


def test_a_recent_lock_of_another_computer_is_respected(tmp_path):
    lock = write_lock(tmp_path, host="may-ke-toan", pid=4321)
    with pytest.raises(ReportgenError) as caught:
        acquire(tmp_path, "build", wait=0)
    assert "`reportgen build` trên máy may-ke-toan, tiến trình 4321" in caught.value.message
    assert lock.exists()


def test_an_empty_lock_is_waited_for_a_moment_then_taken_over(tmp_path):
    lock = tmp_path / LOCK_FILE
    lock.write_bytes(b"")  # its maker was stopped between making it and writing in it
    with pytest.raises(ReportgenError, match="không rõ lần chạy nào"):
        acquire(tmp_path, "build", wait=0)
    old = time.time() - 60
    os.utime(lock, (old, old))
    held = acquire(tmp_path, "build", wait=0)
    assert "tệp khóa trống hoặc hỏng" in held.notes[0]
    release(held)


def test_a_lock_taken_over_by_another_is_not_removed_on_release(tmp_path):
    held = acquire(tmp_path, "build", wait=0)
    lock = write_lock(tmp_path, token="another")
    release(held)
    assert lock.exists()


def test_temporary_files_older_than_the_lock_are_removed(tmp_path):
    old, new = time.time() - 3600, time.time() + 3600
    left = tmp_path / ".BaoCao_2025_du-thao-02.docx.0123456789abcdef.tmp"
    writing = tmp_path / ".BaoCao_2025_du-thao-03.docx.fedcba9876543210.tmp"
    theirs = tmp_path / ".ghi-chu.tmp"  # not a name of ours: left alone
    for path, when in ((left, old), (writing, new), (theirs, old)):
        path.write_bytes(b"x")
        os.utime(path, (when, when))
    with folder_lock(tmp_path, "build", wait=0):
        assert not left.exists()
        assert writing.exists() and theirs.exists()
    assert not (tmp_path / LOCK_FILE).exists()


def test_a_waiting_run_says_once_whom_it_waits_for(tmp_path):
    write_lock(tmp_path, host="may-ke-toan", pid=4321)
    heard: list[str] = []
    with pytest.raises(ReportgenError):
        acquire(tmp_path, "build", wait=0.3, on_wait=heard.append)
    (said,) = heard
    assert said.startswith("Đang có một lần chạy khác (`reportgen build` trên máy may-ke-toan")
    assert "chờ lần đó xong (tối đa 1 giây)" in said
