"""`reportgen build`: from the units' workbooks to a new draft of the report."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import click

from .. import fmt, jobs
from ..errors import ReportgenError
from ..workspace import Workspace
from .common import (
    echo_problems,
    file_progress,
    long_sheet_option,
    row_progress,
    say_waiting,
    translate_errors,
    workspace_options,
    year_option,
)


def _echo_summary(result: jobs.BuildResult) -> None:
    figures, names = result.figures, result.unit_names
    click.echo(f"Báo cáo năm {figures.year} (đánh giá theo chỉ tiêu năm {figures.milestone})")
    click.echo(f"Đã nhận {len(figures.received)}/{len(figures.expected)} đơn vị.")
    if figures.missing:
        missing = ", ".join(names.get(code, code) for code in figures.missing)
        click.echo(f"Chưa gửi báo cáo ({len(figures.missing)}): {missing}.")
        click.echo(
            f"Lưu ý: số liệu mới gồm {len(figures.received)}/{len(figures.expected)} đơn vị; báo "
            "cáo ghi rõ điều này ở từng chỉ tiêu. Nên chờ đủ đơn vị trước khi gửi báo cáo đi."
        )
    click.echo("Chỉ tiêu:")
    for r in figures.indicators:
        verdict = fmt.verdict(r.met, r.status)
        if r.met is False and r.gap_units:
            verdict += f" (cần thêm {fmt.integer(r.gap_units)} {fmt.gap_word(r)})"
        counts = f" ({r.numerator}/{r.denominator})" if not r.is_growth and r.denominator else ""
        click.echo(
            f"  {r.code:<14} {fmt.value_text(r)}{counts}; "
            f"kế hoạch {fmt.target(r.target, r.target_max)}: {verdict}"
        )
        left_out = (*r.comparison.only_current, *r.comparison.only_earlier) if r.comparison else ()
        if r.comparison and left_out:
            click.echo(
                f"  {'':<14} (so sánh {len(r.comparison.units)} đơn vị có số liệu cả năm "
                f"{r.comparison.earlier_year} và năm {figures.year}; không tính "
                f"{', '.join(names.get(c, c) for c in left_out)})"
            )


def _echo_draft(result: jobs.BuildResult) -> None:
    draft = result.draft
    for note in result.notes:
        click.echo(note)
    if not result.created:
        click.echo(
            f"Dữ liệu, cấu hình và mẫu không đổi so với dự thảo số {draft.number:02d}: "
            f"không tạo dự thảo mới ({draft.docx.as_posix()})."
        )
        return
    click.echo(f"Đã ghi dự thảo số {draft.number:02d}: {draft.docx.as_posix()}")
    click.echo(f"  Số liệu: {draft.json.as_posix()}")
    click.echo(f"  Danh sách vấn đề: {draft.problems.as_posix()}")
    if draft.tables is not None:
        click.echo(f"  Bảng tính phụ lục: {draft.tables.as_posix()}")
    if result.changes:
        click.echo("Thay đổi so với dự thảo trước:")
        for line in result.changes:
            click.echo(f"  - {line}")
    if result.after_final is not None:
        click.echo(
            f"Lưu ý: dự thảo số {draft.number:02d} mới lập sau bản chính thức số "
            f"{result.after_final:02d}; nếu gửi bản mới thì chạy lại `reportgen archive --year "
            f"{result.figures.year}` để lưu trữ và đánh dấu bản mới là bản chính thức."
        )


def _echo_carry(result: jobs.BuildResult) -> None:
    """What became of the clerk's edits of the previous draft."""
    carry, number = result.carry, result.draft.number
    if not result.created:
        return
    if carry is None:
        if not result.merge:
            click.echo(f"Dự thảo số {number:02d} lập từ mẫu (--no-merge).")
        return
    old = f"{carry.from_draft:02d}"
    if carry.reason == "no-merge":
        click.echo(
            f"Dự thảo số {number:02d} lập từ mẫu (--no-merge): các chỗ đã sửa trong dự thảo "
            f"{old} KHÔNG được chuyển sang; dự thảo {old} vẫn giữ nguyên."
        )
        return
    if carry.reason == "locked":
        click.echo(
            f"Lưu ý: không mở được dự thảo {old} (tệp đang mở trong Word hoặc bị khóa) nên các "
            f"chỗ đã sửa trong đó KHÔNG được chuyển sang dự thảo {number:02d}. Dự thảo {old} vẫn "
            f"giữ nguyên: hãy lưu và đóng nó trong Word, rồi chép các chỗ sửa sang dự thảo "
            f"{number:02d}."
        )
        return
    if not carry.carried:
        why = (
            "không còn bản gốc để so sánh (dự thảo đó lập bằng phiên bản cũ của công cụ)"
            if carry.reason == "no-base"
            else "không đọc được tệp đó"
        )
        click.echo(
            f"Lưu ý: dự thảo {old} đã được sửa sau khi lập nhưng {why}: các chỗ sửa KHÔNG được "
            f"chuyển sang dự thảo {number:02d}. Hãy chép lại từ dự thảo {old} (vẫn giữ nguyên)."
        )
        return
    click.echo(
        f"Đã chuyển các chỗ sửa trong dự thảo {old} sang dự thảo {number:02d}: giữ "
        f"{carry.kept} đoạn đã sửa, {carry.added} đoạn thêm, bỏ {carry.deleted} đoạn đã xóa; "
        f"{len(carry.to_review)} đoạn cần xem lại."
    )
    if carry.to_review:
        click.echo(
            "  Các đoạn cần xem lại (số liệu đã đổi; câu đã sửa được ghi tô vàng ngay sau câu mới):"
        )
        for text in carry.to_review:
            click.echo(f"  - {text[:120]}{'…' if len(text) > 120 else ''}")


