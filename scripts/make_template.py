"""Build templates/bao-cao.docx, the report's Word template (run once; the output is committed)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
CENTER, RIGHT, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
BODY, HEADING, TABLE_TEXT = "Nội dung báo cáo", "Đề mục báo cáo", "Chữ trong bảng"
OUT = Path(__file__).resolve().parents[1] / "templates" / "bao-cao.docx"
# The copy `reportgen init` gives a new workspace (a test keeps the two equal).
PACKAGED = (
    Path(__file__).resolve().parents[1] / "reportgen" / "profiles" / "common" / "bao-cao.docx"
)


def set_rfonts(rpr) -> None:
    """Times New Roman on every script slot, replacing any theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), FONT)


def setup_styles(doc) -> None:
    """Times New Roman, black, on the defaults and on every style of the document."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    set_rfonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            style.font.name = FONT
            set_rfonts(style.element.get_or_add_rPr())
            style.font.color.rgb = BLACK
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    for name, bold, size in ((BODY, False, 14), (HEADING, True, 14), (TABLE_TEXT, False, 12)):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), bold
        set_rfonts(style.element.get_or_add_rPr())
        style.font.color.rgb = BLACK
        pf = style.paragraph_format
        if name == TABLE_TEXT:
            pf.space_before, pf.space_after = Pt(2), Pt(2)
            continue
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.first_line_indent = Cm(1.27)
        pf.space_after = Pt(6)
        pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.MULTIPLE, 1.1
        pf.keep_with_next = bold
    doc.styles[HEADING].base_style = doc.styles[BODY]


def para(where, text="", size=14, bold=False, italic=False, align=CENTER, style=None, after=0):
    """A paragraph with one run formatted explicitly (Times New Roman on the run too)."""
    p = where.add_paragraph(style=style)
    if style is None:
        p.alignment = align
        p.paragraph_format.space_after = Pt(after)
    if text:
        run = p.add_run(text)
        run.font.name, run.font.size = FONT, Pt(size)
        run.bold, run.italic = bold or None, italic or None
        set_rfonts(run._r.get_or_add_rPr())
    return p


def body(doc, text, style=BODY):
    """A body paragraph in one of the report's styles."""
    return para(doc, text, style=style)


def loop(where, head, lines, size=14, style=BODY, **kw):
    """`{%p for ... %}` / the repeated paragraph(s) / `{%p endfor %}`."""
    para(where, "{%p " + head + " %}", size=size, align=LEFT)
    for line in lines:
        para(where, line, size=size, style=style, **kw)
    para(where, "{%p endfor %}", size=size, align=LEFT)


