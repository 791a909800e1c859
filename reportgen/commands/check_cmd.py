"""`reportgen check`: read a year's workbooks, show who is missing and every problem."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import click

from ..completeness import UnitStatus, attributed, completeness, missing_unit_problems
from ..config import load_config
from ..errors import ReportgenError
from ..intake import read_year
from ..models import ERROR, Problem
from ..problem_sheet import in_unit_order, problems_workbook
from .common import (
    echo_problems,
    file_progress,
    inputs_option,
    outputs_option,
    translate_errors,
    workspace,
    year_option,
)

CHECKS_DIR = "kiem-tra"


def _echo_table(statuses: Sequence[UnitStatus], year: int) -> None:
    received = sum(s.received for s in statuses)
    click.echo(f"Bảng tính năm {year}: đã nhận {received}/{len(statuses)} đơn vị.")
    width = max(len(s.name) for s in statuses)
    click.echo(f"{'STT':>3}  {'Đơn vị':<{width}}  {'Tình trạng':<10}  Lỗi  Cảnh báo  Tệp")
    for number, s in enumerate(statuses, start=1):
        state = "Đã nhận" if s.received else "Chưa gửi"
        counts = f"{s.errors:>3}  {s.warnings:>8}" if s.received else f"{'':>3}  {'':>8}"
        click.echo(f"{number:>3}  {s.name:<{width}}  {state:<10}  {counts}  {s.file}".rstrip())
        for other in s.superseded:
            click.echo(f"{'':>3}  {'':<{width}}  {'':<10}  {'':>3}  {'':>8}  (không dùng: {other})")


def next_check_path(folder: Path, year: int) -> Path:
    """`KiemTra_<Y>_<NN>.xlsx` numbered after the ones already in the folder."""
    pattern = re.compile(rf"KiemTra_{year}_(\d+)\.xlsx", re.IGNORECASE)
    taken = [int(m.group(1)) for p in folder.glob("*.xlsx") if (m := pattern.fullmatch(p.name))]
    return folder / f"KiemTra_{year}_{max(taken, default=0) + 1:02d}.xlsx"


def _save_new(folder: Path, year: int, content: bytes) -> Path:
    """Write the problems workbook under the next free number, never over an older one."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        while True:
            path = next_check_path(folder, year)
            try:
                with path.open("xb") as out:
                    out.write(content)
                return path
            except FileExistsError:  # written meanwhile by another run: take the next number
                continue
    except OSError as exc:
        raise ReportgenError(
            f"Không ghi được danh sách vấn đề vào {folder.as_posix()} ({exc.strerror})."
        ) from None


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
    intake = read_year(folder, year, config, on_file=file_progress())
    statuses = completeness(intake, config)
    unit_names = {u.code: u.name for u in config.units}
    _echo_table(statuses, year)

    problems = in_unit_order(attributed(intake), unit_names)
    errors = sum(p.severity == ERROR for p in problems)
    click.echo("")
    if problems:
        click.echo(
            f"Vấn đề: {errors} lỗi (dòng bị loại khỏi số liệu), {len(problems) - errors} cảnh báo:"
        )
        echo_problems(problems, unit_names)
    else:
        click.echo("Không có vấn đề nào trong các bảng tính đã nhận.")

    to_send: list[Problem] = [*problems, *missing_unit_problems(statuses, year)]
    if to_send:
        content = problems_workbook(to_send, unit_names, year)
        path = _save_new(outputs_dir / str(year) / CHECKS_DIR, year, content)
        click.echo(f"Đã ghi danh sách để gửi lại các đơn vị: {path.as_posix()}")
    if errors:
        click.echo(
            f"Còn {errors} lỗi: hãy đề nghị đơn vị sửa rồi chép tệp mới vào {folder.as_posix()}."
        )
        click.get_current_context().exit(1)
