"""Two builds at once, and builds stopped midway: every draft on disk is whole and registered."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportgen import drafts
from tests.small_year import YEAR, write_dak_ui, write_small_year

ROOT = Path(__file__).resolve().parents[1]
Y = str(YEAR)
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
# `build` with its publish step slowed down, so two builds started together overlap there:
# without the lock both would read the same manifest and take the same number.
SLOW_BUILD = """
import sys, time
from reportgen import drafts
real = drafts.write_temp
def slow(*args, **kwargs):
    time.sleep(0.1)
    return real(*args, **kwargs)
drafts.write_temp = slow
from reportgen.cli import main
main()
"""
# `build`, stopped dead (as by a power cut or the task manager) at the n-th call of one step.
KILLED_BUILD = """
import os, sys
from reportgen import drafts
step, when = sys.argv.pop(1), int(sys.argv.pop(1))
real, calls = getattr(drafts, step), []
def dying(*args, **kwargs):
    calls.append(step)
    if len(calls) == when:
        os._exit(3)
    return real(*args, **kwargs)
setattr(drafts, step, dying)
from reportgen.cli import main
main()
"""
# Holds the lock of a folder a while, then says whether a draft appeared meanwhile.
HOLDER = """
import sys, time
from pathlib import Path
from reportgen.lock import acquire, release
folder = Path(sys.argv[1])
held = acquire(folder, "build", wait=10)
print("held", flush=True)
time.sleep(1.5)
print("draft while held" if any(folder.glob("BaoCao_*")) else "no draft while held")
release(held)
"""
WRITTEN = re.compile(r"Đã ghi dự thảo số (\d+)")


def start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=ENV,
    )


def build_args(workspace: Path, inputs: Path | None = None) -> list[str]:
    args = ["build", "--year", Y, "--workspace", str(workspace)]
    return args + (["--inputs", str(inputs)] if inputs else [])


def assert_every_draft_is_whole_and_registered(out: Path, left: int | None = None) -> list[int]:
    """Every draft-named file is registered, every registered file is there as written.

    `left`: the number of files a stopped build left, which the manifest must not know.
    """
    entries = json.loads((out / "manifest.json").read_text("utf-8"))["drafts"]
    numbers = [e["number"] for e in entries]
    assert len(numbers) == len(set(numbers))
    for entry in entries:
        for name in ("docx", "json", "problems"):
            data = (out / entry[name]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == entry[f"{name}_sha256"]
    on_disk = {int(m.group(1)) for p in out.iterdir() if (m := re.search(r"du-thao-(\d+)", p.name))}
    assert on_disk - {left} <= set(numbers) and left not in numbers
    hidden = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert hidden in ([], [".ban-goc"])  # no temp, no lock: only the drafts as generated
    return numbers


def test_two_builds_at_once_never_share_a_number_nor_lose_a_draft(workspace):
    # Two clerks on one shared outputs folder, each with their own copy of the workbooks, so
    # both builds of a round make a new draft; each round one cell changes in both copies.
    mine, theirs = workspace / "mine", workspace / "theirs"
    reported: list[int] = []
    rounds = 10
    for round_ in range(rounds):
        write_small_year(mine, uses=1_000 + round_)
        write_small_year(theirs, uses=2_000 + round_)
        builds = [start(SLOW_BUILD, *build_args(workspace, f)) for f in (mine, theirs)]
        for build in builds:
            output, _ = build.communicate(timeout=60)
            assert build.returncode == 0, output
            reported += [int(n) for n in WRITTEN.findall(output)]
    out = workspace / "outputs" / Y
    numbers = assert_every_draft_is_whole_and_registered(out)
    assert sorted(reported) == numbers == list(range(1, 2 * rounds + 1))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups: POSIX only")
def test_builds_killed_at_random_moments_leave_the_drafts_whole(workspace):
    # Each round Đắk Ui's figure changes, so each build would make a new draft; it is killed
    # dead (SIGKILL, as by a power cut) at a random moment within a typical build's time.
    inputs, out = workspace / "inputs", workspace / "outputs" / Y
    write_small_year(inputs)
    began = time.monotonic()
    first = start("from reportgen.cli import main; main()", *build_args(workspace))
    output, _ = first.communicate(timeout=60)
    typical = time.monotonic() - began
    assert first.returncode == 0, output
    assert "Đã ghi dự thảo số 01" in output

    rng = random.Random(20250401)
    seen: list[int] = [1]
    for round_ in range(10):
        write_dak_ui(inputs, uses=1_300 + round_)
        build = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from reportgen.cli import main; main()",
                *build_args(workspace),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ENV,
        )
        time.sleep(rng.uniform(0, typical))
        build.kill()
        build.wait(timeout=60)
        numbers = [
            e["number"] for e in json.loads((out / "manifest.json").read_text("utf-8"))["drafts"]
        ]
        assert numbers[: len(seen)] == seen  # a registered draft is never lost nor renumbered
        assert numbers == sorted(set(numbers))  # unique, never going backwards
        seen = numbers

    write_dak_ui(inputs, uses=1_400)  # a figure no killed round had: the clean build is new
    clean = start("from reportgen.cli import main; main()", *build_args(workspace))
    output, _ = clean.communicate(timeout=60)
    assert clean.returncode == 0, output
    written = WRITTEN.findall(output)
    assert written, output
    assert int(written[0]) > max(seen)  # numbers never go backwards

    entries = json.loads((out / "manifest.json").read_text("utf-8"))["drafts"]
    numbers = [e["number"] for e in entries]
    assert numbers[: len(seen)] == seen
    assert len(numbers) == len(set(numbers)) and numbers == sorted(numbers)
    assert numbers[-1] == int(written[0])
    history = subprocess.run(
        [sys.executable, "-c", "from reportgen.cli import main; main()", "history", "--year", Y]
        + ["--workspace", str(workspace)],
        **PIPE,
        env=ENV,
        encoding="utf-8",
    )
    rows = [line for line in history.stdout.splitlines() if line[:3].strip().isdigit()]
    assert [int(row.split()[0]) for row in rows] == numbers
    listed = [m.group(0) for row in rows if (m := re.search(r"BaoCao_\S+\.docx", row))]
    assert listed == [f"BaoCao_{Y}_du-thao-{n:02d}.docx" for n in numbers]
    assert [name for name in listed if not (out / name).is_file()] == []
    temps = [p for p in workspace.rglob(".*") if p.name.endswith(".tmp")]
    assert temps == []
    assert not (out / ".reportgen.lock").exists()
    for entry in entries:  # every registered draft is there as written
        for name in ("docx", "json", "problems"):
            data = (out / entry[name]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == entry[f"{name}_sha256"]


def test_a_build_waits_for_the_lock_and_publishes_after_it_is_released(workspace, run):
    write_small_year(workspace / "inputs")
    holder = start(HOLDER, str(workspace / "outputs" / Y))
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    result = run("build", "--year", Y)
    rest, _ = holder.communicate(timeout=30)
    assert rest == "no draft while held\n"
    assert result.exit_code == 0, result.output
    assert "Đã ghi dự thảo số 01" in result.output


@pytest.mark.parametrize(
    ("step", "when"),
    [
        ("write_temp", 2),  # one temporary file written, the second not
        ("move_into_place", 1),  # every file written, none renamed
        ("move_into_place", 3),  # .docx and .json in place, the problem list not
        ("write_manifest", 1),  # every file in place, the manifest not yet written
    ],
    ids=["writing", "before-renaming", "renaming", "before-the-manifest"],
)
def test_a_build_stopped_midway_leaves_no_draft_and_the_next_one_goes_on(
    workspace, run, step, when
):
    write_small_year(workspace / "inputs")
    assert run("build", "--year", Y).exit_code == 0
    write_dak_ui(workspace / "inputs", uses=1_300)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, step, str(when), *build_args(workspace)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=60,
    )
    assert killed.returncode == 3, killed.stdout + killed.stderr
    out = workspace / "outputs" / Y
    left = sorted(p.name for p in out.glob("BaoCao_2025_du-thao-02*"))

    history = run("history", "--year", Y)
    assert history.exit_code == 0, history.output
    rows = [line.split()[0] for line in history.output.splitlines() if line[:3].strip().isdigit()]
    assert rows == ["1"]  # what the stopped build left is no draft
    if left:
        assert f"Không tính là dự thảo ({len(left)} tệp" in history.output
        assert ", ".join(left) in history.output

    again = run("build", "--year", Y)
    assert again.exit_code == 0, again.output
    assert "Đã gỡ khóa cũ của một lần chạy bị dừng giữa chừng" in again.output
    number = 3 if left else 2  # a number a file carries is never given again
    assert f"Đã ghi dự thảo số {number:02d}" in again.output
    if left:
        assert "Đã có tệp mang số dự thảo 02 nhưng manifest.json không ghi dự thảo này" in (
            again.output
        )
    assert "UBND xã Đắk Ui: lượt sử dụng thư viện 1.290 → 1.300" in again.output
    assert assert_every_draft_is_whole_and_registered(out, 2 if left else None) == [1, number]


def test_ctrl_c_before_the_manifest_removes_the_draft_s_files(workspace, run, monkeypatch):
    write_small_year(workspace / "inputs")
    assert run("build", "--year", Y).exit_code == 0
    out = workspace / "outputs" / Y
    before = sorted(p.name for p in out.iterdir())

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(drafts, "write_manifest", interrupted)
    write_dak_ui(workspace / "inputs", uses=1_300)
    result = run("build", "--year", Y)
    assert result.exit_code == 1
    assert "Đã ghi dự thảo" not in result.output
    assert sorted(p.name for p in out.iterdir()) == before  # no draft 02, no temp, no lock


def write_lock(out: Path, **holder: object) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    lock = out / ".reportgen.lock"
    content = {"host": socket.gethostname(), "time": time.time(), "command": "build", **holder}
    lock.write_text(json.dumps({**content, "token": "someone-else"}), encoding="utf-8")
    return lock


def test_a_lock_left_by_a_process_that_is_gone_is_taken_over(workspace, run):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **PIPE)
    pid = int(gone.stdout)
    write_lock(workspace / "outputs" / Y, pid=pid)
    write_small_year(workspace / "inputs")
    result = run("build", "--year", Y)
    assert result.exit_code == 0, result.output
    assert "Đã gỡ khóa cũ của một lần chạy bị dừng giữa chừng (`reportgen build` trên máy" in (
        result.output
    )
    assert f"tiến trình {pid} không còn chạy)." in result.output
    assert "Đã ghi dự thảo số 01" in result.output
    assert not (workspace / "outputs" / Y / ".reportgen.lock").exists()


def test_a_build_running_elsewhere_is_waited_for_then_named(workspace, run, monkeypatch):
    monkeypatch.setattr("reportgen.lock.WAIT_SECONDS", 0.3)
    lock = write_lock(workspace / "outputs" / Y, pid=os.getpid())  # alive: this very process
    held = lock.read_bytes()
    write_small_year(workspace / "inputs")
    result = run("build", "--year", Y)
    assert result.exit_code == 1
    assert "Một lần chạy reportgen khác đang ghi vào thư mục" in result.output
    assert f"`reportgen build` trên máy {socket.gethostname()}, tiến trình {os.getpid()}" in (
        result.output
    )
    assert "đã chờ 1 giây mà chưa xong" in result.output
    assert f"hãy xóa tệp {lock.as_posix()} rồi chạy lại" in result.output
    assert lock.read_bytes() == held
    assert not list(lock.parent.glob("BaoCao_*"))


PIPE: dict = {"capture_output": True, "text": True, "check": True, "timeout": 30}