def pdf_progress(name: str, seconds: float, finished: bool) -> None:
    """A line naming the program that makes the PDF, then the seconds as they pass."""
    if seconds == 0 and not finished:
        click.echo(f"Đang chuyển sang PDF bằng {name} (có thể mất đến 2 phút)…", err=True, nl=False)
    elif not finished:
        click.echo(f" {int(seconds)} giây…", err=True, nl=False)
    else:
        click.echo("", err=True)


def _font_hint() -> str:
    if sys.platform == "win32":
        return (
            "chép các tệp times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf từ một máy Windows khác"
            " (thư mục C:\\Windows\\Fonts), nhấp chuột phải vào từng tệp, chọn Install"
        )
    return (
        "trên Ubuntu/Debian chạy `sudo apt install ttf-mscorefonts-installer`; hoặc chép các tệp"
        " times*.ttf từ máy Windows (C:\\Windows\\Fonts) vào thư mục ~/.fonts"
    )


def _echo_pdf(pdf: jobs.PdfOutcome) -> None:
    where = pdf.path.as_posix() if pdf.path else ""
    if pdf.status == "no-program":
        click.echo(
            "Máy này chưa có LibreOffice hoặc Microsoft Word nên không chuyển được sang PDF; "
            "hãy mở tệp .docx bằng Word, chọn File › Save As › PDF (hoặc cài LibreOffice)."
        )
        if pdf.word_without_bridge:
            click.echo(
                "Máy có Word nhưng thiếu gói pywin32 để điều khiển Word: chạy "
                '`py -m pip install --user "pywin32>=306"` (hoặc cài lại bằng cai-dat.bat).'
            )
    elif pdf.status == "made":
        click.echo(f"Đã chuyển sang PDF bằng {pdf.program}: {where}")
        if pdf.font_missing:
            click.echo(
                "Lưu ý: máy này không có phông Times New Roman (phông của thể thức văn bản) nên "
                "bản PDF và bản in từ máy này dùng phông thay thế; tệp .docx vẫn ghi phông Times "
                f"New Roman. Để cài phông: {_font_hint()}; rồi chạy lại."
            )
    elif pdf.status == "kept":
        click.echo(
            f"Đã có tệp {where} từ lần chạy trước nên giữ nguyên, không chuyển lại; muốn có "
            "bản PDF mới thì xóa hoặc đổi tên tệp đó rồi chạy lại."
        )
    else:
        raise ReportgenError(pdf.message)


F = TypeVar("F", bound=Callable[..., Any])

# The options `build` and `rollup` share: both write a new draft of the report.
draft_options = (
    click.option(
        "--pdf",
        is_flag=True,
        help="Chuyển thêm bản dự thảo sang PDF (bằng LibreOffice, hoặc Word nếu không có "
        "LibreOffice).",
    ),
    click.option(
        "--no-merge",
        "no_merge",
        is_flag=True,
        help="Lập dự thảo mới chỉ từ mẫu, không chuyển các chỗ đã sửa trong dự thảo trước.",
    ),
)


def with_draft_options(func: F) -> F:
    """`--pdf` and `--no-merge` on a command that writes a draft."""
    for option in reversed(draft_options):
        func = option(func)
    return func


@click.command("build")
@year_option
@workspace_options
@with_draft_options
@long_sheet_option
@translate_errors
def build(year: int, workspace: Workspace, pdf: bool, no_merge: bool, long_sheet: int) -> None:
    """Lập báo cáo năm từ bảng tính của các đơn vị; mỗi lần có thay đổi là một dự thảo mới."""
    result = jobs.build(
        workspace,
        year,
        datetime.now(),
        pdf=pdf,
        on_pdf=pdf_progress,
        on_file=file_progress(),
        on_rows=row_progress(long_sheet),
        on_wait=say_waiting,
        merge=not no_merge,
    )
    echo_result(result)


def echo_result(result: jobs.BuildResult) -> None:
    """A new draft's summary, problems, files, carried edits and PDF, as `build` prints them."""
    _echo_summary(result)
    echo_problems(result.problems, result.unit_names)
    _echo_draft(result)
    _echo_carry(result)
    if result.pdf is not None:
        _echo_pdf(result.pdf)
