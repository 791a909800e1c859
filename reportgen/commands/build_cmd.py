"""`reportgen build`: from the units' workbooks to a new draft of the report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from .. import fmt
from ..evaluate import indicator_value_text
from ..models import Figures
from ..pdf import convert_to_pdf
from ..pipeline import compute, publish
from .common import (
    echo_problems,
    file_progress,
    inputs_option,
    outputs_option,
    translate_errors,
    workspace,
    year_option,
)


def _echo_summary(figures: Figures, unit_names: dict[str, str]) -> None:
    click.echo(f"Báo cáo năm {figures.year} (đánh giá theo chỉ tiêu năm {figures.milestone})")
    click.echo(f"Đã nhận {len(figures.received)}/{len(figures.expected)} đơn vị.")
    if figures.missing:
        names = ", ".join(unit_names.get(code, code) for code in figures.missing)
        click.echo(f"Chưa gửi báo cáo ({len(figures.missing)}): {names}.")
    click.echo("Chỉ tiêu:")
    for r in figures.indicators:
        verdict = {True: "Đạt", False: "Chưa đạt", None: "—"}[r.met]
        if r.met is False and r.gap_units:
            verdict += f" (cần thêm {fmt.integer(r.gap_units)} {r.gap_word})"
        counts = (
            f" ({r.numerator}/{r.denominator})" if r.gap_word != "lượt" and r.denominator else ""
        )
        click.echo(
            f"  {r.code:<14} {indicator_value_text(r)}{counts}; "
            f"kế hoạch {fmt.target(r.target, r.target_max)}: {verdict}"
        )


@click.command("build")
@year_option
@inputs_option
@outputs_option
@click.option("--pdf", is_flag=True, help="Chuyển thêm bản dự thảo sang PDF (cần LibreOffice).")
@translate_errors
def build(year: int, inputs_dir: Path, outputs_dir: Path, pdf: bool) -> None:
    """Lập báo cáo năm từ bảng tính của các đơn vị; mỗi lần có thay đổi là một dự thảo mới."""
    root = workspace()
    computed = compute(root, inputs_dir, year, file_progress())
    config, intake, figures = computed
    unit_names = config.unit_names
    _echo_summary(figures, unit_names)
    echo_problems(intake.problems, unit_names)

    result = publish(root, inputs_dir, outputs_dir, computed, datetime.now())
    draft = result.draft
    if not result.created:
        click.echo(
            f"Dữ liệu, cấu hình và mẫu không đổi so với dự thảo số {draft.number:02d}: "
            f"không tạo dự thảo mới ({draft.docx.as_posix()})."
        )
    else:
        click.echo(f"Đã ghi dự thảo số {draft.number:02d}: {draft.docx.as_posix()}")
        click.echo(f"  Số liệu: {draft.json.as_posix()}")
        click.echo(f"  Danh sách vấn đề: {draft.problems.as_posix()}")
        if result.changes:
            click.echo("Thay đổi so với dự thảo trước:")
            for line in result.changes:
                click.echo(f"  - {line}")
    if pdf:
        converted = convert_to_pdf(draft.docx)
        if converted is None:
            click.echo(
                "Chưa cài LibreOffice nên không chuyển được sang PDF; "
                "hãy mở tệp .docx bằng Word và chọn Lưu thành PDF."
            )
        elif converted.created:
            click.echo(f"Đã chuyển sang PDF: {converted.path.as_posix()}")
        else:
            click.echo(
                f"Đã có tệp {converted.path.as_posix()} từ lần chạy trước nên giữ nguyên, không "
                "chuyển lại; muốn có bản PDF mới thì xóa hoặc đổi tên tệp đó rồi chạy lại."
            )
