"""Charts for the report, drawn in black and grey so a photocopy keeps them: PNG bytes."""

from __future__ import annotations

import io
import math
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

from . import fmt

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from matplotlib.axes import Axes
    from matplotlib.axis import XAxis, YAxis
    from matplotlib.figure import Figure

T = TypeVar("T")

# 6,25 in = 15,9 cm: the text width of an A4 page with 30 mm and 20 mm side margins.
WIDTH_INCHES = 6.25
DPI = 200
# The DejaVu Sans that ships inside matplotlib has every Vietnamese glyph on any machine;
# the style is applied over matplotlib's defaults, so a user's matplotlibrc changes nothing.
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": "black",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
}
_BAR: dict[str, Any] = {"facecolor": "0.72", "edgecolor": "black", "linewidth": 0.6}
_HEIGHT = 0.5
_TARGET_MARKS = (("v", "black"), ("D", "white"), ("s", "0.5"), ("^", "white"), ("o", "black"))
_LINE_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_LINE_STYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (8, 2)))
NO_SHARE = "không có số liệu"
NO_USES = "chưa có số liệu"


@dataclass(frozen=True)
class ShareBar:
    """One share indicator: its label, its value and its target at each milestone year."""

    label: str
    value: Fraction | None
    targets: tuple[tuple[int, Fraction], ...] = ()


@dataclass(frozen=True)
class YearValue:
    """A count for one year, None when the year has no data."""

    year: int
    value: int | None


@dataclass(frozen=True)
class Series:
    """One share indicator's values over the years; None where a year has no data."""

    label: str
    points: tuple[tuple[int, Fraction | None], ...]


def share_chart(bars: Sequence[ShareBar]) -> bytes:
    """Horizontal bars of share indicators with their milestone targets marked."""
    return _render(_draw_shares, bars)


def uses_chart(points: Sequence[YearValue]) -> bytes:
    """Bars of library uses by year, a year with no data labelled instead of drawn as 0."""
    return _render(_draw_uses, points)


def period_chart(series: Sequence[Series]) -> bytes:
    """Each share indicator's value over the plan period's years, gaps where data is missing."""
    return _render(_draw_period, series)


def _render(draw: Callable[[Sequence[T]], Figure], items: Sequence[T]) -> bytes:
    """The PNG of a drawing: fixed size, no timestamp nor software version, same bytes each run."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with _style():
        figure = draw(items)
        FigureCanvasAgg(figure)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _style() -> AbstractContextManager[None]:
    """A context in which matplotlib's defaults plus this module's style hold."""
    import matplotlib.style

    return matplotlib.style.context(_STYLE, after_reset=True)


def _figure(height_inches: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH_INCHES, height_inches), dpi=DPI, layout="constrained")


def _text(label: str, width: int) -> str:
    """A label composed (NFC), so a label typed decomposed draws and wraps the same; wrapped."""
    return textwrap.fill(unicodedata.normalize("NFC", label), width=width)


def _percent_tick(value: float, _position: float) -> str:
    return fmt.target(Fraction(round(value * 1000), 1000))


def _integer_tick(value: float, _position: float) -> str:
    return fmt.integer(round(value))


def _note(
    ax: Axes, text: str, xy: tuple[float, float], offset: tuple[float, float], **style: Any
) -> None:
    """Words at a point of the data, shifted by a few points so they clear the bar or axis."""
    ax.annotate(text, xy, xytext=offset, textcoords="offset points", **style)


def _target_mark(index: int) -> dict[str, Any]:
    """The index-th milestone's mark, told apart by shape and fill, never by colour."""
    marker, face = _TARGET_MARKS[index % len(_TARGET_MARKS)]
    return dict(
        linestyle="none", marker=marker, markersize=6, markerfacecolor=face, markeredgecolor="black"
    )