def rule(where, width_cm, room_cm):
    """A solid rule `width_cm` long, centred in `room_cm`: a bordered empty paragraph."""
    p = para(where, size=2)
    side = Cm((room_cm - width_cm) / 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = side
    run = p.add_run()
    run.font.size = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(
        borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"
    )
    return p


def no_borders(table) -> None:
    """Remove every border of a layout table."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def widths(table, cms, indent_cm=0.0) -> None:
    """Fixed column widths (and a left indent) so Word and LibreOffice lay it out alike."""
    table.autofit = False
    for row in table.rows:
        for cell, cm in zip(row.cells, cms, strict=True):
            cell.width = Cm(cm)
    grid = table._tbl.tblGrid
    for col, cm in zip(grid.findall(qn("w:gridCol")), cms, strict=True):
        col.set(qn("w:w"), str(int(Cm(cm).twips)))
    if indent_cm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(int(Cm(indent_cm).twips)))
        ind.set(qn("w:type"), "dxa")
        table._tbl.tblPr.append(ind)


def drop_first(cell) -> None:
    cell._tc.remove(cell.paragraphs[0]._p)


def header_block(doc) -> None:
    """The issuing body / national motto table, then Số and place-date."""
    table = doc.add_table(rows=2, cols=2)
    no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    loop(left, "for line in superior_body", ["{{ line }}"], 12, None)
    loop(left, "for line in issuing_body", ["{{ line }}"], 13, None, bold=True)
    rule(left, 2.0, 6.75 - 0.38)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    para(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    rule(right, 5.7, 10.0 - 0.38)
    para(table.cell(1, 0), "Số: {{ document_number }}/BC-{{ issuing_body_abbr }}", 13)
    para(table.cell(1, 1), "{{ place_date }}", 13, italic=True)
    for cell in (left, right, table.cell(1, 0), table.cell(1, 1)):
        drop_first(cell)
    for cell in (table.cell(1, 0), table.cell(1, 1)):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)
    widths(table, [6.75, 10.0], indent_cm=-0.6)


def grid_table(doc, columns, rows_var, cells, totals=(), size=12):
    """A bordered table: bold header repeated on each page, a `{%tr for %}` row, total rows."""
    table = doc.add_table(rows=0, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    def add_row(texts, bold=False, aligns=None, keep=False):
        row = table.add_row()
        for i, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            for n, line in enumerate(text.split("\n")):  # "\n": a paragraph each, for {%p %}
                p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                p.style = doc.styles[TABLE_TEXT]
                p.alignment = aligns[i] if aligns else CENTER
                p.paragraph_format.keep_with_next = keep or None
                if line:
                    run = p.add_run(line)
                    run.font.name, run.font.size, run.bold = FONT, Pt(size), bold or None
                    set_rfonts(run._r.get_or_add_rPr())
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never breaks
        return row

    header = add_row([c[0] for c in columns], bold=True)
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    aligns = [c[2] for c in columns]
    blank = [""] * (len(columns) - 1)
    # With totals, the last row is kept with them (Word and LibreOffice both honour "keep with
    # next" in a row), so a "Tổng cộng" row never stands alone at the top of a page.
    loops = (
        [(rows_var + "[:-1]", False), (rows_var + "[-1:]", True)] if totals else [(rows_var, False)]
    )
    for rows, keep in loops:
        add_row(["{%tr for r in " + rows + " %}"] + blank)
        add_row(cells, aligns=aligns, keep=keep)
        add_row(["{%tr endfor %}"] + blank)
    for n, total in enumerate(totals, start=1):
        add_row(total, bold=True, aligns=[CENTER, LEFT] + aligns[2:], keep=n < len(totals))
    widths(table, [c[1] for c in columns])
    return table


def chart_loop(doc, var) -> None:
    """Each chart of `var`: its picture, kept with its numbered caption below."""
    para(doc, "{%p for c in " + var + " %}", align=LEFT)
    picture = para(doc, "{{ c.image }}", 13)
    picture.paragraph_format.space_before = Pt(6)
    picture.paragraph_format.keep_with_next = True
    para(doc, "{{ c.caption }}", 13, italic=True, after=6)
    para(doc, "{%p endfor %}", align=LEFT)


def body_part(doc) -> None:
    """Title, Kính gửi and sections I-V, ending with ./."""
    para(doc, "BÁO CÁO", 14, bold=True).paragraph_format.space_before = Pt(18)
    para(doc, "{{ summary }}", 14, bold=True)
    rule(doc, 3.5, 15.5)
    para(doc, "Kính gửi: {{ recipient }}.", 14, after=12).paragraph_format.space_before = Pt(12)
    body(doc, "{{ opening }}")
    body(doc, "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", HEADING)
    loop(doc, "for p in direction", ["{{ p }}"])
    body(doc, "II. KẾT QUẢ THỰC HIỆN", HEADING)
    body(doc, "1. Kết quả thực hiện các chỉ tiêu", HEADING)
    body(doc, "{{ indicators_intro }}")
    columns = [
        ("STT", 1.4, CENTER),
        ("Chỉ tiêu", 5.9, LEFT),
        ("Kế hoạch năm {{ milestone }}", 2.3, CENTER),
        ("Kết quả", 2.9, CENTER),
        ("Đánh giá", 3.0, CENTER),
    ]
    cells = ["{{ r.stt }}", "{{ r.name }}", "{{ r.plan }}", "{{ r.result }}", "{{ r.assessment }}"]
    grid_table(doc, columns, "indicators", cells, size=12)
    para(doc, size=6)
    loop(doc, "for p in indicator_sentences", ["{{ p }}"])
    chart_loop(doc, "charts")
    body(doc, "2. Kết quả thực hiện các nhiệm vụ, giải pháp", HEADING)
    para(doc, "{%p for g in task_groups %}", align=LEFT)
    body(doc, "{{ g.heading }}: {{ g.text }}")
    loop(doc, "for item in g.points", ["{{ item }}"])
    para(doc, "{%p endfor %}", align=LEFT)
    body(doc, "3. Kinh phí thực hiện", HEADING)
    loop(doc, "for p in funding_sentences", ["{{ p }}"])
    para(doc, "{%p if review %}", align=LEFT)
    body(doc, "{{ period_heading }}", HEADING)
    body(doc, "{{ period_intro }}")
    grid_table(
        doc,
        [("STT", 1.2, CENTER), ("Chỉ tiêu", 6.6, LEFT), ("Kết quả qua các năm", 4.6, LEFT),
         ("Chỉ tiêu theo mốc", 3.2, LEFT)],
        "period_indicators",
        ["{{ r.stt }}", "{{ r.name }}", "{%p for y in r.years %}\n{{ y }}\n{%p endfor %}",
         "{%p for t in r.targets %}\n{{ t }}\n{%p endfor %}"],
        size=12,
    )  # fmt: skip
    para(doc, size=6)
    grid_table(
        doc,
        [("Năm", 1.5, CENTER), ("Đơn vị báo cáo", 2.0, CENTER),
         ("Lượt sử dụng thư viện", 2.5, RIGHT), ("Hoạt động", 1.8, RIGHT),
         ("Lượt tham gia", 2.3, RIGHT), ("NSNN (đồng)", 2.8, RIGHT),
         ("Xã hội hóa (đồng)", 2.6, RIGHT)],
        "period_years",
        ["{{ r.year }}", "{{ r.units }}", "{{ r.uses }}", "{{ r.activities }}",
         "{{ r.participants }}", "{{ r.state }}", "{{ r.social }}"],
        totals=[["Cả giai đoạn", "", "", "{{ period_total.activities }}",
                 "{{ period_total.participants }}", "{{ period_total.state }}",
                 "{{ period_total.social }}"]],
        size=11,
    )  # fmt: skip
    chart_loop(doc, "period_charts")
    para(doc, "{%p endif %}", align=LEFT)
    body(doc, "III. ĐÁNH GIÁ CHUNG", HEADING)
    for number, title, var in (
        (1, "Ưu điểm", "strengths"),
        (2, "Tồn tại, hạn chế", "shortcomings"),
        (3, "Nguyên nhân", "causes"),
    ):
        body(doc, f"{number}. {title}", HEADING)
        loop(doc, f"for p in {var}", ["{{ p }}"])
    para(doc, "{%p if lessons %}", align=LEFT)
    body(doc, "4. Bài học kinh nghiệm", HEADING)
    loop(doc, "for p in lessons", ["{{ p }}"])
    para(doc, "{%p endif %}", align=LEFT)
    body(doc, "{{ directions_heading }}", HEADING)
    loop(doc, "for p in directions", ["{{ p }}"])
    body(doc, "V. ĐỀ XUẤT, KIẾN NGHỊ", HEADING)
    loop(doc, "for p in proposals", ["{{ p }}"])
    loop(doc, "for p in commendations", ["{{ p }}"])
    body(doc, "{{ closing_sentence }}./.").paragraph_format.keep_with_next = True


def closing_block(doc) -> None:
    """Nơi nhận on the left, the signer on the right, never split from each other or the end."""
    para(doc, size=6).paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    loop(left, "for r in recipients", ["{{ r }}"], 11, None, align=LEFT)
    loop(right, "for line in signer_authority", ["{{ line }}"], 14, None, bold=True)
    para(right, "{{ signer_title }}", 14, bold=True)
    for _ in range(5):
        para(right, size=14)
    para(right, "{{ signer_name }}", 14, bold=True)
    drop_first(left)
    drop_first(right)
    widths(table, [7.0, 9.0], indent_cm=-0.2)


def page_number(section) -> None:
    """Page numbers centred in the header, none on the section's first page."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2")):
        run = p.add_run()
        run.font.name, run.font.size = FONT, Pt(13)
        set_rfonts(run._r.get_or_add_rPr())
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    p.add_run()._r.append(end)


def page_setup(section, landscape=False) -> None:
    """A4 with the official margins, portrait or landscape."""
    long_side, short_side = Cm(29.7), Cm(21.0)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (long_side, short_side) if landscape else (short_side, long_side)
    )
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.5), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1.0)
    page_number(section)


