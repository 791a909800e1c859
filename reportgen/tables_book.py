"""The tables workbook beside a report too large to list every row: each unit's line, every
school library, activity, payment and unit's opinion (a roll-up: each locality's line and the
whole ranking), as numbers a spreadsheet can sum."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import vocab
from .config import Config
from .models import UNIT_COUNTS, Figures
from .sheet_book import as_list, book_bytes, fit_row, text_formats, write_text

_UNIT_HEADS = (
    "Thư viện",
    "Phục vụ HTSĐ",
    "Ứng dụng CNTT",
    "Lượt sử dụng",
    "Thiết chế",
    "Thiết chế hoạt động TX",
    "Hoạt động",
    "Lượt tham gia",
    "NSNN (đồng)",
    "Xã hội hóa (đồng)",
)


@dataclass(frozen=True)
class _Sheet:
    """One sheet: its name, title, column heads and widths, and its rows of plain values."""

    name: str
    title: str
    heads: tuple[str, ...]
    widths: tuple[int, ...]
    rows: Sequence[Sequence[object]]
    total: Sequence[object] = ()  # a last bold row, or none


def tables_workbook(
    figures: Figures, config: Config, ranking: Sequence[Mapping[str, str]] = ()
) -> bytes:
    """The workbook's bytes: equal figures give equal bytes (dates fixed by the year)."""
    sheets = _rolled_up(figures, config, ranking) if figures.rolled_up else _sheets(figures, config)

    def fill(book: Any) -> None:
        styles = {
            "title": book.add_format({"bold": True, "font_size": 13}),
            "head": book.add_format(
                {"bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "vcenter"}
            ),
            "text": text_formats(book, {"text_wrap": True, "valign": "top"}),
            "number": book.add_format({"num_format": "#,##0", "valign": "top"}),
            "total": book.add_format({"bold": True, "num_format": "#,##0"}),
        }
        for sheet in sheets:
            _write(book, sheet, styles)

    return book_bytes(figures.year, fill, row_by_row=True)


def _units(figures: Figures, config: Config, word: str) -> _Sheet:
    """Biểu 2: each unit's (or locality's) line and their total."""
    lines = [
        (i, u.name or config.unit_name(u.unit), *(getattr(u, f) for f in UNIT_COUNTS))
        for i, u in enumerate(figures.per_unit, start=1)
    ]
    return _Sheet(
        word.capitalize(),
        f"Biểu 2. Số liệu của từng {word} năm {figures.year}",
        ("STT", word.capitalize(), *_UNIT_HEADS),
        (6, 40, *(14,) * len(_UNIT_HEADS)),
        lines,
        ("", "Tổng cộng", *(sum(getattr(u, f) for u in figures.per_unit) for f in UNIT_COUNTS)),
    )


def _rolled_up(
    figures: Figures, config: Config, ranking: Sequence[Mapping[str, str]]
) -> list[_Sheet]:
    """A roll-up's sheets: each locality's line, and every locality's rank on each indicator
    (the indicator named on every row, so the sheet can be filtered by it)."""
    rows = []
    indicator = ""
    for row in ranking:
        indicator = row["indicator"] or indicator
        rank = int(row["rank"]) if row["rank"].isdigit() else row["rank"]
        rows.append((indicator, rank, row["unit"], row["result"], row["assessment"]))
    heads = ("Chỉ tiêu", "Hạng", "Địa phương", "Kết quả", "Đánh giá")
    return [
        _units(figures, config, "địa phương"),
        _Sheet(
            "Xếp hạng",
            f"Xếp hạng các địa phương theo từng chỉ tiêu năm {figures.year}",
            heads,
            (48, 8, 36, 28, 16),
            rows,
        ),
    ]


def _sheets(figures: Figures, config: Config) -> list[_Sheet]:
    name: Callable[[str], str] = config.unit_name
    year = figures.year
    schools = [lib for lib in figures.libraries if lib.kind == vocab.LIB_SCHOOL]
    labels = {field: label for label, field in vocab.ASSESSMENT_LABELS.items()}
    return [
        _units(figures, config, "đơn vị"),
        _Sheet(
            "Thư viện trường học",
            f"Thư viện cơ sở giáo dục năm {year}",
            ("STT", "Đơn vị", "Tên thư viện", "Phục vụ HTSĐ", "Ứng dụng CNTT", "Lượt sử dụng")
            + ("Số bản sách", "Ghi chú"),
            (6, 32, 40, 12, 12, 14, 14, 30),
            [
                (i, name(lib.unit), lib.name, _yes_no(lib.serves_lifelong), _yes_no(lib.digital))
                + (lib.uses, lib.books, lib.note)
                for i, lib in enumerate(schools, start=1)
            ],
        ),
        _Sheet(
            "Hoạt động",
            f"Các hoạt động đã tổ chức năm {year}",
            ("STT", "Đơn vị", "Tên hoạt động", "Nhiệm vụ", "Dịp", "Thời gian", "Lượt tham gia"),
            (6, 32, 48, 10, 24, 12, 14),
            [
                (i, name(a.unit), a.name, str(a.task), a.occasion)
                + (a.held_on.strftime("%d/%m/%Y") if a.held_on else "", a.participants)
                for i, a in enumerate(figures.activities, start=1)
            ],
            ("", "Tổng cộng", "", "", "", "", sum(a.participants for a in figures.activities)),
        ),
        _Sheet(
            "Kinh phí",
            f"Kinh phí thực hiện năm {year}",
            ("STT", "Đơn vị", "Nội dung", "Nguồn kinh phí", "Số tiền (đồng)"),
            (6, 32, 48, 24, 18),
            [
                (i, name(f.unit), f.content, f.source_of_funds, f.amount)
                for i, f in enumerate(figures.funding, start=1)
            ],
            ("", "Tổng cộng", "", "", figures.state_funding + figures.social_funding),
        ),
        _Sheet(
            "Ý kiến đơn vị",
            f"Ý kiến, kiến nghị của các đơn vị năm {year} (nguyên văn)",
            ("STT", "Đơn vị", "Nội dung", "Ý kiến của đơn vị"),
            (6, 32, 22, 90),
            [
                (i, name(unit), labels.get(field, field), text)
                for i, (unit, field, text) in enumerate(figures.assessments, start=1)
            ],
        ),
    ]


def _yes_no(value: bool) -> str:
    return "Có" if value else "Không"


def _write(book: Any, sheet: _Sheet, styles: dict[str, Any]) -> None:
    """One sheet, rows in order (xlsxwriter's constant memory writes a row at a time)."""
    ws = book.add_worksheet(sheet.name)
    ws.write_string(0, 0, sheet.title, styles["title"])
    for col, (head, width) in enumerate(zip(sheet.heads, sheet.widths, strict=True)):
        ws.write_string(2, col, head, styles["head"])
        ws.set_column(col, col, width)
    fit_row(ws, 2, sheet.heads, sheet.widths)
    for row, values in enumerate(sheet.rows, start=3):
        fit_row(ws, row, values, sheet.widths)
        _row(ws, row, values, styles["text"], styles["number"])
    last = 2 + len(sheet.rows)
    if sheet.total:
        total = styles["total"]
        _row(ws, last + 1, sheet.total, (total, total), total)
    as_list(ws, 2, last, len(sheet.heads))  # filtered over the rows, not their total


def _row(ws: Any, row: int, values: Sequence[object], text: tuple[Any, Any], number: Any) -> None:
    """One row: numbers as numbers, texts as texts."""
    for col, value in enumerate(values):
        if value is None or value == "":
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            ws.write_number(row, col, value, number)
        else:
            write_text(ws, row, col, str(value), text)
