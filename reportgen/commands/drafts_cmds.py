"""`reportgen history`, `diff` and `archive`: the drafts of a year and the final archive."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..archive import archive_draft
from ..changes import describe_changes
from ..drafts import find_draft, list_drafts, load_figures
from ..errors import ReportgenError
from .common import inputs_option, outputs_option, translate_errors, workspace, year_option

CHANGE_LINES_SHOWN = 3


@click.command("history")
@year_option
@outputs_option
@translate_errors
def history(year: int, outputs_dir: Path) -> None:
    """Liệt kê các dự thảo báo cáo đã lập trong năm và thay đổi của từng dự thảo."""
    out_dir = outputs_dir / str(year)
    entries = list_drafts(out_dir, year)
    if not entries:
        click.echo(f"Chưa có dự thảo nào của năm {year} trong {out_dir.as_posix()}.")
        return
    click.echo(f"Các dự thảo báo cáo năm {year} ({out_dir.as_posix()}):")
    click.echo(f"{'Số':>3}  {'Thời gian':<19}  {'Tệp':<28}  {'Vấn đề':>6}  Bản chính thức")
    for e in entries:
        final = "chính thức" if e.final else ""
        when = e.time.replace("T", " ")[:19]
        click.echo(f"{e.number:>3}  {when:<19}  {e.docx:<28}  {e.problem_count:>6}  {final}")
        for line in e.changes[:CHANGE_LINES_SHOWN]:
            click.echo(f"       - {line}")
        if len(e.changes) > CHANGE_LINES_SHOWN:
            click.echo(f"       (và {len(e.changes) - CHANGE_LINES_SHOWN} thay đổi khác)")
        if not e.changes and e is not entries[0]:
            click.echo("       - số liệu không đổi so với dự thảo trước")


def _figures_of(out_dir: Path, year: int, which: str) -> tuple[str, dict]:
    """A draft's figures from its number or from a file path (its .json or .docx)."""
    if which.isdigit():
        entry = find_draft(out_dir, year, int(which))
        return f"dự thảo {entry.number:02d}", load_figures(out_dir / entry.json)
    path = Path(which)
    if path.suffix.lower() != ".json":
        sibling = path.with_suffix(".json")
        if not sibling.is_file():
            raise ReportgenError(
                f"Không tìm thấy {sibling} (tệp số liệu đi kèm {path.name}). Hãy ghi số dự thảo"
                " (ví dụ: reportgen diff 1 2) hoặc đường dẫn tệp .json của dự thảo."
            )
        path = sibling
    return path.name, load_figures(path)


@click.command("diff")
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@year_option
@outputs_option
@translate_errors
def diff(first: str, second: str, year: int, outputs_dir: Path) -> None:
    """So sánh hai dự thảo A và B (số dự thảo hoặc đường dẫn tệp .json/.docx)."""
    out_dir = outputs_dir / str(year)
    name_a, old = _figures_of(out_dir, year, first)
    name_b, new = _figures_of(out_dir, year, second)
    lines = describe_changes(old, new)
    if not lines:
        click.echo(f"Không có thay đổi nào về số liệu giữa {name_a} và {name_b}.")
        return
    click.echo(f"Thay đổi từ {name_a} đến {name_b}:")
    for line in lines:
        click.echo(f"  - {line}")


@click.command("archive")
@year_option
@click.option(
    "--draft",
    "number",
    type=click.IntRange(1),
    default=None,
    help="Số dự thảo cần lưu trữ (mặc định: dự thảo mới nhất).",
)
@inputs_option
@outputs_option
@translate_errors
def archive(year: int, number: int | None, inputs_dir: Path, outputs_dir: Path) -> None:
    """Đánh dấu một dự thảo là bản chính thức và lưu trữ nó cùng toàn bộ dữ liệu đã dùng."""
    result = archive_draft(
        outputs_dir / str(year), inputs_dir, year, workspace(), number, datetime.now()
    )
    where = result.path.as_posix()
    if not result.created:
        click.echo(
            f"Bản lưu trữ dự thảo {result.number:02d} đã có: {where}; không ghi đè. "
            f"Đã kiểm tra lại: {result.members} tệp bên trong nguyên vẹn."
        )
        return
    for note in result.notes:
        click.echo(note)
    click.echo(f"Đã đánh dấu dự thảo {result.number:02d} là bản chính thức.")
    click.echo(f"Đã ghi bản lưu trữ: {where}")
    click.echo(f"Đã kiểm tra lại bản lưu trữ: {result.members} tệp, nội dung khớp từng byte.")
