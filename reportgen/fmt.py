"""Numbers, percentages, money and dates written the Vietnamese way."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from fractions import Fraction

from . import vocab
from .models import IndicatorResult, Status

# Vietnamese letter order for points a), b), ... (no f, j, w, z).
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def round_half_up(value: Fraction, decimals: int) -> Fraction:
    """Round an exact value half away from zero to a number of decimals."""
    scale = 10**decimals
    scaled = abs(value) * scale
    rounded = Fraction(math.floor(scaled + Fraction(1, 2)), scale)
    return rounded if value >= 0 else -rounded


def integer(value: int) -> str:
    """A whole number with `.` between thousands: 12500 -> `12.500`."""
    return f"{value:,}".replace(",", ".")


def money(value: int) -> str:
    """An amount in đồng: `12.500.000 đồng`."""
    return f"{integer(value)} đồng"


def decimal(value: Fraction, decimals: int = 1) -> str:
    """A number with a decimal comma, rounded half-up: 27.27 -> `27,3`."""
    rounded = round_half_up(value, decimals)
    sign = "-" if rounded < 0 else ""
    scaled = abs(rounded) * 10**decimals
    whole, frac = divmod(int(scaled), 10**decimals)
    text = integer(whole)
    if decimals:
        text += "," + str(frac).rjust(decimals, "0")
    return sign + text


def percent(value: Fraction | None, decimals: int = 1) -> str:
    """A share as a percentage: Fraction(3, 11) -> `27,3%`; None -> `không có số liệu`."""
    if value is None:
        return "không có số liệu"
    return decimal(value * 100, decimals) + "%"


def target(low: Fraction, high: Fraction | None = None) -> str:
    """A target share, without needless decimals: `20%`, `8 - 10%`, `12,5%`."""

    def short(v: Fraction) -> str:
        pct = v * 100
        return integer(int(pct)) if pct.denominator == 1 else decimal(pct, 1)

    return f"{short(low)} - {short(high)}%" if high is not None else f"{short(low)}%"


def day_month(day: date) -> tuple[str, str]:
    """Day and month as a dated document prints them: day < 10 and months 1-2 zero-padded."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}", month


def long_date(day: date) -> str:
    """`ngày 05 tháng 11 năm 2025`."""
    d, m = day_month(day)
    return f"ngày {d} tháng {m} năm {day.year}"


def short_date(day: date) -> str:
    """`05/11/2025`."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def document_number(number: str) -> str:
    """A document number below 10 takes a leading zero: `5` -> `05`."""
    number = number.strip()
    return number.zfill(2) if number.isdigit() else number


def yes_no(flag: bool) -> str:
    """`Có` or `Không`, as the workbooks and the appendix write a yes/no."""
    return vocab.YES if flag else vocab.NO


def point_letter(index: int) -> str:
    """The Vietnamese letter of the index-th point (0 -> a, 4 -> đ)."""
    return POINT_LETTERS[index]


def gap_word(result: IndicatorResult) -> str:
    """What an indicator's gap counts: `thư viện`, `thiết chế` or `lượt`."""
    return vocab.GAP_WORDS[result.measure.value]


def value_text(result: IndicatorResult) -> str:
    """An indicator's value as the report prints it."""
    if result.status == "insufficient":
        return "chưa đủ số liệu"
    if result.on_average and result.average_growth is not None:  # a review judges the period
        return f"bình quân {change(average_growth(result.average_growth))}/năm"
    return percent(result.value)


def average_growth(value: float) -> Fraction:
    """A computed average yearly growth as the exact share it is printed from."""
    return Fraction(value).limit_denominator(10**6)


def change(value: Fraction) -> str:
    """A growth the Vietnamese way: `tăng 11,1%` or `giảm 3,0%`."""
    word = "tăng" if value >= 0 else "giảm"
    return f"{word} {percent(abs(value))}"


def verdict(met: bool | None, status: Status | str) -> str:
    """`Đạt`, `Chưa đạt`, or why an indicator could not be judged."""
    if met is None:
        if status == "low_coverage":
            return vocab.LOW_COVERAGE
        return vocab.INSUFFICIENT if status == "insufficient" else vocab.NO_DATA
    return vocab.MET if met else vocab.NOT_MET


# Characters no document should carry: XML-illegal controls (a workbook's _x0001_), and the
# invisible format characters (right-to-left override, zero-width space, soft hyphen…) that
# would silently reorder or hide text in the official report.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What a spreadsheet would run as a formula at the start of a cell: a text the tool writes that
# starts so carries Excel's quote prefix (text, and still text once the cell is edited).
FORMULA_STARTS = ("=", "+", "-", "@")


def printable(text: str) -> str:
    """`text` without XML-illegal control characters and invisible format characters."""
    text = XML_ILLEGAL.sub("", text)
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
