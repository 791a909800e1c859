"""`reportgen init DIR --profile huyen|xa|tinh`: a new workspace with a profile to edit."""

from __future__ import annotations

from pathlib import Path

import click

from .. import jobs
from .common import translate_errors

_PROFILES = jobs.profiles()


@click.command("init")
@click.argument(
    "folder", type=click.Path(file_okay=False, path_type=Path), default=".", metavar="THƯ_MỤC"
)
@click.option(
    "--profile",
    type=click.Choice(list(_PROFILES)),
    default="huyen",
    show_default=True,
    help="Hồ sơ mẫu (xem trên).",
)
@translate_errors
def init(folder: Path, profile: str) -> None:
    """Tạo thư mục làm việc mới (config/, templates/, inputs/, outputs/) từ hồ sơ mẫu.

    \b
    Các hồ sơ mẫu:
      huyen: huyện (Đắk Hà, tỉnh Kon Tum) báo cáo Sở;
      xa:    xã, phường (Đăk Ui, tỉnh Quảng Ngãi) báo cáo Sở, từ 01/7/2025;
      tinh:  Sở Văn hóa, Thể thao và Du lịch tổng hợp các xã, phường.

    Sau đó sửa các tệp trong config/ cho đúng với địa phương mình (tên cơ
    quan, người ký, danh sách đơn vị, chỉ tiêu của Kế hoạch). Không ghi đè
    thư mục đã có cấu hình.
    """
    started = jobs.init(folder, profile)
    root = started.root.as_posix()
    click.echo(f"Đã tạo thư mục làm việc {root} theo hồ sơ mẫu '{profile}' ({_PROFILES[profile]}):")
    for name in started.files:
        click.echo(f"  {name}")
    click.echo("  inputs/, outputs/")
    click.echo("Việc tiếp theo:")
    click.echo(f"  1. Sửa config/profile.toml, config/units.toml, config/plan.toml trong {root}.")
    click.echo(f"  2. reportgen forms --year <năm> --workspace {root}  (biểu mẫu gửi các đơn vị)")
    click.echo(f"  3. Chép bảng tính các đơn vị gửi về vào {root}/inputs/<năm>/ rồi chạy")
    click.echo(f"     reportgen build --year <năm> --workspace {root}")
