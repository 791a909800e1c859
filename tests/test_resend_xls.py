"""A unit resends the same workbook as .xls under another name: nothing changed in the report."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.messy.years import soffice_convert
from tests.small_year import YEAR, write_small_year

Y = str(YEAR)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_same_workbook_resent_as_xls_changes_no_figure_nor_problem(workspace, run):
    write_small_year(workspace / "inputs")
    first = run("build", "--year", Y)
    assert first.exit_code == 0, first.output
    assert "Đã ghi dự thảo số 01" in first.output

    sent = workspace / "inputs" / Y / "UBND xã Đắk Ui.xlsx"
    xls = soffice_convert(sent, "xls")  # in its place, the .xlsx gone
    if xls is None:
        pytest.skip("LibreOffice produced no .xls")
    resent = workspace / "inputs" / Y / "Dak Ui - gui lai.xls"
    shutil.move(xls, resent)

    second = run("build", "--year", Y)
    assert second.exit_code == 0, second.output
    assert "Không có vấn đề nào trong dữ liệu." in second.output
    if "Đã ghi dự thảo số 02" not in second.output:  # the inputs were judged the same
        assert "không tạo dự thảo mới" in second.output
        return
    out = workspace / "outputs" / Y
    entries = json.loads((out / "manifest.json").read_text("utf-8"))["drafts"]
    assert [e["number"] for e in entries] == [1, 2]
    told = list(entries[1]["changes"])
    if "Thay đổi so với dự thảo trước:\n" in second.output:
        told += second.output.split("Thay đổi so với dự thảo trước:\n", 1)[1].splitlines()
    for line in told:
        assert "Vấn đề mới" not in line and "Đã sửa" not in line, told
        assert "→" not in line, told  # no indicator, unit or total line: each is told "a → b"
        assert "Đắk Ui" not in line and "Trung tâm" not in line, told
        assert "Thư viện" not in line and "thư viện" not in line, told

    compared = run("diff", "--year", Y)
    assert compared.exit_code == 0, compared.output
    assert "Không có thay đổi nào về số liệu giữa dự thảo 01 và dự thảo 02." in compared.output, (
        compared.output
    )
    assert "Thay đổi từ" not in compared.output

    history = run("history", "--year", Y)
    assert history.exit_code == 0, history.output
    assert "- số liệu không đổi so với dự thảo trước" in history.output
    assert json.loads((out / "BaoCao_2025_du-thao-02.json").read_text("utf-8"))["problems"] == []
