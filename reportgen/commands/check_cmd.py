"""`reportgen check`: read a year's workbooks, show who is missing and every problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..completeness import UnitStatus, completeness, missing_unit_problems
from ..config import load_config
from ..errors import ReportgenError
from ..models import Problem
from ..pipeline import read_checked
from ..problem_sheet import CHECKS_DIR, in_unit_order, problems_workbook, save_problem_list
from .common import (
    echo_problems,
    file_progress,
    inputs_option,
    outputs_option,
    translate_errors,
    workspace,
    year_option,
)


def _echo_table(statuses: Sequence[UnitStatus], year: int) -> None:
    received = sum(s.received for s in statuses)
    click.echo(f"Bảng tính năm {year}: đã nhận {received}/{len(statuses)} đơn vị.")
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
@inputs_option
@outputs_option
@translate_errors
def check(year: int, inputs_dir: Path, outputs_dir: Path) -> None:
    """Kiểm tra bảng tính của các đơn vị, không lập báo cáo.

    In bảng đơn vị đã gửi / chưa gửi, rồi từng vấn đề (tệp › sheet › ô);
    ghi danh sách vấn đề ra outputs/<năm>/kiem-tra/ để gửi lại các đơn vị.
    Kết thúc với mã 0 khi không có lỗi (có thể có cảnh báo), mã 1 khi có lỗi.
    """
    config = load_config(workspace())
    folder = inputs_dir / str(year)
    if not folder.is_dir():
        raise ReportgenError(
            f"Chưa có thư mục {folder.as_posix()}. Hãy tạo thư mục này và chép bảng tính "
            f"các đơn vị gửi về năm {year} vào đó."
        )
    intake, _ = read_checked(inputs_dir, year, config, file_progress())
    statuses = completeness(intake, config)
    unit_names = config.unit_names
    _echo_table(statuses, year)

    click.echo("")
    problems = in_unit_order(intake.problems, unit_names)
    errors = echo_problems(problems, unit_names)

    to_send: list[Problem] = [*problems, *missing_unit_problems(statuses, year)]
    if to_send:
        content = problems_workbook(to_send, unit_names, year)
        path, created = save_problem_list(outputs_dir / str(year) / CHECKS_DIR, year, content)
        if created:
            click.echo(f"Đã ghi danh sách để gửi lại các đơn vị: {path.as_posix()}")
        else:
            click.echo(f"Danh sách vấn đề không đổi, vẫn là tệp {path.as_posix()}")
    if errors:
        click.echo(
            f"Còn {errors} lỗi: hãy đề nghị đơn vị sửa rồi chép tệp mới vào {folder.as_posix()}."
        )
        click.get_current_context().exit(1)
