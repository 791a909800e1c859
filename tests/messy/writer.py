"""Writes one unit's workbook, clean as data-contract §2 has it or as messily as a Style says."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from tests.messy.data import YEAR, Style, UnitData

INFO = ("Mã đơn vị", "Tên đơn vị", "Năm báo cáo", "Người lập", "Số điện thoại", "Ngày lập")
LIB_HEAD = (
    "STT",
    "Tên thư viện",
    "Loại thư viện",
    "Phục vụ học tập suốt đời",
    "Ứng dụng CNTT, chuyển đổi số",
    "Lượt người sử dụng",
    "Số bản sách",
    "Ghi chú",
)
INST_HEAD = (
    "STT",
    "Tên thiết chế",
    "Loại thiết chế",
    "Có lớp năng khiếu, CLB, nhóm sở thích",
    "Thường xuyên tổ chức hoạt động VHVN, TDTT",
    "Số CLB, nhóm",
    "Ghi chú",
)
ACT_HEAD = (
    "STT",
    "Tên hoạt động",
    "Nhiệm vụ",
    "Dịp",
    "Thời gian",
    "Số lượt người tham gia",
    "Ghi chú",
)
FUND_HEAD = ("STT", "Nội dung", "Nguồn kinh phí", "Số tiền (đồng)")
SHEETS = ("Thông tin", "Thư viện", "Thiết chế văn hóa", "Hoạt động", "Kinh phí", "Đánh giá")


def _yes(flag: bool) -> str:
    return "Có" if flag else "Không"


def table_rows(unit: UnitData) -> dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]]:
    """The four table sheets of a unit in the contract's form: headers and typed rows."""
    return {
        "Thư viện": (
            LIB_HEAD,
            [
                (i, x.name, x.kind, _yes(x.serves), _yes(x.digital), x.uses, x.books, "")
                for i, x in enumerate(unit.libs, 1)
            ],
        ),
        "Thiết chế văn hóa": (
            INST_HEAD,
            [
                (i, x.name, x.kind, _yes(x.clubs_yes), _yes(x.regular), x.clubs, "")
                for i, x in enumerate(unit.insts, 1)
            ],
        ),
        "Hoạt động": (
            ACT_HEAD,
            [
                (i, x.name, x.task, x.occasion, x.on, x.people, "")
                for i, x in enumerate(unit.acts, 1)
            ],
        ),
        "Kinh phí": (
            FUND_HEAD,
            [(i, x.content, x.source, x.amount) for i, x in enumerate(unit.funds, 1)],
        ),
    }


COUNT_COLUMNS = {"Lượt người sử dụng", "Số CLB, nhóm", "Số lượt người tham gia", "Số tiền (đồng)"}


