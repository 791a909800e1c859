"""Fill the clerk's Word template with a context and return reproducible .docx bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, TemplateError, TemplateSyntaxError

from .errors import ReportgenError
from .files import stable_zip
from .fmt import printable

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CHART_WIDTH_MM = 140  # inside the 35/20 mm margins of an A4 page


def clean(value: Any) -> Any:
    """The same value with no XML-illegal control or invisible format character in any string."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(item) for item in value]
    return value


class _Environment(Environment):
    """Jinja's environment, compiling a part's XML from the tree parsed when it was checked."""

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self.trees: dict[str, Any] = {}  # a part's source -> its parsed template

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        return super().from_string(self.trees.get(source, source), *args, **kwargs)


def _environment() -> _Environment:
    return _Environment()


_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LISTING = re.compile("<w:t[ >][^<]*[\t\n\a\f]")  # a tab, line break, \a or \f in a text
_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
# docxtpl's tags that add, remove or widen a table's cells: {%tc for %}, {#tc #}, {% hm %},
# {% colspan n %}; after them the table's grid must be made to fit its rows.
_CELL_TAGS = re.compile(r"\{[%{#]tc |\{%\s*(?:hm|colspan)\b")
_XML_TAG = re.compile(r"<[^>]*>")


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, patched and parsed once, its body moved in in linear time."""

    def __init__(self, template_file: str) -> None:
        super().__init__(template_file)
        self.patched: dict[str, str] = {}
        self.cell_tags = False  # whether some part has a tag that changes a table's cells

    def patch_xml(self, src_xml: str) -> str:
        # docxtpl cleans Word's runs out of the tags with regular expressions over the whole
        # part, once for the template check and again for the render: the second is a lookup.
        if src_xml not in self.patched:
            self.patched[src_xml] = super().patch_xml(src_xml)
            # The tags are looked for in the part's text, where Word's runs do not split them.
            self.cell_tags |= bool(_CELL_TAGS.search(_XML_TAG.sub("", src_xml)))
        return self.patched[src_xml]

    def get_undeclared_template_variables(
        self, jinja_env: Any = None, context: Any = None
    ) -> set[str]:
        # docxtpl's own opens the package a second time and parses the parts joined; this
        # parses each part as the render will (same source, docxtpl.render_xml_part's line
        # breaks) and keeps the trees in the environment, so the render compiles them unparsed.
        from jinja2 import meta

        env = jinja_env if jinja_env is not None else _environment()
        sources = [self.get_xml()] + [
            self.get_part_xml(part)
            for uri in (self.HEADER_URI, self.FOOTER_URI)
            for _key, part in self.get_headers_footers(uri)
        ]
        names: set[str] = set()
        for source in sources:
            xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", self.patch_xml(source))
            tree = env.parse(xml)
            if isinstance(env, _Environment):
                env.trees[xml] = tree
            names |= meta.find_undeclared_variables(tree)
        return names - set(context or ())

    def map_tree(self, tree: Any) -> None:
        # docxtpl marks every text that held a tag xml:space="preserve", and lxml's replace()
        # below slows down more than linearly with the elements carrying it (2,5 s of a
        # 3.300-locality roll-up). Only texts with a leading, trailing or double space need it.
        for text in tree.iter(_TEXT):
            value = text.text or ""
            if _SPACE in text.attrib and value == value.strip() and "  " not in value:
                del text.attrib[_SPACE]
        super().map_tree(tree)

    def fix_tables(self, xml: str) -> Any:
        # docxtpl walks every row of every table to fit the grid to cells added or removed by
        # {%tc %} and the like; a template with none of them needs only the parse (1,4 s of
        # 140.000 cells saved), one where the clerk added some gets docxtpl's whole walk.
        if self.cell_tags:
            return super().fix_tables(xml)
        from lxml import etree

        return etree.fromstring(xml, parser=etree.XMLParser(recover=True))

    def resolve_listing(self, xml: str) -> str:
        # docxtpl turns tabs, line breaks and \a, \f in texts into Word's own marks with a
        # regular expression over every paragraph; skip that pass when there are none.
        return super().resolve_listing(xml) if _LISTING.search(xml) else xml


def _open(template: Path) -> DocxTemplate:
    if not template.is_file():
        raise ReportgenError(f"Không tìm thấy mẫu báo cáo {template.as_posix()}.")
    if not zipfile.is_zipfile(template):
        raise ReportgenError(
            f"Mẫu báo cáo {template.as_posix()} không phải tệp Word (.docx); "
            "hãy mở bằng Word và lưu lại dạng .docx."
        )
    try:
        doc = _Template(str(template))
        doc.init_docx()
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise ReportgenError(
            f"Không mở được mẫu báo cáo {template.as_posix()} ({exc}); hãy lưu lại bằng Word."
        ) from None
    return doc


def _paragraph_texts(doc: DocxTemplate) -> list[str]:
    """The visible text of every paragraph of the body, headers and footers."""
    docx = doc.docx
    parts = [docx.part] + [rel.target_part for rel in docx.part.rels.values()]
    texts = []
    for part in parts:
        element = getattr(part, "element", None)
        if element is None:
            continue
        for p in element.iter(qn("w:p")):
            texts.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return texts


def _bad_tag(doc: DocxTemplate) -> str:
    """The first tag (or paragraph) that does not parse on its own, for the clerk to find."""
    env = _environment()
    for text in _paragraph_texts(doc):
        if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
            return text
        for tag in re.findall(r"\{\{.*?\}\}", text):
            try:
                env.parse(tag)
            except TemplateSyntaxError:
                return str(tag)
    return ""


def check_template(
    template: Path, context: dict[str, Any], env: Environment | None = None
) -> DocxTemplate:
    """Open the template and fail with a Vietnamese message if a tag is broken or unknown."""
    doc = _open(template)
    name = template.as_posix()
    try:
        unknown = doc.get_undeclared_template_variables(env or _environment(), context)
    except TemplateSyntaxError as exc:
        bad = _bad_tag(doc)
        where = f" ở “{bad[:200]}”" if bad else ""
        raise ReportgenError(
            f"Mẫu báo cáo {name} có thẻ viết sai{where} ({exc.message}). "
            "Hãy sửa thẻ {{ … }} hoặc {% … %} trong Word cho đúng."
        ) from None
    if unknown:
        tags = ", ".join("{{ " + tag + " }}" for tag in sorted(unknown))
        raise ReportgenError(
            f"Mẫu báo cáo {name} dùng thẻ không có trong dữ liệu: {tags}. "
            "Hãy sửa lại tên thẻ hoặc xóa thẻ đó trong Word."
        )
    return doc


def _set_properties(doc: DocxTemplate, context: dict[str, Any]) -> None:
    """Title, author and dates from the context, never from the clock."""
    stamp = date.fromisoformat(str(context.get("report_date", "1980-01-01")))
    when = datetime(stamp.year, stamp.month, stamp.day)
    props = doc.docx.core_properties
    props.title = str(context.get("document_title", ""))
    props.author = props.last_modified_by = str(context.get("issuing_body_name", ""))
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1
    props.comments = ""  # python-docx's stock "generated by python-docx"
    package = doc.docx.part.package
    for key, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's stock thumbnail, not this document's
            del package.rels[key]


def _stable_zip(data: bytes, template: Path) -> bytes:
    """Rewrite the package with fixed entry times, in the template's entry order."""
    with zipfile.ZipFile(template) as tpl:
        order = {name: i for i, name in enumerate(tpl.namelist())}
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = sorted(src.namelist(), key=lambda n: (order.get(n, len(order)), n))
        return stable_zip(((name, src.read(name)) for name in names), _ZIP_TIME)


def render_report(context: dict[str, Any], template: Path) -> bytes:
    """The report .docx filled from `context`, byte-identical for the same inputs."""
    context = clean(context)
    env = _environment()
    doc = check_template(template, context, env)
    charts = [*context.get("charts", ()), *context.get("period_charts", ())]
    for chart in charts:  # PNG bytes become pictures of this document
        chart["image"] = InlineImage(doc, io.BytesIO(chart.pop("png")), width=Mm(CHART_WIDTH_MM))
    try:
        doc.render(context, env, autoescape=True)
    except (TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise ReportgenError(
            f"Không điền được mẫu báo cáo {template.as_posix()}: {exc}. "
            "Hãy kiểm tra các thẻ {{ … }} và {% … %} trong mẫu."
        ) from None
    _set_properties(doc, context)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue(), template)
