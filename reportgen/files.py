"""The clerk's files: which are inputs, and writing whole or not at all, never over another."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import secrets
import sys
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

from .errors import ReportgenError

# Files Excel, macOS and Windows leave in folders; they are no one's input.
CLUTTER_NAMES = frozenset({"thumbs.db", "desktop.ini"})


def is_clutter(name: str) -> bool:
    """Lock files (`~$x.xlsx`), hidden files and system clutter, at any depth of a path whose
    folders are separated by "/" (a "\\" inside a name made on Linux is part of the name)."""
    return any(
        part.startswith(("~$", ".")) or part.lower() in CLUTTER_NAMES for part in name.split("/")
    )


def _undecodable(name: str) -> bool:
    """Whether a file name held bytes that are not UTF-8 (Python keeps them as surrogates)."""
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def shown_name(name: str) -> str:
    """A file name fit to print and store: bytes that were not UTF-8 shown as �."""
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in name)


def _candidates(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    return sorted(name for name in names if not is_clutter(name))


def _refusal(folder: Path, name: str) -> str:
    """Why a file of a year folder is not read, or "" when it is."""
    if _undecodable(name):
        return (
            "tên tệp có ký tự không đọc được (thường do chép từ máy khác hoặc giải nén tệp .zip "
            "tạo trên Windows) nên tệp không được đọc — hãy đổi tên tệp (ví dụ theo tên đơn vị) "
            "rồi chạy lại"
        )
    parts = name.split("/")  # the file and each folder between it and the year folder
    if any(folder.joinpath(*parts[:depth]).is_symlink() for depth in range(1, len(parts) + 1)):
        return (
            "là liên kết (symlink) tới tệp khác nên không được đọc — công cụ chỉ đọc và lưu trữ "
            "tệp thật nằm trong thư mục; hãy chép chính tệp bảng tính vào đây"
        )
    return ""


def year_files(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files of a year folder in one scan, sorted by relative name, clutter left out: those
    read, and (printable name, why) of those refused — a name that is not UTF-8 (an old USB
    stick, a zip made on Windows) cannot be recorded, and a symbolic link may point anywhere,
    so neither is read, and each is said."""
    read: list[Path] = []
    refused: list[tuple[str, str]] = []
    for name in _candidates(folder):
        if why := _refusal(folder, name):
            refused.append((shown_name(name), why))
        else:
            read.append(folder / name)
    return read, refused


def input_files(folder: Path) -> list[Path]:
    """The files of a year folder that are read (see `year_files`)."""
    return year_files(folder)[0]


def sha256_bytes(data: bytes) -> str:
    """The SHA-256 of some bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return sha256_bytes(path.read_bytes())


def write_error(path: Path, exc: OSError) -> ReportgenError:
    """A Vietnamese message for a file that could not be written."""
    if exc.errno == errno.ENOSPC:
        why = "ổ đĩa đã đầy. Hãy giải phóng chỗ trống trên ổ đĩa rồi chạy lại"
    elif exc.errno == errno.EROFS:
        why = "thư mục nằm trên ổ đĩa chỉ đọc. Hãy chọn thư mục khác (--outputs) rồi chạy lại"
    elif exc.errno == errno.ENAMETOOLONG or len(str(path)) >= WINDOWS_MAX_PATH:
        why = (
            f"đường dẫn dài {len(str(path))} ký tự, quá dài với Windows. Hãy chuyển thư mục làm"
            " việc lên gần gốc ổ đĩa (ví dụ D:\\BaoCao) rồi chạy lại"
        )
    elif isinstance(exc, PermissionError):
        why = (
            "tệp đang được mở trong chương trình khác (Word, Excel...) hoặc thư mục không cho phép"
            " ghi. Hãy đóng tệp đó, hoặc chọn thư mục khác (--outputs), rồi chạy lại"
        )
    else:
        why = f"{exc.strerror or exc}. Hãy kiểm tra thư mục rồi chạy lại"
    return ReportgenError(f"Không ghi được tệp {path}: {why}. Không có tệp nào bị mất.")


WINDOWS_MAX_PATH = 260  # longer paths fail on Windows unless long paths were turned on
# A file OneDrive is syncing or an antivirus is scanning is held for a moment: wait, try again.
_RENAME_PAUSES = (0.1, 0.3, 0.6)

# The hidden temporary files `write_temp` makes: `.<name>.<16 hex>.tmp`.
_TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{16}\.tmp")
_HIDDEN = 0x2  # Windows file attributes
_NORMAL = 0x80


def _set_attributes(path: Path, attributes: int) -> None:
    """On Windows, set a file's attributes; elsewhere a leading dot already hides a file."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), attributes)


