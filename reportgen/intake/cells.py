"""Reading one cell's value: Vietnamese numbers, yes/no, dates, fixed-list choices."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .. import fmt
from ..models import ProblemCode
from .vntext import clean, fold, legacy_readings


@dataclass(frozen=True)
class Bad:
    """Why a cell could not be read: its problem code and the Vietnamese message for the clerk."""

    code: ProblemCode
    message: str


def is_blank(value: object) -> bool:
    """True for an empty cell or one holding only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def quoted(value: object) -> str:
    """The value as the clerk typed it, in quotes, for messages."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'"{value:%d/%m/%Y}"'
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):  # as a Vietnamese reader writes it: 12,5
        return '"' + repr(value).replace(".", ",") + '"'
    shown = clean(str(value))
    if len(shown) > _QUOTED:  # a message quotes the start of a 32.000-character cell
        shown = f"{shown[:_QUOTED]}… ({fmt.integer(len(shown))} ký tự)"
    return f'"{shown}"'


_QUOTED = 80


def text(value: object) -> str:
    """A free-text cell as clean Unicode ("" when blank)."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return clean(str(value))


_UNIT_WORDS = re.compile(
    r"\s*(đồng|đ|vnđ|vnd|lượt|người|câu lạc bộ|clb|nhóm|cuốn|bản)\.?\s*$", re.I
)
_GROUPED = re.compile(r"^\d{1,3}([.,\s]\d{3})+$")
_MAX_DIGITS = 30  # Python will not even read a number of thousands of digits


def count(value: object, what: str = "số", limit: int | None = None) -> int | Bad:
    """A whole number ≥ 0 written as a number or the Vietnamese way ("1.234", "12.500.000 đồng")."""
    if is_blank(value):
        return Bad("cell-empty", f"ô trống — cần ghi {what}, ghi 0 nếu không có")
    if isinstance(value, bool):
        return Bad("cell-not-number", f"{quoted(value)} không phải là số")
    if isinstance(value, (int, float)):
        number: float = value
    else:
        raw = clean(str(value))
        digits = _UNIT_WORDS.sub("", raw).strip()
        if len(digits) > _MAX_DIGITS and re.fullmatch(r"[\d.,\s]+", digits):
            return Bad(
                "cell-too-large", f"{quoted(value)} có {len(digits)} chữ số — không phải {what}"
            )
        if _GROUPED.match(digits):
            number = int(re.sub(r"[.,\s]", "", digits))
        elif re.fullmatch(r"\d+", digits):
            number = int(digits)
        elif re.fullmatch(r"\d+[.,]0+", digits):
            number = int(re.split(r"[.,]", digits)[0])
        elif re.fullmatch(r"-\s*[\d.,]+", digits):
            return Bad("cell-negative", f"{quoted(value)} là số âm — cần số không âm")
        else:
            return Bad("cell-not-number", f"{quoted(value)} không phải là số")
    if number < 0:
        return Bad("cell-negative", f"{quoted(value)} là số âm — cần số không âm")
    if limit is not None and number > limit:
        return Bad(
            "cell-too-large",
            f"{quoted(value)} lớn bất thường — {what} của một dòng không quá "
            f"{fmt.integer(limit)}; hãy kiểm tra lại (giới hạn ghi ở config/plan.toml, mục "
            "[limits])",
        )
    if not float(number).is_integer():
        return Bad("cell-not-integer", f"{quoted(value)} không phải là số nguyên")
    return int(number)


def optional_count(value: object, limit: int | None = None) -> int | None | Bad:
    """A whole number ≥ 0, or None when the cell is blank."""
    return None if is_blank(value) else count(value, limit=limit)


_YES = {"co", "x", "1", "yes", "true", "dat", "co ap dung"}
_NO = {"khong", "0", "no", "false", "k", "ko", "chua"}


def yes_no(value: object) -> bool | Bad:
    """Có/Không written as có, CÓ, x, 1, không, 0, or blank (= Không)."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    raw = str(value).strip()
    for reading in (raw, *legacy_readings(raw)):
        key = fold(reading)
        if key in _YES:
            return True
        if key in _NO:
            return False
    return Bad("cell-not-yes-no", f"{quoted(value)} — cần ghi Có hoặc Không")


def choice(value: object, allowed: Iterable[str], what: str) -> str | Bad:
    """One value of a fixed list, matched without regard to case, spacing or diacritics."""
    options = tuple(allowed)
    if is_blank(value):
        return Bad("cell-empty", f"ô trống — cần ghi {what}: " + "; ".join(options))
    raw = str(value).strip()
    by_key = {fold(o): o for o in options}
    for reading in (raw, *legacy_readings(raw)):
        found = by_key.get(fold(reading))
        if found:
            return found
    return Bad(
        "cell-not-in-list",
        f"{quoted(value)} không phải {what} hợp lệ — cần một trong: " + "; ".join(options),
    )


_TASK = re.compile(r"^(?:nhiem vu|nv)?\s*([1-5])(?:\s*0)?$")


def task(value: object) -> int | Bad:
    """A task group number 1-5 ("2", 2.0, "Nhiệm vụ 2")."""
    expected = "cần ghi số nhiệm vụ từ 1 đến 5"
    if is_blank(value):
        return Bad("cell-empty", f"ô trống — {expected}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1 <= value <= 5:
            return int(value)
        return Bad("cell-not-task", f"{quoted(value)} — {expected}")
    match = _TASK.match(fold(str(value)))
    return int(match[1]) if match else Bad("cell-not-task", f"{quoted(value)} — {expected}")


_EXCEL_EPOCH = datetime(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def day(value: object) -> date | None | Bad:
    """A date as an Excel date, a serial number, "05/11/2025" or "5-11-2025"; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 < value < 2958466:
        return (_EXCEL_EPOCH + timedelta(days=float(value))).date()
    raw = clean(str(value))
    raw = re.sub(r"^ngày\s*", "", raw, flags=re.I)
    match = _DMY.match(raw)
    parts = (match[3], match[2], match[1]) if match else None
    if not parts and (match := _YMD.match(raw)):
        parts = (match[1], match[2], match[3])
    if parts:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            pass
    return Bad("cell-not-date", f"{quoted(value)} không phải là ngày — cần ghi dạng 05/11/2025")


def year(value: object) -> int | None:
    """A report year such as 2025 (number or text), or None."""
    if is_blank(value) or isinstance(value, bool):
        return None
    match = re.search(r"\b(\d{4})\b", text(value))
    return int(match[1]) if match else None
