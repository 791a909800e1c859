"""`reportgen check`: read a year's workbooks, show who is missing and every problem."""

from __future__ import annotations

import click

from .. import jobs
from ..workspace import Workspace
from .common import (
    echo_problems,
    file_progress,
    long_sheet_option,
    row_progress,
    translate_errors,
    workspace_options,
    year_option,
)


def _echo_table(result: jobs.CheckResult) -> None:
    statuses = result.statuses
    received = sum(s.received for s in statuses)
    click.echo(f"Bảng tính năm {result.year}: đã nhận {received}/{len(statuses)} đơn vị.")
    click.echo("STT  Tình trạng  Lỗi  Cảnh báo  Đơn vị")
    indent = " " * 32
    for number, s in enumerate(statuses, start=1):
        if not s.received:
            click.echo(f"{number:>3}  {'Chưa gửi':<10}  {'':>3}  {'':>8}  {s.name}")
            continue
        click.echo(f"{number:>3}  {'Đã nhận':<10}  {s.errors:>3}  {s.warnings:>8}  {s.name}")
        click.echo(f"{indent}tệp: {s.file}")
        for other in s.superseded:
            click.echo(f"{indent}không dùng: {other}")


@click.command("check")
@year_option
@workspace_options
@long_sheet_option
@translate_errors
def check(year: int, workspace: Workspace, long_sheet: int) -> None:
    """Kiểm tra bảng tính của các đơn vị, không lập báo cáo.

    In bảng đơn vị đã gửi / chưa gửi, rồi từng vấn đề (tệp › sheet › ô);
    ghi danh sách vấn đề ra outputs/<năm>/kiem-tra/ để gửi lại các đơn vị.
    Kết thúc với mã 0 khi không có lỗi (có thể có cảnh báo), mã 1 khi có lỗi.
    """
    result = jobs.check(workspace, year, on_file=file_progress(), on_rows=row_progress(long_sheet))
    _echo_table(result)
    click.echo("")
    echo_problems(result.problems, result.unit_names)
    if result.problem_list is not None:
        where = result.problem_list.as_posix()
        if result.problem_list_created:
            click.echo(f"Đã ghi danh sách để gửi lại các đơn vị: {where}")
        else:
            click.echo(f"Danh sách vấn đề không đổi, vẫn là tệp {where}")
    if result.errors:
        click.echo(
            f"Còn {result.errors} lỗi: hãy đề nghị đơn vị sửa rồi chép tệp mới vào "
            f"{result.folder.as_posix()}."
        )
        click.get_current_context().exit(1)