def _fold_marks(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def _header_variant(text: str, i: int, legacy: bool) -> str:
    """Header text as units retype it: case, spaces, line breaks, NFD, no diacritics."""
    variants: list[Callable[[str], str]] = [
        lambda s: "  " + s.replace(" ", "   ", 1) + " ",
        lambda s: s.replace(" ", "\n", 2) if s.count(" ") > 2 else s,
        lambda s: s,
    ]
    if not legacy:
        variants += [
            str.upper,
            lambda s: unicodedata.normalize("NFD", s),
            _fold_marks,
            str.lower,
        ]
    return variants[i % len(variants)](text)


def _sheet_variant(title: str, i: int, legacy: bool) -> str:
    if legacy:
        return _fold_marks(title)
    options = (
        unicodedata.normalize("NFC", title.upper()),
        _fold_marks(title),
        f" {title}  ",
        unicodedata.normalize("NFD", title),
        title.lower(),
    )
    return options[i % len(options)]


def vn_number(n: int) -> str:
    """12500000 -> "12.500.000"."""
    return f"{n:,}".replace(",", ".")


@dataclass
class Writer:
    """Writes one workbook and records where each typed value went."""

    style: Style | None
    cells: dict[tuple[str, int, str], tuple[str, str]] = field(default_factory=dict)
    cached: dict[tuple[int, str], object] = field(default_factory=dict)  # (sheet no, ref) -> v
    turn: int = 0

    def _next(self) -> int:
        self.turn += 1
        return self.turn

    def text(self, value: str) -> str:
        return self.style.encode(value) if self.style else value

    def yes_no(self, value: str) -> object:
        if not self.style:
            return value
        i = self._next()
        if self.style.legacy:
            options = ("có", "x", "1", 1) if value == "Có" else ("không", "0", None, 0)
        else:
            options = ("có", "CÓ", "x", "1", 1) if value == "Có" else ("không", "0", None, 0)
        chosen = options[i % len(options)]
        return self.text(chosen) if isinstance(chosen, str) else chosen

    def day(self, value: date) -> object:
        if not self.style:
            return value
        how = self.style.dates[self._next() % len(self.style.dates)]
        if how == "excel":
            return datetime(value.year, value.month, value.day)
        if how == "dmy":
            return f"{value:%d/%m/%Y}"
        return f"{value.day}-{value.month}-{value.year}"

    def number(self, value: int, header: str) -> object:
        if not self.style or not self.style.numbers_as_text or value < 1000:
            return value
        written = vn_number(value)
        return written + " đồng" if header == "Số tiền (đồng)" and self._next() % 2 else written

    def kind(self, value: str) -> str:
        if not self.style:
            return value
        if self.style.legacy:
            return self.text(value.lower() if self._next() % 2 else value)
        options = (value.lower(), value.upper(), _fold_marks(value), f"  {value} ")
        return options[self._next() % len(options)]


def _fill_info(ws, unit: UnitData, w: Writer, top: int) -> None:  # noqa: ANN001
    values = {
        "Mã đơn vị": unit.code,
        "Tên đơn vị": unit.name,
        "Năm báo cáo": YEAR,
        "Người lập": "Nguyễn Thị Lan",
        "Số điện thoại": "0260 3821 234",
        "Ngày lập": unit.made_on,
    }
    row = top
    for i, label in enumerate(INFO):
        value: object = values[label]
        if w.style:
            if label == "Mã đơn vị":
                if w.style.code is None:
                    continue
                value = w.style.code
            elif label == "Ngày lập":
                value = w.day(unit.made_on)
            elif isinstance(value, str):
                value = w.text(value)
            label = _header_variant(label, i, w.style.legacy)
        ws.cell(row, 1, w.text(label))
        ws.cell(row, 2, value)
        row += 1


def _messy_order(header: tuple[str, ...]) -> list[str | None]:
    """STT and the name first (a total row's label goes there), the rest rotated, extras added."""
    rest = list(header[2:])
    rest = rest[2:] + rest[:2]
    extras: list[str | None] = [None, None]  # placeholders for extra columns
    return [header[0], header[1], extras[0], *rest[:2], extras[1], *rest[2:]]


EXTRA_HEADERS = ("Địa chỉ", "Người phụ trách")


def _write_table(
    ws,  # noqa: ANN001
    sheet_no: int,
    title: str,
    header: tuple[str, ...],
    rows: list[tuple[object, ...]],
    w: Writer,
    overrides: dict[tuple[str, int, str], object],
) -> None:
    """One table sheet, clean (header on row 1) or messy (titles, order, blanks, totals)."""
    style = w.style
    order: list[str | None] = list(header) if not style else _messy_order(header)
    top = 1
    if style:
        width = get_column_letter(len(order))
        ws.cell(
            1,
            1,
            w.text(
                f"BIỂU TỔNG HỢP {title.upper()} NĂM {YEAR}"
                if not style.legacy
                else f"Biểu tổng hợp {title.lower()} năm {YEAR}"
            ),
        )
        ws.merge_cells(f"A1:{width}1")
        ws.cell(2, 1, w.text("(Kèm theo báo cáo của đơn vị)"))
        ws.merge_cells(f"A2:{width}2")
        top = 4
    extra = iter(EXTRA_HEADERS)
    for c, name in enumerate(order, 1):
        shown = next(extra) if name is None else name
        if style:
            shown = _header_variant(shown, c, style.legacy)
        ws.cell(top, c, w.text(shown))
    r = top + 1
    first_data = r
    for index, row in enumerate(rows):
        by_header = dict(zip(header, row, strict=True))
        for c, name in enumerate(order, 1):
            if name is None:
                ws.cell(r, c, w.text("thôn 1") if index % 2 else None)
                continue
            value = by_header[name]
            ref = f"{get_column_letter(c)}{r}"
            w.cells[(title, index, name)] = (ws.title, ref)
            key = (title, index, name)
            if key in overrides:
                value = overrides[key]
            elif value is None or value == "":
                value = None
            elif name in COUNT_COLUMNS and isinstance(value, int):
                if style and style.formulas and value >= 2 and index % 2 == 0:
                    half = value // 2
                    w.cached[(sheet_no, ref)] = value
                    value = f"={half}+{value - half}"
                else:
                    value = w.number(value, name)
            elif isinstance(value, date):
                value = w.day(value)
            elif value in ("Có", "Không"):
                value = w.yes_no(value)
            elif name.startswith(("Loại", "Nguồn")):
                value = w.kind(value)
            elif isinstance(value, str):
                value = w.text(value)
            ws.cell(r, c, value)
        r += 1
        if style and index == 0:
            r += 1  # a blank row
    if style and rows:
        label = "Tổng cộng" if sheet_no % 2 else "Cộng"
        ws.cell(r, 1, w.text(label))
        ws.merge_cells(f"A{r}:B{r}")
        for c, name in enumerate(order, 1):
            if name in COUNT_COLUMNS:
                col = get_column_letter(c)
                total = sum(int(x[header.index(name)]) for x in rows)
                ref = f"{col}{r}"
                if style.formulas:
                    ws.cell(r, c, f"=SUM({col}{first_data}:{col}{r - 1})")
                    w.cached[(sheet_no, ref)] = total
                else:
                    ws.cell(r, c, total)


def write_workbook(
    path: Path,
    unit: UnitData,
    style: Style | None = None,
    overrides: dict[tuple[str, int, str], object] | None = None,
    *,
    cache: bool = True,
) -> dict[tuple[str, int, str], tuple[str, str]]:
    """One unit's workbook; returns (sheet, row index, column) -> (sheet as written, cell)."""
    # With `cache`, formula cells get the value Excel would have stored; without, they have none.
    w = Writer(style)
    book = openpyxl.Workbook()
    book.remove(book.active)
    tables = table_rows(unit)
    for sheet_no, title in enumerate(SHEETS, 1):
        name = _sheet_variant(title, sheet_no, style.legacy) if style else title
        ws = book.create_sheet(name)
        if title == "Thông tin":
            top = 1
            if style:
                ws.cell(1, 1, w.text("THÔNG TIN ĐƠN VỊ" if not style.legacy else "Thông tin"))
                ws.merge_cells("A1:B1")
                top = 3
            _fill_info(ws, unit, w, top)
        elif title == "Đánh giá":
            ws.cell(1, 1, w.text("Kết quả nổi bật"))
            ws.cell(1, 2, w.text(f"{unit.name} hoàn thành kế hoạch năm {YEAR}."))
        else:
            header, rows = tables[title]
            _write_table(ws, sheet_no, title, header, rows, w, overrides or {})
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_with_cached_values(buffer.getvalue(), w.cached if cache else {}))
    return w.cells


def _with_cached_values(data: bytes, cached: dict[tuple[int, str], object]) -> bytes:
    """Give formula cells the values Excel would have stored (openpyxl writes them empty)."""
    if not cached:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if match:
                xml = content.decode("utf-8")
                for (sheet_no, ref), value in cached.items():
                    if sheet_no != int(match[1]):
                        continue
                    pattern = rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/?>(?:</v>)?'
                    xml, n = re.subn(pattern, rf"\g<1><v>{value}</v>", xml)
                    assert n == 1, (ref, xml[:300])
                content = xml.encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()