def _share_axis(axis: XAxis | YAxis, top: float) -> None:
    """Shares from 0 to the top, ticked every 20% as `40%`, with faint grid lines."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    axis.set_major_locator(FixedLocator([i / 5 for i in range(int(top * 5) + 1)]))
    axis.set_major_formatter(FuncFormatter(_percent_tick))
    axis.grid(True, color="0.8", linewidth=0.5, linestyle=":")


def _draw_shares(bars: Sequence[ShareBar]) -> Figure:
    """The share chart's figure; a bar without data is not drawn but says so."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.transforms import offset_copy

    if not bars:
        raise ValueError("share_chart needs at least one ShareBar")
    years = sorted({year for bar in bars for year, _ in bar.targets})
    figure = _figure(0.9 + 0.38 * len(bars))
    ax = figure.add_subplot()
    # Target marks sit just above the bar's top edge, clear of the value printed at its end.
    above = offset_copy(ax.transData, fig=figure, y=3.5, units="points")
    for row, bar in enumerate(bars):
        if bar.value is None:
            _note(ax, NO_SHARE, (0, row), (4, 0), va="center", style="italic")
        else:
            ax.barh(row, float(bar.value), height=_HEIGHT, **_BAR)
            _note(ax, fmt.percent(bar.value), (float(bar.value), row), (4, 0), va="center")
        for year, target in bar.targets:
            mark = _target_mark(years.index(year))
            ax.plot([float(target)], [row - _HEIGHT / 2], transform=above, zorder=3, **mark)
    shares = [float(b.value) for b in bars if b.value is not None]
    top = max([1.0, *shares, *(float(t) for b in bars for _, t in b.targets)])
    ax.set_xlim(0, top * 1.16)
    _share_axis(ax.xaxis, top)
    ax.set_axisbelow(True)
    ax.set_yticks(range(len(bars)), labels=[_text(bar.label, 30) for bar in bars])
    ax.set_ylim(len(bars) - 0.5, -0.75)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Tỷ lệ")
    handles: list[Patch | Line2D] = [Patch(label="Kết quả thực hiện", **_BAR)]
    handles += [
        Line2D([], [], label=f"Chỉ tiêu năm {year}", **_target_mark(i))
        for i, year in enumerate(years)
    ]
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles))
    return figure


def _draw_uses(points: Sequence[YearValue]) -> Figure:
    """The uses chart's figure; a year without data has a label and no bar."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if not points:
        raise ValueError("uses_chart needs at least one YearValue")
    figure = _figure(2.6)
    ax = figure.add_subplot()
    for column, point in enumerate(points):
        if point.value is None:
            words = NO_USES if len(points) <= 6 else _text(NO_USES, 8)
            _note(ax, words, (column, 0), (0, 4), ha="center", va="bottom", style="italic")
        else:
            ax.bar(column, point.value, width=0.6, **_BAR)
            label = fmt.integer(point.value)
            _note(ax, label, (column, point.value), (0, 3), ha="center", va="bottom")
    ax.set_xticks(range(len(points)), labels=[str(p.year) for p in points])
    ax.set_xlim(-0.6, len(points) - 0.4)
    top = max((p.value for p in points if p.value is not None), default=0)
    if top > 0:
        ax.set_ylim(0, top * 1.15)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(_integer_tick))
        ax.yaxis.grid(True, color="0.8", linewidth=0.5, linestyle=":")
        ax.set_axisbelow(True)
    else:
        ax.set_yticks([])
    ax.set_ylabel("Lượt sử dụng")
    return figure


def _draw_period(series: Sequence[Series]) -> Figure:
    """The period chart's figure; a year without data leaves a gap in its line."""
    years = sorted({year for one in series for year, _ in one.points})
    if not years:
        raise ValueError("period_chart needs at least one Series with at least one year")
    figure = _figure(3.5)
    ax = figure.add_subplot()
    top = 1.0
    for index, one in enumerate(series):
        values = dict(one.points)
        ys = [math.nan if (v := values.get(y)) is None else float(v) for y in years]
        top = max([top, *(y for y in ys if not math.isnan(y))])
        # NaN breaks the line: a year without data is a gap, not a dip to 0.
        ax.plot(
            years,
            ys,
            label=_text(one.label, 34),
            color="black",
            linewidth=1.1,
            linestyle=_LINE_STYLES[index % len(_LINE_STYLES)],
            marker=_LINE_MARKERS[index % len(_LINE_MARKERS)],
            markersize=5,
            markerfacecolor="white" if index % 2 else "black",
            markeredgecolor="black",
        )
    ax.set_xticks(years, labels=[str(year) for year in years])
    ax.set_xlim(years[0] - 0.4, years[-1] + 0.4)
    ax.set_ylim(0, top * 1.06)
    _share_axis(ax.yaxis, top)
    ax.set_ylabel("Tỷ lệ")
    figure.legend(loc="outside lower center", ncols=2, handlelength=3.5)
    return figure