def hide(path: Path) -> None:
    """Hide a file of ours (temporary file, lock) in Windows Explorer too."""
    _set_attributes(path, _HIDDEN)


def write_temp(path: Path, data: bytes) -> Path:
    """`data` in a hidden temporary file beside `path`, on disk; the temporary file's path."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Not mkstemp: its 0600 would leave the report unreadable to colleagues on a shared
        # folder. Mode 0666 less the umask, as any program the clerk uses would create it.
        tmp = path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o666)
        hide(tmp)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        if tmp is not None:
            discard(tmp)
        raise write_error(path, exc) from exc
    return tmp


def move_into_place(tmp: Path, path: Path, *, overwrite: bool = False) -> None:
    """Rename a temporary file of `write_temp` to its real name, in one step."""
    if not overwrite and path.exists():
        raise ReportgenError(f"Tệp {path} đã có; không ghi đè lên tệp đã có.")
    try:
        _set_attributes(tmp, _NORMAL)  # the real file must not keep the hidden attribute
        _replace(tmp, path)
    except OSError as exc:
        raise write_error(path, exc) from exc


def _replace(tmp: Path, path: Path) -> None:
    """`os.replace`, tried again a few times while another program holds the file."""
    for pause in _RENAME_PAUSES:
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            time.sleep(pause)
    os.replace(tmp, path)


def discard(path: Path) -> None:
    """Remove a file of ours if it is there; a file that will not go is left for later."""
    try:
        os.unlink(path)
    except OSError:
        pass


def atomic_write(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write a file whole or not at all: temp file in the same folder, then rename."""
    if not overwrite and path.exists():
        raise ReportgenError(f"Tệp {path} đã có; không ghi đè lên tệp đã có.")
    tmp = write_temp(path, data)
    try:
        move_into_place(tmp, path, overwrite=overwrite)
    except BaseException:
        discard(tmp)
        raise


def remove_temp_files(folder: Path, older_than: float) -> int:
    """Remove the temporary files of runs that were stopped midway: those older than a time.

    Called with the folder's lock held, so every writer still alive made its files later.
    """
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.iterdir():
        try:
            if _TEMP_NAME.fullmatch(path.name) and path.stat().st_mtime < older_than:
                path.unlink()
                removed += 1
        except OSError:  # gone meanwhile, or held by another program: left for a later run
            continue
    return removed


def write_new(path: Path, data: bytes) -> bool:
    """Create a file only if none is there (False when one is); a failed write leaves nothing."""
    created = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as out:
            created = True
            out.write(data)
    except FileExistsError:
        return False
    except OSError as exc:
        if created:  # a half-written file would later be kept as if it were whole
            path.unlink(missing_ok=True)
        raise write_error(path, exc) from exc
    return True


def numbered(folder: Path, pattern: str) -> dict[int, Path]:
    """Files of a folder whose whole name matches `pattern`, by the number its group 1 holds."""
    regex = re.compile(pattern, re.IGNORECASE)
    if not folder.is_dir():
        return {}
    return {
        int(match.group(1)): path
        for path in sorted(folder.iterdir())
        if (match := regex.fullmatch(path.name))
    }


ZipTime = tuple[int, int, int, int, int, int]


def stable_zip(members: Iterable[tuple[str, bytes]], when: ZipTime) -> bytes:
    """A zip of the members in the order given, every entry alike but for its name and bytes.

    One stamp, DOS attributes and deflate for all, so equal content gives equal bytes on any
    system: the report .docx, the workbooks and the archive are all written through it.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