def appendix(doc) -> None:
    """Phụ lục on landscape pages, numbered from 1: six tables."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape=True)
    start = OxmlElement("w:pgNumType")
    start.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(start, "w:cols", "w:formProt", "w:vAlign", "w:titlePg")
    para(doc, "Phụ lục", 14, bold=True)
    para(doc, "{{ appendix_title }}", 14, bold=True)
    para(
        doc,
        "(Kèm theo Báo cáo số {{ document_number }}/BC-{{ issuing_body_abbr }} "
        "{{ document_date_long }} của {{ issuing_body_name }})",
        14,
        italic=True,
        after=12,
    )

    def caption(text):
        fmt = para(doc, text, 13, bold=True, align=LEFT, after=6).paragraph_format
        fmt.space_before, fmt.keep_with_next = Pt(12), True

    caption("Biểu 1. Kết quả thực hiện các chỉ tiêu so với mốc năm {{ milestone }}")
    grid_table(
        doc,
        [("STT", 1.2, CENTER), ("Chỉ tiêu", 9.0, LEFT), ("Đạt yêu cầu", 2.4, RIGHT),
         ("Tổng số", 2.4, RIGHT), ("Kết quả", 3.0, CENTER), ("Kế hoạch", 2.2, CENTER),
         ("Đánh giá", 4.0, CENTER)],
        "indicators",
        ["{{ r.stt }}", "{{ r.name }}", "{{ r.numerator }}", "{{ r.denominator }}",
         "{{ r.result }}", "{{ r.plan }}", "{{ r.assessment }}"],
    )  # fmt: skip
    caption("Biểu 2. Số liệu của từng {{ unit_word }}")
    unit_fields = ["libraries", "libraries_serving", "libraries_digital", "library_uses"]
    unit_fields += ["institutions", "institutions_active", "activities", "participants"]
    unit_fields += ["state_funding", "social_funding"]
    heads = ["Thư viện", "Phục vụ HTSĐ", "Ứng dụng CNTT", "Lượt sử dụng", "Thiết chế",
             "Thiết chế hoạt động TX", "Hoạt động", "Lượt tham gia", "NSNN (đồng)",
             "Xã hội hóa (đồng)"]  # fmt: skip
    # 10 pt, the columns wide enough for a province's totals in bold ("12.800", "48.449.200",
    # "135.600.000.000") on one line.
    sizes = [1.5, 1.4, 1.4, 2.2, 1.5, 1.4, 1.5, 2.0, 3.0, 2.9]
    grid_table(
        doc,
        [("STT", 1.1, CENTER), ("{{ unit_head }}", 4.3, LEFT)]
        + [(h, w, RIGHT) for h, w in zip(heads, sizes, strict=True)],
        "unit_rows",
        ["{{ r.stt }}", "{{ r.name }}"] + ["{{ r." + f + " }}" for f in unit_fields],
        totals=[["", "Tổng cộng"] + ["{{ unit_total." + f + " }}" for f in unit_fields]],
        size=10,
    )
    para(doc, "{%p if detail_note %}", align=LEFT)
    note = para(doc, "{{ detail_note }}", 13, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    note.paragraph_format.space_before = Pt(6)
    para(doc, "{%p endif %}", align=LEFT)
    para(doc, "{%p if ranking %}", align=LEFT)
    caption("Biểu {{ n.ranking }}. Xếp hạng các địa phương theo từng chỉ tiêu")
    grid_table(
        doc,
        [("Chỉ tiêu", 7.2, LEFT), ("Hạng", 1.6, CENTER), ("Địa phương", 7.0, LEFT),
         ("Kết quả", 4.4, CENTER), ("Đánh giá", 4.0, CENTER)],
        "ranking",
        ["{{ r.indicator }}", "{{ r.rank }}", "{{ r.unit }}", "{{ r.result }}",
         "{{ r.assessment }}"],
        size=11,
    )  # fmt: skip
    para(doc, "{%p endif %}", align=LEFT)
    para(doc, "{%p if rows_listed %}", align=LEFT)
    caption("Biểu 3. Thư viện cơ sở giáo dục")
    grid_table(
        doc,
        [("STT", 1.2, CENTER), ("Tên thư viện", 6.4, LEFT), ("Phục vụ HTSĐ", 2.6, CENTER),
         ("Ứng dụng CNTT, chuyển đổi số", 3.0, CENTER), ("Lượt người sử dụng", 3.0, RIGHT),
         ("Số bản sách", 2.6, RIGHT), ("Ghi chú", 5.4, LEFT)],
        "school_libraries",
        ["{{ r.stt }}", "{{ r.name }}", "{{ r.serving }}", "{{ r.digital }}", "{{ r.uses }}",
         "{{ r.books }}", "{{ r.note }}"],
        totals=[["", "Tổng cộng", "{{ school_total.serving }}", "{{ school_total.digital }}",
                 "{{ school_total.uses }}", "{{ school_total.books }}", ""]],
    )  # fmt: skip
    caption("Biểu 4. Các hoạt động đã tổ chức")
    grid_table(
        doc,
        [("STT", 1.2, CENTER), ("Đơn vị", 5.0, LEFT), ("Tên hoạt động", 7.0, LEFT),
         ("Nhiệm vụ", 1.8, CENTER), ("Dịp", 3.8, LEFT), ("Thời gian", 2.6, CENTER),
         ("Lượt tham gia", 2.8, RIGHT)],
        "activity_rows",
        ["{{ r.stt }}", "{{ r.unit }}", "{{ r.name }}", "{{ r.task }}", "{{ r.occasion }}",
         "{{ r.held_on }}", "{{ r.participants }}"],
        totals=[["", "Tổng cộng", "", "", "", "", "{{ activity_total }}"]],
    )  # fmt: skip
    caption("Biểu 5. Kinh phí thực hiện")
    grid_table(
        doc,
        [("STT", 1.2, CENTER), ("Đơn vị", 6.0, LEFT), ("Nội dung", 8.0, LEFT),
         ("Nguồn kinh phí", 4.0, LEFT), ("Số tiền (đồng)", 5.0, RIGHT)],
        "funding_rows",
        ["{{ r.stt }}", "{{ r.unit }}", "{{ r.content }}", "{{ r.source }}", "{{ r.amount }}"],
        totals=[["", "Ngân sách nhà nước", "", "", "{{ funding_state }}"],
                ["", "Xã hội hóa", "", "", "{{ funding_social }}"],
                ["", "Tổng cộng", "", "", "{{ funding_total }}"]],
    )  # fmt: skip
    para(doc, "{%p endif %}", align=LEFT)
    caption("Biểu {{ n.problems }}. Số liệu không đưa vào tổng hợp và lý do")
    para(doc, "{%p if problems %}", align=LEFT)
    grid_table(
        doc,
        [
            ("STT", 1.2, CENTER),
            ("{{ unit_head }}", 5.0, LEFT),
            ("Vị trí (tệp › sheet › ô)", 7.5, LEFT),
            ("Lý do", 10.5, LEFT),
        ],
        "problems",
        ["{{ r.stt }}", "{{ r.unit }}", "{{ r.location }}", "{{ r.message }}"],
    )
    para(doc, "{%p else %}", align=LEFT)
    para(doc, "Không có số liệu nào bị để ngoài tổng hợp.", 13, align=LEFT)
    para(doc, "{%p endif %}", align=LEFT)
    para(doc, "{%p if rows_listed %}", align=LEFT)
    caption("Biểu {{ n.opinions }}. Ý kiến, kiến nghị của các đơn vị (nguyên văn)")
    para(doc, "{%p if opinions %}", align=LEFT)
    grid_table(
        doc,
        [("STT", 1.2, CENTER), ("Đơn vị", 5.0, LEFT), ("Nội dung", 3.6, LEFT),
         ("Ý kiến của đơn vị", 14.4, LEFT)],
        "opinions",
        ["{{ r.stt }}", "{{ r.unit }}", "{{ r.field }}", "{{ r.text }}"],
        size=11,
    )  # fmt: skip
    para(doc, "{%p else %}", align=LEFT)
    para(doc, "Các đơn vị không gửi ý kiến.", 13, align=LEFT)
    para(doc, "{%p endif %}", align=LEFT)
    para(doc, "{%p endif %}", align=LEFT)


def preserve_spaces(doc) -> None:
    """Keep runs of spaces (the blank document number and day) in every text element."""
    for part in [doc.part] + [rel.target_part for rel in doc.part.rels.values()]:
        element = getattr(part, "element", None)
        if element is None:
            continue
        for t in element.iter(qn("w:t")):
            t.set(qn("xml:space"), "preserve")


def build(path: Path) -> None:
    """Write the template to `path`."""
    doc = Document()
    setup_styles(doc)
    page_setup(doc.sections[0])
    drop = doc.paragraphs[0]._p if doc.paragraphs else None
    if drop is not None:
        drop.getparent().remove(drop)
    header_block(doc)
    body_part(doc)
    closing_block(doc)
    appendix(doc)
    preserve_spaces(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = "Báo cáo", "reportgen", "reportgen"
    props.created = props.modified = datetime(2025, 1, 1)
    props.revision = 1
    props.comments = ""
    package = doc.part.package
    for key, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's stock picture, not this template's
            del package.rels[key]
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        build(Path(sys.argv[1]))
        print(f"Đã tạo {sys.argv[1]}")
    else:
        build(OUT)
        PACKAGED.write_bytes(OUT.read_bytes())
        print(f"Đã tạo {OUT} và {PACKAGED}")
