"""The clerk's files: which are inputs, and writing whole or not at all, never over another."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import secrets
import zipfile
from collections.abc import Iterable
from pathlib import Path

from .errors import ReportgenError

# Files Excel, macOS and Windows leave in folders; they are no one's input.
CLUTTER_NAMES = frozenset({"thumbs.db", "desktop.ini"})


def is_clutter(name: str) -> bool:
    """Lock files (`~$x.xlsx`), hidden files and system clutter, at any depth of a path."""
    return any(
        part.startswith(("~$", ".")) or part.lower() in CLUTTER_NAMES
        for part in name.replace("\\", "/").split("/")
    )


def input_files(folder: Path) -> list[Path]:
    """The files of a year folder, sorted by relative name, clutter left out."""
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.rglob("*")
        if p.is_file() and not is_clutter(p.relative_to(folder).as_posix())
    ]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


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
    elif isinstance(exc, PermissionError):
        why = (
            "tệp đang được mở trong chương trình khác (Word, Excel...) hoặc thư mục không cho phép"
            " ghi. Hãy đóng tệp đó, hoặc chọn thư mục khác (--outputs), rồi chạy lại"
        )
    else:
        why = f"{exc.strerror or exc}. Hãy kiểm tra thư mục rồi chạy lại"
    return ReportgenError(f"Không ghi được tệp {path}: {why}. Không có tệp nào bị mất.")


def atomic_write(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write a file whole or not at all: temp file in the same folder, then rename."""
    if not overwrite and path.exists():
        raise ReportgenError(f"Tệp {path} đã có; không ghi đè lên tệp đã có.")
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Not mkstemp: its 0600 would leave the report unreadable to colleagues on a shared
        # folder. Mode 0666 less the umask, as any program the clerk uses would create it.
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise write_error(path, exc) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


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
