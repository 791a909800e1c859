"""Charts: PNG bytes of a fixed size, the same every run, Vietnamese text and numbers, gaps."""

from __future__ import annotations

import hashlib
import math
import os
import struct
import subprocess
import sys
import unicodedata
import warnings
import zlib
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import findfont
from matplotlib.text import Text

from reportgen import charts
from reportgen.charts import Series, ShareBar, YearValue

VIETNAMESE = "Đắk Hà, Ngọk Wang, thư viện, ưu điểm, Ủy ban, chuyển đổi số"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def share(numerator: int, denominator: int) -> Fraction:
    return Fraction(numerator, denominator)


def targets(first: int, second: int) -> tuple[tuple[int, Fraction], ...]:
    return ((2025, share(first, 100)), (2030, share(second, 100)))


# The sample district's 2025 figures.
BARS = (
    ShareBar("Thư viện cấp huyện phục vụ học tập suốt đời", share(1, 1), targets(100, 80)),
    ShareBar("Thư viện cấp xã phục vụ học tập suốt đời", share(3, 9), targets(20, 50)),
    ShareBar("Thư viện cơ sở giáo dục phục vụ học tập suốt đời", share(25, 35), targets(70, 80)),
    ShareBar("Thư viện cấp huyện thực hiện chuyển đổi số", share(1, 1), targets(100, 60)),
    ShareBar("Thư viện cấp xã thực hiện chuyển đổi số", share(2, 9), targets(10, 20)),
    ShareBar("Thư viện cơ sở giáo dục thực hiện chuyển đổi số", share(24, 35), targets(70, 80)),
    ShareBar("Thiết chế văn hóa có câu lạc bộ học tập suốt đời", share(36, 75), targets(50, 70)),
)
USES = (YearValue(2023, None), YearValue(2024, 219_427), YearValue(2025, 242_246))
SERIES = (
    Series("TV xã HTSĐ", ((2023, share(1, 9)), (2024, None), (2025, share(3, 9)))),
    Series("TV trường học HTSĐ", ((2023, share(20, 35)), (2024, share(22, 35)))),
)
CHARTS: list[tuple[Callable[[Any], bytes], Sequence[Any], tuple[int, int]]] = [
    (charts.share_chart, BARS, (1250, 712)),
    (charts.uses_chart, USES, (1250, 520)),
    (charts.period_chart, SERIES, (1250, 700)),
]
CHART_IDS = ["share", "uses", "period"]


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """The PNG's chunks as (type, data), each checked against its CRC."""
    assert png.startswith(PNG_SIGNATURE)
    found, at = [], len(PNG_SIGNATURE)
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + data) == crc
        found.append((kind, data))
        at += 12 + length
    return found


def drawn(draw: Callable[[Any], Figure], items: Sequence[Any]) -> Figure:
    """A chart's figure, drawn under the charts' own style as the PNG is."""
    with charts._style():
        figure = draw(items)
    figure.canvas.draw()
    return figure


def texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def digests() -> str:
    """SHA-256 of each sample chart, one per line: compared across processes."""
    return "\n".join(hashlib.sha256(chart(items)).hexdigest() for chart, items, _ in CHARTS)


@pytest.mark.parametrize(("chart", "items", "size"), CHARTS, ids=CHART_IDS)
def test_each_chart_is_a_png_of_its_fixed_size_without_text_chunks(chart, items, size):
    found = chunks(chart(items))
    kind, header = found[0]
    assert kind == b"IHDR"
    assert struct.unpack(">II", header[:8]) == size
    assert found[-1][0] == b"IEND"
    # No date, no "Software": nothing in the file but the picture and its resolution.
    assert {kind for kind, _ in found} <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}


def test_the_share_chart_grows_with_its_bars_but_keeps_its_width():
    found = chunks(charts.share_chart(BARS[:2]))
    assert struct.unpack(">II", found[0][1][:8]) == (1250, 332)


@pytest.mark.parametrize(("chart", "items", "size"), CHARTS, ids=CHART_IDS)
def test_the_same_input_gives_the_same_bytes_in_one_process(chart, items, size):
    first = chart(items)
    charts.period_chart(SERIES)  # another chart in between leaves nothing behind
    assert chart(items) == first


def test_the_same_input_gives_the_same_bytes_in_other_processes(tmp_path):
    here = digests()
    program = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        "import test_charts; print(test_charts.digests())"
    )
    # Fresh font caches, other hash seeds, and a user's matplotlibrc that the charts ignore.
    (tmp_path / "2").mkdir()
    (tmp_path / "2" / "matplotlibrc").write_text("axes.facecolor: 0.5\nxtick.labelsize: 20\n")
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "MPLCONFIGDIR": str(tmp_path / seed)}
        done = subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, check=True, env=env
        )
        assert done.stdout.strip() == here


def test_drawing_leaves_matplotlib_settings_as_they_were():
    before = dict(matplotlib.rcParams)
    charts.share_chart(BARS)
    assert dict(matplotlib.rcParams) == before


def test_importing_the_module_does_not_import_matplotlib():
    program = "import sys, reportgen.charts; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.stdout.strip() == "False"


def vietnamese_inputs(label: str) -> list[tuple[Callable[[Any], bytes], Sequence[Any]]]:
    return [
        (charts.share_chart, [ShareBar(label, share(1, 2), targets(40, 60))]),
        (charts.uses_chart, [YearValue(2025, 1)]),  # its own words: "chưa có số liệu", axis
        (charts.period_chart, [Series(label, ((2025, share(1, 2)),))]),
    ]


