"""`reportgen history`, `diff` and `archive`: the drafts of a year and the final archive."""

from __future__ import annotations

from datetime import datetime

import click

from .. import jobs
from ..workspace import Workspace
from .common import translate_errors, workspace_options, year_option

CHANGE_LINES_SHOWN = 3


@click.command("history")
@year_option
@workspace_options
@translate_errors
def history(year: int, workspace: Workspace) -> None:
    """Liệt kê các dự thảo báo cáo đã lập trong năm và thay đổi của từng dự thảo."""
    result = jobs.history(workspace, year)
    where = result.folder.as_posix()
    if not result.drafts:
        click.echo(f"Chưa có dự thảo nào của năm {year} trong {where}.")
        return
    click.echo(f"Các dự thảo báo cáo năm {year} ({where}):")
    click.echo(f"{'Số':>3}  {'Thời gian':<19}  {'Tệp':<28}  {'Vấn đề':>6}  Bản chính thức")
    for e in result.drafts:
        final = "chính thức" if e.final else ""
        when = e.time.replace("T", " ")[:19]
        click.echo(f"{e.number:>3}  {when:<19}  {e.docx:<28}  {e.problem_count:>6}  {final}")
        for line in e.changes[:CHANGE_LINES_SHOWN]:
            click.echo(f"       - {line}")
        if len(e.changes) > CHANGE_LINES_SHOWN:
            click.echo(f"       (và {len(e.changes) - CHANGE_LINES_SHOWN} thay đổi khác)")
        if not e.changes and e is not result.drafts[0]:
            click.echo("       - số liệu không đổi so với dự thảo trước")


@click.command("diff")
@click.argument("first", metavar="[A]", required=False)
@click.argument("second", metavar="[B]", required=False)
@year_option
@workspace_options
@translate_errors
def diff(first: str | None, second: str | None, year: int, workspace: Workspace) -> None:
    """So sánh hai dự thảo A và B (số dự thảo hoặc đường dẫn tệp .json/.docx).

    Không ghi A, B: so sánh hai dự thảo mới nhất. Chỉ ghi A: so sánh A với dự thảo mới nhất.
    """
    result = jobs.diff(workspace, year, first, second)
    if result.chosen == "latest-two":
        click.echo(f"So sánh hai dự thảo mới nhất: {result.first} và {result.second}.")
    elif result.chosen == "with-latest":
        click.echo(f"So sánh {result.first} với dự thảo mới nhất ({result.second}).")
    if not result.changes:
        click.echo(f"Không có thay đổi nào về số liệu giữa {result.first} và {result.second}.")
        return
    click.echo(f"Thay đổi từ {result.first} đến {result.second}:")
    for line in result.changes:
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
@workspace_options
@translate_errors
def archive(year: int, number: int | None, workspace: Workspace) -> None:
    """Đánh dấu một dự thảo là bản chính thức và lưu trữ nó cùng toàn bộ dữ liệu đã dùng."""
    result = jobs.archive(workspace, year, number, datetime.now())
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
