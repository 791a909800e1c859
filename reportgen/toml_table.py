"""Reading a TOML configuration file into typed values whose errors name the file and key."""

from __future__ import annotations

import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ReportgenError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def nfc(text: str) -> str:
    """Text as the report prints it: NFC (a Mac or an old keyboard tool may save NFD), trimmed."""
    return unicodedata.normalize("NFC", text).strip()


class Table:
    """A TOML table with typed getters whose errors name the file and key."""

    def __init__(self, data: dict[str, Any], path: Path, prefix: str = "") -> None:
        self.data, self.path, self.prefix = data, path, prefix

    def fail(self, key: str, expected: str) -> ReportgenError:
        where = f"{self.prefix}{key}"
        found = self.data.get(key, None)
        got = "không có" if key not in self.data else f"đang ghi {found!r}"
        return ReportgenError(
            f"Tệp cấu hình {self.path.as_posix()}: khóa '{where}' {got}, cần {expected}."
        )

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key, None if required else default)
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(key, "một chuỗi chữ trong dấu ngoặc kép")
        return nfc(value)

    def integer(self, key: str, *, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, "một số nguyên")
        return value

    def texts(self, key: str, *, default: list[str] | None = None) -> tuple[str, ...]:
        value = self.data.get(key, default)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, 'một danh sách chuỗi, ví dụ ["...", "..."]')
        return tuple(nfc(v) for v in value)

    def table(self, key: str) -> Table:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, "một bảng [..]")
        return Table(value, self.path, f"{self.prefix}{key}.")

    def tables(self, key: str) -> list[Table]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, f"ít nhất một khối [[{key}]]")
        return [Table(v, self.path, f"{key}[{i + 1}].") for i, v in enumerate(value)]


def read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ReportgenError(
            f"Không tìm thấy tệp cấu hình {path.as_posix()}. "
            "Hãy chạy lệnh trong thư mục làm việc có thư mục config/, hoặc chỉ ra thư mục đó"
            " bằng --workspace."
        )
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ReportgenError(
            f"Tệp cấu hình {path.as_posix()} không phải văn bản UTF-8; hãy lưu lại với mã UTF-8."
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ReportgenError(f"Tệp cấu hình {path.as_posix()} viết sai cú pháp: {exc}.") from None


def parse_date(table: Table, key: str) -> date | None:
    raw = table.data.get(key, "")
    if isinstance(raw, date):
        return raw
    if raw == "":
        return None
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise table.fail(key, 'một ngày dạng "2025-11-05" hoặc để trống ""')


def lines(table: Table, key: str) -> tuple[str, ...]:
    """A value written as one line ("...") or as several (["...", "..."])."""
    raw = table.data.get(key, "")
    if isinstance(raw, str):
        return (nfc(raw),) if raw.strip() else ()
    return tuple(line for line in table.texts(key) if line)


def flag(table: Table, key: str, *, default: bool) -> bool:
    """A true/false key."""
    value = table.data.get(key, default)
    if not isinstance(value, bool):
        raise table.fail(key, "true (có) hoặc false (không)")
    return value
