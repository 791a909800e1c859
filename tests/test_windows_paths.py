"""Folders and files as a Windows office has them: long paths, Vietnamese names in either
normalisation, OneDrive folders, inputs copied read-only from a CD, a draft open in Word."""

from __future__ import annotations

import builtins
import errno
import io
import os
import shutil
import stat
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.errors import ReportgenError
from reportgen.files import atomic_write, write_error
from tests.conftest import ROOT
from tests.unit_workbook import write_unit_workbook

YEAR = "2025"


def make_workspace(root: Path) -> Path:
    """config/ and templates/ of the repository, and two units' workbooks for 2025."""
    for name in ("config", "templates"):
        shutil.copytree(ROOT / name, root / name)
    inputs = root / "inputs" / YEAR
    write_unit_workbook(inputs / "Đắk La.xlsx", "XA-DAKLA", "Đắk La", 2025)
    write_unit_workbook(inputs / "Ngọk Wang.xlsx", "XA-NGOKWANG", "Ngọk Wang", 2025)
    return root


def build(root: Path, *more: str):
    return CliRunner().invoke(cli, ["build", "--year", YEAR, "--workspace", str(root), *more])


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_workspace_deeper_than_windows_max_path_builds(tmp_path):
    deep = tmp_path
    while len(str(deep)) < 300:
        deep = deep / "Phòng Văn hóa - Thông tin huyện Đắk Hà"
    root = make_workspace(deep)
    result = build(root)
    assert result.exit_code == 0, result.output
    draft = root / "outputs" / YEAR / "BaoCao_2025_du-thao-01.docx"
    assert len(str(draft)) > 300 and draft.is_file()
    assert "Đã nhận 2/17 đơn vị." in result.output


def test_a_path_too_long_to_write_says_to_move_the_folder_up():
    deep = Path("D:/", *["Phòng Văn hóa - Thông tin"] * 12, "BaoCao_2025_du-thao-01.docx")
    message = write_error(deep, FileNotFoundError(errno.ENOENT, "No such file")).message
    assert f"đường dẫn dài {len(str(deep))} ký tự, quá dài với Windows" in message
    assert "chuyển thư mục làm việc lên gần gốc ổ đĩa" in message


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_vietnamese_folder_and_file_names_in_either_normalisation(tmp_path, form):
    folder = unicodedata.normalize(form, "OneDrive - Phòng VHTT/Báo cáo học tập suốt đời")
    root = make_workspace(tmp_path / folder)
    inputs = root / "inputs" / YEAR
    for path in sorted(inputs.iterdir()):  # names as a Mac's zip or a Windows copy leave them
        path.rename(path.with_name(unicodedata.normalize(form, path.name)))
    first = build(root)
    assert first.exit_code == 0, first.output
    assert "Đã nhận 2/17 đơn vị." in first.output
    assert (root / "outputs" / YEAR / "BaoCao_2025_du-thao-01.docx").is_file()
    again = build(root)
    assert "không tạo dự thảo mới" in again.output, again.output


def test_the_same_workbook_renamed_to_the_other_normalisation_changes_no_figure(tmp_path):
    root = make_workspace(tmp_path / "ws")
    assert build(root).exit_code == 0
    source = root / "inputs" / YEAR / "Đắk La.xlsx"
    source.rename(source.with_name(nfd(source.name)))
    result = build(root)
    assert result.exit_code == 0, result.output
    assert "Đã nhận 2/17 đơn vị." in result.output
    assert "Thay đổi so với dự thảo trước" not in result.output


