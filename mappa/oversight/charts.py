"""Charts for the board's pages and the annual report PDF: pygal SVG, made safe for the site.

Every chart is a `Figure`: the same numbers make the chart and the data table beside it. The SVG
goes inline in the page, so the Content Security Policy (no inline styles or scripts) must hold:
pygal's embedded stylesheet and script are removed and its look is given back as presentation
attributes (fill, stroke, font), which are not styles. The chart is one image to assistive
technology (role="img"), named by its <title> and described by its <desc>.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.safestring import SafeString, mark_safe

# GOV.UK Design System colours: blue, purple, green, orange, dark grey, red.
PALETTE = ("#1d70b8", "#4c2c92", "#00703c", "#f47738", "#505a5f", "#d4351c")
TEXT, GRID = "#0b0c0c", "#b1b4b6"
# pygal's chart class for each kind, by name: pygal is imported only when a chart is drawn, so
# commands that never draw one (`mappa report annual --format json`) do not load it
KINDS = {
    "bar": "Bar",
    "stacked": "StackedBar",
    "line": "Line",
    "horizontal": "HorizontalBar",
    "horizontal_stacked": "HorizontalStackedBar",
}


@dataclass(frozen=True)
class Figure:
    """A chart and its data table: one row per label, one column per series."""

    id: str
    title: str
    description: str
    label_heading: str
    labels: list[str]
    series: list[tuple[str, list[float | int | None]]]
    kind: str = "bar"
    percent: bool = False
    colours: tuple[str, ...] = PALETTE
    notes: list[str] = field(default_factory=list)

    totals: bool = False  # the data table adds a total column and a total row
    short_labels: list[str] | None = None  # shorter labels for the chart's axis

    @property
    def headings(self) -> list[str]:
        names = [name for name, _ in self.series]
        return [self.label_heading, *names, *(["Total"] if self.totals else [])]

    @property
    def rows(self) -> list[list]:
        rows = [[values[i] for _, values in self.series] for i in range(len(self.labels))]
        if self.totals and rows:
            rows = [row + [sum(v or 0 for v in row)] for row in rows]
            rows.append([sum(row[i] or 0 for row in rows) for i in range(len(rows[0]))])
        labels = self.labels + (["Total"] if self.totals and self.labels else [])
        return [[label, *row] for label, row in zip(labels, rows, strict=True)]

    @cached_property
    def svg(self) -> SafeString:
        return mark_safe(render(self))


def _horizontal(figure: Figure) -> bool:
    return figure.kind.startswith("horizontal")


def _y_labels(figure: Figure) -> list[float]:
    if figure.percent:
        return [0, 20, 40, 60, 80, 100]
    values = [v for _, series in figure.series for v in series if v is not None]
    if figure.kind.endswith("stacked"):
        values = [
            sum(v or 0 for _, s in figure.series for v in [s[i]]) for i in range(len(figure.labels))
        ]
    top = max(values, default=0)
    step = max(1, math.ceil(top / 5))
    return list(range(0, max(step, math.ceil(top / step) * step) + 1, step))


def _chart(figure: Figure):
    import pygal

    style = pygal.style.Style(colors=figure.colours, font_family="arial, sans-serif")
    chart = getattr(pygal, KINDS[figure.kind])(
        js=[],
        disable_xml_declaration=True,
        width=800,
        height=max(240, 32 * len(figure.labels) + 100) if _horizontal(figure) else 360,
        style=style,
        legend_at_bottom=True,
        legend_at_bottom_columns=min(4, max(1, len(figure.series))),
        show_legend=len(figure.series) > 1,
        y_labels=_y_labels(figure),
        include_x_axis=True,
        truncate_label=-1,
        truncate_legend=-1,
        show_dots=figure.kind == "line",
        margin=16,
    )
    # A horizontal chart draws its first label at the bottom: reverse so it reads top down.
    order = slice(None, None, -1) if _horizontal(figure) else slice(None)
    chart.x_labels = (figure.short_labels or figure.labels)[order]
    for name, values in figure.series:
        chart.add(name, values[order])
    return chart


def _classes(element) -> set[str]:
    return set(element.get("class", "").split())


def _strip(element) -> None:
    """Remove pygal's stylesheet, script, tooltips, comments, titles and tooltip data."""
    for child in list(element):
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("defs", "title", "desc", "") or "tooltip-overlay" in _classes(child):
            element.remove(child)
            continue
        child.attrib.pop("style", None)
        child.attrib.pop("id", None)
        _strip(child)


def _text(element, classes: set[str], axis: str) -> None:
    element.set("fill", TEXT)
    anchor = {"x": "middle", "y": "end"}.get(axis, "middle" if "title" in classes else "")
    if anchor:
        element.set("text-anchor", anchor)
    if "title" in classes:
        element.set("font-size", "18")
        element.set("font-weight", "bold")


def _paint(element, colours, hidden: str, axis: str = "") -> None:
    """Give back pygal's look as presentation attributes; `hidden` names the axis whose guide
    lines pygal's stylesheet hides (x on vertical charts, y on horizontal ones)."""
    for child in element:
        classes = _classes(child)
        for token in classes:
            if token.startswith("color-"):
                colour = colours[int(token.removeprefix("color-")) % len(colours)]
                child.set("fill", colour)
                child.set("stroke", colour)
        if "nofill" in classes:
            child.set("fill", "none")
            child.set("stroke-width", "3")
        if "background" in classes:
            child.set("fill", "#ffffff")
        if child.tag == "path" and "line" in classes and "nofill" not in classes:
            child.set("fill", "none")
            guide = "guide" in classes
            child.set("stroke", "none" if guide and axis == hidden else (GRID if guide else TEXT))
        if child.tag == "text":
            _text(child, classes, axis)
        if "axis" in classes:
            _paint(child, colours, hidden, "x" if "x" in classes else "y")
        else:
            _paint(child, colours, hidden, axis)


def render(figure: Figure) -> str:
    tree = _chart(figure).render_tree()
    _strip(tree)
    _paint(tree, figure.colours, "y" if _horizontal(figure) else "x")
    tree.attrib.pop("id", None)
    tree.set("id", figure.id)
    tree.set("class", "mappa-chart")
    tree.set("role", "img")
    tree.set("aria-labelledby", f"{figure.id}-title {figure.id}-desc")
    tree.set("font-family", "arial, sans-serif")
    tree.set("font-size", "14")
    title = ET.Element("title", {"id": f"{figure.id}-title"})
    title.text = figure.title
    desc = ET.Element("desc", {"id": f"{figure.id}-desc"})
    desc.text = f"{figure.description} The data table after the chart gives every figure."
    tree.insert(0, desc)
    tree.insert(0, title)
    return ET.tostring(tree, encoding="unicode")
