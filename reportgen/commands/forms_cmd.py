"""`reportgen forms`: one ready-to-fill workbook per unit, never overwriting one already there."""

from __future__ import annotations

import click

from .. import jobs
from ..workspace import Workspace
from .common import file_progress, translate_errors, workspace_options, year_option


def _echo_previous(result: jobs.FormsResult) -> None:
    year, folder = result.year, result.previous_folder.as_posix()
    if not result.previous_found:
        click.echo(f"Không có thư mục {folder}: biểu mẫu không điền sẵn số liệu cũ.")
        return
    click.echo(
        f"Điền sẵn thư viện và thiết chế văn hóa theo số liệu năm {year - 1} "
        f"({result.previous_units} đơn vị, thư mục {folder})."
    )
    if result.previous_errors:
        click.echo(
            f"Lưu ý: số liệu năm {year - 1} có {result.previous_errors} lỗi; "
            "các dòng bị lỗi không được điền sẵn (chạy `reportgen check --year "
            f"{year - 1}` để xem)."
        )


@click.command("forms")
@year_option
@workspace_options
@translate_errors
def forms(year: int, workspace: Workspace) -> None:
    """Tạo biểu mẫu Excel sẵn để điền cho từng đơn vị (outputs/<năm>/bieu-mau/).

    Mỗi đơn vị một tệp: đã ghi sẵn mã, tên đơn vị và năm, có danh sách thả
    xuống, kiểm tra số và ngày, sheet Hướng dẫn; thư viện và thiết chế văn
    hóa của năm trước (nếu có trong inputs/) được điền sẵn để đơn vị chỉ sửa.
    Tệp đã có thì giữ nguyên, không ghi đè.
    """
    result = jobs.forms(workspace, year, on_file=file_progress())
    _echo_previous(result)
    for form in result.files:
        if not form.created:
            click.echo(f"  Giữ nguyên tệp đã có: {form.path.name}")
            continue
        carried = (
            f" (điền sẵn {form.libraries} thư viện, "
            f"{form.institutions} thiết chế của năm {year - 1})"
            if form.libraries is not None
            else ""
        )
        click.echo(f"  Đã ghi: {form.path.name}{carried}")
    written = sum(form.created for form in result.files)
    kept = len(result.files) - written
    click.echo(f"Đã tạo {written} biểu mẫu trong {result.folder.as_posix()}.")
    if kept:
        click.echo(
            f"{kept} tệp đã có được giữ nguyên. Muốn tạo lại biểu mẫu của đơn vị nào thì "
            "xóa hoặc đổi tên tệp cũ của đơn vị đó rồi chạy lại lệnh."
        )
