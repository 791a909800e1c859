"""Charts drawn once are kept in outputs/.bieu-do-da-ve/ by what they show: a redraft with the
same figures takes them from there without drawing, and its report is the same to the byte; a
kept file damaged on disk, changed figures or a new library version mean drawing again."""

from __future__ import annotations

import zipfile
from fractions import Fraction
from pathlib import Path

import pytest

from reportgen import charts, kept_charts
from tests.test_build_charts import docx_of, media
from tests.test_build_review import FLAT, JUMP, write_years

YEARS = {2028: FLAT, 2029: FLAT, 2030: JUMP}  # a review year: three charts


@pytest.fixture(autouse=True)
def _fresh_drawing_code():
    """Each test reads the libraries' versions afresh, and leaves them to be read afresh."""
    kept_charts._drawing_code.cache_clear()
    yield
    kept_charts._drawing_code.cache_clear()


def _kept(workspace: Path) -> list[Path]:
    return sorted((workspace / "outputs" / ".bieu-do-da-ve").glob("*.chart"))


def _draft(workspace: Path, number: int) -> Path:
    return docx_of(workspace, 2030).with_name(f"BaoCao_2030_du-thao-{number:02d}.docx")


def _sign_as(workspace: Path, name: str) -> None:
    """A change of the profile that makes a new draft and leaves every figure as it was."""
    profile = workspace / "config" / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    assert 'signer_name = "Phạm Thị Thương"' in text
    profile.write_text(text.replace("Phạm Thị Thương", name), encoding="utf-8")


def _never_draw(monkeypatch) -> None:
    def refuse(*args: object) -> bytes:
        raise AssertionError("a chart was drawn")

    monkeypatch.setattr(charts, "_render", refuse)


def test_a_redraft_with_the_same_figures_takes_its_charts_kept_without_drawing(
    workspace, run, sample_config, monkeypatch
):
    write_years(workspace, sample_config, YEARS)
    assert run("build", "--year", "2030").exit_code == 0
    assert len(_kept(workspace)) == 3
    _sign_as(workspace, "Nguyễn Văn An")
    _never_draw(monkeypatch)
    result = run("build", "--year", "2030")
    assert result.exit_code == 0, result.output
    assert media(_draft(workspace, 2)) == media(_draft(workspace, 1))
    with zipfile.ZipFile(_draft(workspace, 2)) as package:
        assert "Nguyễn Văn An" in package.read("word/document.xml").decode()


def test_a_kept_chart_damaged_on_disk_is_drawn_again_and_kept_whole(workspace, run, sample_config):
    write_years(workspace, sample_config, YEARS)
    assert run("build", "--year", "2030").exit_code == 0
    damaged = _kept(workspace)[0]
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one bit pattern flipped inside the PNG
    damaged.write_bytes(bytes(data))
    _sign_as(workspace, "Nguyễn Văn An")
    assert run("build", "--year", "2030").exit_code == 0
    assert media(_draft(workspace, 2)) == media(_draft(workspace, 1))
    assert damaged.read_bytes() != bytes(data)  # drawn again and kept anew
    assert len(_kept(workspace)) == 3


def test_a_folder_that_cannot_be_written_only_means_drawing_each_time(
    workspace, run, sample_config
):
    write_years(workspace, sample_config, YEARS)
    (workspace / "outputs").mkdir()
    (workspace / "outputs" / ".bieu-do-da-ve").write_bytes(b"not a folder")
    result = run("build", "--year", "2030")
    assert result.exit_code == 0, result.output
    pictures = media(_draft(workspace, 1))
    assert len(pictures) == 3 and all(p.startswith(b"\x89PNG") for p in pictures.values())


BARS = [charts.ShareBar("Tỷ lệ xã có thư viện", Fraction(3, 4), ((2025, Fraction(1, 2)),))]


def _counting(kind: str = "share_chart") -> tuple[list[int], object]:
    """A drawing function of that name, and the list of its calls."""
    calls: list[int] = []

    def draw(items: object) -> bytes:
        calls.append(1)
        return b"\x89PNG\r\n\x1a\nchart"

    draw.__qualname__ = kind
    return calls, draw


def test_a_chart_is_drawn_once_for_the_same_data_and_again_for_other_data(tmp_path):
    calls, draw = _counting()
    for _ in range(3):
        assert kept_charts.chart(tmp_path, draw, BARS) == b"\x89PNG\r\n\x1a\nchart"
    assert len(calls) == 1
    other = [charts.ShareBar("Tỷ lệ xã có thư viện", Fraction(2, 3), ((2025, Fraction(1, 2)),))]
    kept_charts.chart(tmp_path, draw, other)
    assert len(calls) == 2
    uses_calls, uses = _counting("uses_chart")
    kept_charts.chart(tmp_path, uses, BARS)  # another kind of chart of the same data
    assert len(uses_calls) == 1
    kept_charts.chart(None, draw, BARS)  # no folder: always drawn
    assert len(calls) == 3


def test_only_the_charts_used_last_are_kept_and_no_other_file_is_touched(tmp_path, monkeypatch):
    monkeypatch.setattr(kept_charts, "KEPT_MOST", 3)
    someone_elses = tmp_path / "ghi chu.chart"
    someone_elses.write_text("not ours")
    calls, draw = _counting()
    items = [[charts.YearValue(2025, uses)] for uses in range(5)]
    for one in items:
        kept_charts.chart(tmp_path, draw, one)
    assert len(list(tmp_path.glob("*.chart"))) == 4 and someone_elses.read_text() == "not ours"
    for one in items[2:]:  # the three used last are kept
        kept_charts.chart(tmp_path, draw, one)
    assert len(calls) == 5
    kept_charts.chart(tmp_path, draw, items[0])  # let go of: drawn again
    assert len(calls) == 6


def _install(path: Path, version: int) -> None:
    """A library's version file (a compiled module of 70 kB when its name is `*.so`)."""
    if path.suffix == ".so":
        path.write_bytes(b"\0" * (70_000 + version))
    else:
        path.write_text(f'__version__ = "1.{version}"')


@pytest.mark.parametrize("library", [name for name, _ in kept_charts._LIBRARIES])
def test_a_new_version_of_a_drawing_library_draws_every_chart_again(tmp_path, monkeypatch, library):
    import importlib.machinery
    import importlib.util

    packages = tmp_path / "site"
    for package, pattern in kept_charts._LIBRARIES:
        (packages / package).mkdir(parents=True)
        (packages / package / "__init__.py").write_text("")
        _install(packages / package / pattern.replace("*", ".so"), 1)

    def find_spec(name: str) -> importlib.machinery.ModuleSpec:
        return importlib.util.spec_from_file_location(name, packages / name / "__init__.py")

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    kept_charts._drawing_code.cache_clear()
    calls, draw = _counting()
    folder = tmp_path / "kept"
    kept_charts.chart(folder, draw, BARS)
    kept_charts.chart(folder, draw, BARS)
    assert len(calls) == 1
    (pattern,) = [p for name, p in kept_charts._LIBRARIES if name == library]
    _install(packages / library / pattern.replace("*", ".so"), 2)
    kept_charts._drawing_code.cache_clear()
    kept_charts.chart(folder, draw, BARS)
    assert len(calls) == 2