def _state(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder below `folder`: bytes, mode and modification time."""
    return {
        p.relative_to(folder).as_posix(): (
            p.read_bytes() if p.is_file() else b"",
            p.stat().st_mode,
            p.stat().st_mtime_ns,
        )
        for p in sorted([folder, *folder.rglob("*")])
    }


@pytest.fixture
def read_only_inputs(tmp_path: Path, monkeypatch) -> Path:
    """A workspace whose inputs came from a CD: read-only, and any write under them refused.

    The modes alone do not stop root, who runs CI; so every way of writing is refused there
    too, as a read-only disc would.
    """
    root = make_workspace(tmp_path / "ws")
    inputs = root / "inputs"
    for path in sorted(inputs.rglob("*"), reverse=True):
        path.chmod(0o444 if path.is_file() else 0o555)
    inputs.chmod(0o555)
    guarded = str(inputs.resolve())

    def refuse_under_inputs(function, writes):
        def wrapper(*args, **kwargs):
            target = args[0]
            if isinstance(target, int):  # an open file descriptor: checked when it was opened
                return function(*args, **kwargs)
            target = os.fspath(target)
            if os.path.abspath(target).startswith(guarded) and writes(*args, **kwargs):
                raise OSError(errno.EROFS, "Read-only file system", target)
            return function(*args, **kwargs)

        return wrapper

    writes_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def always(*args, **kwargs):
        return True

    monkeypatch.setattr(
        os, "open", refuse_under_inputs(os.open, lambda p, flags, *a, **k: flags & writes_flags)
    )

    def opens_to_write(path, mode="r", *args, **kwargs):
        return any(c in mode for c in "wax+")

    for module in (builtins, io):
        monkeypatch.setattr(module, "open", refuse_under_inputs(io.open, opens_to_write))
    for name in ("chmod", "utime", "unlink", "rename", "replace", "mkdir", "rmdir"):
        monkeypatch.setattr(os, name, refuse_under_inputs(getattr(os, name), always))
    yield root
    monkeypatch.undo()
    for path in [inputs, *inputs.rglob("*")]:
        path.chmod(stat.S_IRWXU)


def test_read_only_inputs_are_checked_built_and_archived_untouched(read_only_inputs):
    root = read_only_inputs
    before = _state(root / "inputs")
    with pytest.raises(OSError, match="Read-only"):  # the disc refuses, even to root
        (root / "inputs" / YEAR / "Đắk La.xlsx").write_bytes(b"")
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", "--year", YEAR, "--workspace", str(root)])
    assert "đã nhận 2/17 đơn vị" in checked.output, checked.output
    built = build(root)
    assert built.exit_code == 0, built.output
    archived = runner.invoke(cli, ["archive", "--year", YEAR, "--workspace", str(root)])
    assert archived.exit_code == 0, archived.output
    assert (root / "outputs" / YEAR / "LuuTru_BaoCao_2025_du-thao-01.zip").is_file()
    assert _state(root / "inputs") == before


def test_a_draft_open_in_word_is_said_and_the_next_draft_is_still_made(tmp_path, monkeypatch):
    root = make_workspace(tmp_path / "ws")
    assert build(root).exit_code == 0
    out = root / "outputs" / YEAR
    first = out / "BaoCao_2025_du-thao-01.docx"
    write_unit_workbook(root / "inputs" / YEAR / "Hà Mòn.xlsx", "XA-HAMON", "Hà Mòn", 2025)
    real_read_bytes = Path.read_bytes

    def word_holds(path: Path) -> bytes:  # Word's lock on Windows: the file cannot be opened
        if path.name == first.name and path.parent == out:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", word_holds)
    result = build(root)
    assert result.exit_code == 0, result.output
    assert "Đã ghi dự thảo số 02" in result.output
    assert (
        "Lưu ý: không mở được dự thảo 01 (tệp đang mở trong Word hoặc bị khóa) nên các chỗ đã "
        "sửa trong đó KHÔNG được chuyển sang dự thảo 02. Dự thảo 01 vẫn giữ nguyên"
    ) in result.output
    assert (out / "BaoCao_2025_du-thao-02.docx").is_file() and first.is_file()


def test_a_file_held_a_moment_by_onedrive_is_written_on_a_later_try(tmp_path, monkeypatch):
    real_replace = os.replace
    refused: list[str] = []

    def syncing(src, dst):
        if len(refused) < 2:
            refused.append(os.fspath(dst))
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", syncing)
    target = tmp_path / "OneDrive - Phòng VHTT" / "manifest.json"
    atomic_write(target, b"{}")
    assert target.read_bytes() == b"{}" and len(refused) == 2
    assert [p.name for p in target.parent.iterdir()] == ["manifest.json"]


def test_a_file_held_for_good_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    def held(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(ReportgenError, match="đang được mở trong chương trình khác"):
        atomic_write(tmp_path / "a.docx", b"x")
    assert list(tmp_path.iterdir()) == []
