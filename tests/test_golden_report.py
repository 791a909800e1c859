"""The sample year's report body, compared line by line with tests/golden/BaoCao_2025_body.txt."""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from docx.table import Table

from reportgen.cli import cli

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "BaoCao_2025_body.txt"
UPDATE = "REPORTGEN_UPDATE_GOLDEN"


def build_sample(work: Path) -> Path:
    """The bundled sample workspace copied to `work` and built for 2025; returns the .docx."""
    for name in ("config", "templates", "inputs"):
        shutil.copytree(ROOT / name, work / name)
    result = CliRunner().invoke(
        cli, ["build", "--year", "2025", "--workspace", str(work)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return work / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx"


def body_lines(docx: Path) -> list[str]:
    """The body in document order: a line per paragraph, a line per table row (cells by " | ")."""
    lines = []
    for block in Document(str(docx)).iter_inner_content():
        if isinstance(block, Table):
            lines += [" | ".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    # A line break inside a paragraph or cell is written "\n" so that each block stays one line.
    return [line.replace("\n", "\\n").rstrip() for line in lines]


def test_sample_report_body_matches_the_golden_file(tmp_path: Path) -> None:
    got = body_lines(build_sample(tmp_path))
    if os.environ.get(UPDATE) == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text("\n".join(got) + "\n", encoding="utf-8")
        return
    assert GOLDEN.is_file(), f"{GOLDEN} is missing; write it with {UPDATE}=1 pytest {__file__}"
    text = GOLDEN.read_text(encoding="utf-8").removesuffix("\n")
    want = [line.rstrip() for line in text.split("\n")]
    if got != want:
        diff = difflib.unified_diff(
            want, got, str(GOLDEN.relative_to(ROOT)), "built report", lineterm=""
        )
        raise AssertionError(
            "The sample report's body differs from the golden file:\n"
            + "\n".join(diff)
            + f"\n\nIf the change is intended, regenerate it with "
            f"{UPDATE}=1 pytest tests/test_golden_report.py and review the diff."
        )
