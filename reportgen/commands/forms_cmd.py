"""`reportgen forms`: one ready-to-fill workbook per unit, never overwriting one already there."""

from __future__ import annotations

from pathlib import Path

import click

from ..config import Config, load_config
from ..files import write_new
from ..forms import FORMS_DIR, form_file_name, form_workbook
from ..intake import read_year
from ..models import ERROR, UnitReturn
from .common import (
    file_progress,
    inputs_option,
    outputs_option,
    translate_errors,
    workspace,
    year_option,
)


def _last_year(inputs_dir: Path, year: int, config: Config) -> dict[str, UnitReturn]:
    """Last year's returns by unit code, or none when inputs/<Y-1>/ does not exist."""
    folder = inputs_dir / str(year - 1)
    if not folder.is_dir():
        click.echo(f"Không có thư mục {folder.as_posix()}: biểu mẫu không điền sẵn số liệu cũ.")
        return {}
    intake = read_year(folder, year - 1, config, on_file=file_progress())
    click.echo(
        f"Điền sẵn thư viện và thiết chế văn hóa theo số liệu năm {year - 1} "
        f"({len(intake.returns)} đơn vị, thư mục {folder.as_posix()})."
    )
    errors = sum(p.severity == ERROR for p in intake.problems)
    if errors:
        click.echo(
            f"Lưu ý: số liệu năm {year - 1} có {errors} lỗi; "
            "các dòng bị lỗi không được điền sẵn (chạy `reportgen check --year "
            f"{year - 1}` để xem)."
        )
    return {r.unit: r for r in intake.returns}


@click.command("forms")
@year_option
@inputs_option
@outputs_option
@translate_errors
def forms(year: int, inputs_dir: Path, outputs_dir: Path) -> None:
    """Tạo biểu mẫu Excel sẵn để điền cho từng đơn vị (outputs/<năm>/bieu-mau/).

    Mỗi đơn vị một tệp: đã ghi sẵn mã, tên đơn vị và năm, có danh sách thả
    xuống, kiểm tra số và ngày, sheet Hướng dẫn; thư viện và thiết chế văn
    hóa của năm trước (nếu có trong inputs/) được điền sẵn để đơn vị chỉ sửa.
    Tệp đã có thì giữ nguyên, không ghi đè.
    """
    config = load_config(workspace())
    previous = _last_year(inputs_dir, year, config)
    folder = outputs_dir / str(year) / FORMS_DIR
    written = kept = 0
    for unit in config.units:
        path = folder / form_file_name(unit)
        earlier = previous.get(unit.code)
        if not write_new(path, form_workbook(unit, year, config, earlier)):
            kept += 1
            click.echo(f"  Giữ nguyên tệp đã có: {path.name}")
            continue
        written += 1
        carried = (
            f" (điền sẵn {len(earlier.libraries)} thư viện, "
            f"{len(earlier.institutions)} thiết chế của năm {year - 1})"
            if earlier
            else ""
        )
        click.echo(f"  Đã ghi: {path.name}{carried}")
    click.echo(f"Đã tạo {written} biểu mẫu trong {folder.as_posix()}.")
    if kept:
        click.echo(
            f"{kept} tệp đã có được giữ nguyên. Muốn tạo lại biểu mẫu của đơn vị nào thì "
            "xóa hoặc đổi tên tệp cũ của đơn vị đó rồi chạy lại lệnh."
        )