def missing_glyphs(chart: Callable[[Any], bytes], items: Sequence[Any]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chart(items)
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


@pytest.mark.parametrize("index", range(3), ids=CHART_IDS)
def test_vietnamese_letters_all_have_a_glyph(index):
    chart, items = vietnamese_inputs(VIETNAMESE)[index]
    assert missing_glyphs(chart, items) == []
    chart, items = vietnamese_inputs(VIETNAMESE + " 漢")[index]
    if chart is not charts.uses_chart:  # the check itself sees a glyph the font lacks
        assert any("Glyph" in message for message in missing_glyphs(chart, items))


def test_every_text_is_drawn_in_the_dejavu_sans_inside_matplotlib():
    figure = drawn(charts._draw_shares, [*BARS, ShareBar(VIETNAMESE, None)])
    fonts = {findfont(t.get_fontproperties()) for t in figure.findobj(Text) if t.get_text()}
    assert {Path(font).name for font in fonts} <= {"DejaVuSans.ttf", "DejaVuSans-Oblique.ttf"}
    assert all(Path(matplotlib.get_data_path()) in Path(font).parents for font in fonts)


def test_a_decomposed_label_draws_like_a_composed_one():
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    assert decomposed != VIETNAMESE
    bars = [ShareBar(decomposed, share(1, 2))], [ShareBar(VIETNAMESE, share(1, 2))]
    assert charts.share_chart(bars[0]) == charts.share_chart(bars[1])


def test_share_bars_print_their_values_and_mark_each_milestone_apart():
    figure = drawn(charts._draw_shares, BARS)
    ax = figure.axes[0]
    widths = [round(p.get_width(), 4) for p in ax.patches]
    assert widths == [1, 0.3333, 0.7143, 1, 0.2222, 0.6857, 0.48]
    values = " ".join(t.get_text() for t in ax.texts)
    assert values == "100,0% 33,3% 71,4% 100,0% 22,2% 68,6% 48,0%"
    ticks = ax.xaxis.get_major_formatter().format_ticks(list(ax.xaxis.get_majorticklocs()))
    assert ticks == ["0%", "20%", "40%", "60%", "80%", "100%"]
    legend = figure.legends[0]
    words = [t.get_text() for t in legend.get_texts()]
    assert words == ["Kết quả thực hiện", "Chỉ tiêu năm 2025", "Chỉ tiêu năm 2030"]
    marks = [(h.get_marker(), h.get_markerfacecolor()) for h in legend.legend_handles[1:]]
    assert len(set(marks)) == 2 and marks[0][0] != marks[1][0]
    assert ax.get_title() == "" and not figure.texts  # the report's caption names the chart


def test_long_labels_wrap_instead_of_running_off():
    figure = drawn(charts._draw_shares, BARS)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[2] == "Thư viện cơ sở giáo dục phục\nvụ học tập suốt đời"
    assert all(len(line) <= 30 for label in labels for line in label.split("\n"))


def test_a_share_without_data_has_no_bar_but_says_so():
    bars = [BARS[0], ShareBar("Thư viện cấp xã thực hiện chuyển đổi số", None, targets(10, 20))]
    ax = drawn(charts._draw_shares, bars).axes[0]
    assert [p.get_width() for p in ax.patches] == [1.0]
    assert [t.get_text() for t in ax.texts] == ["100,0%", "không có số liệu"]
    assert len(ax.lines) == 4  # its targets are still marked
    alone = charts.share_chart([ShareBar("Chưa thống kê", None)])
    assert chunks(alone)[0][0] == b"IHDR"


def test_uses_print_vietnamese_numbers_and_a_year_without_data_is_no_zero_bar():
    ax = drawn(charts._draw_uses, USES).axes[0]
    assert [p.get_height() for p in ax.patches] == [219_427, 242_246]
    assert [p.get_x() + p.get_width() / 2 for p in ax.patches] == [1, 2]
    assert [t.get_text() for t in ax.texts] == ["chưa có số liệu", "219.427", "242.246"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023", "2024", "2025"]
    ticks = ax.yaxis.get_major_formatter().format_ticks(list(ax.yaxis.get_majorticklocs()))
    assert "240.000" in ticks


def test_uses_with_no_year_of_data_are_an_empty_but_valid_chart():
    figure = drawn(charts._draw_uses, [YearValue(2024, None), YearValue(2025, None)])
    assert not figure.axes[0].patches
    assert texts(figure).count("chưa có số liệu") == 2
    assert chunks(charts.uses_chart([YearValue(2025, None)]))[-1][0] == b"IEND"


def test_period_lines_leave_a_gap_for_a_year_without_data():
    figure = drawn(charts._draw_period, SERIES)
    first, second = figure.axes[0].lines
    assert list(first.get_xdata()) == [2023, 2024, 2025]
    ys = list(first.get_ydata())
    assert ys[0] == pytest.approx(1 / 9) and math.isnan(ys[1]) and ys[2] == pytest.approx(1 / 3)
    assert math.isnan(list(second.get_ydata())[2])  # a year the series does not name is a gap
    assert (first.get_marker(), first.get_linestyle()) != (
        second.get_marker(),
        second.get_linestyle(),
    )
    assert [t.get_text() for t in figure.legends[0].get_texts()] == [
        "TV xã HTSĐ",
        "TV trường học HTSĐ",
    ]


@pytest.mark.parametrize(
    ("chart", "items"),
    [
        (charts.share_chart, []),
        (charts.uses_chart, []),
        (charts.period_chart, []),
        (charts.period_chart, [Series("Không có năm nào", ())]),
    ],
    ids=["share", "uses", "period", "period-without-years"],
)
def test_nothing_to_draw_is_a_clear_error(chart, items):
    with pytest.raises(ValueError, match="needs at least one"):
        chart(items)
