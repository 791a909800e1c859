"""Carry the clerk's Word edits of the previous draft into the new one: a three-way merge.

base = the previous draft as generated, edited = the same draft as the clerk saved it, new =
the new draft as generated. Paragraphs of the document body are matched by their text; tables
are carried cell by cell where their shape and generated text did not change (the header's
document number, the signer), else regenerated; headers and footers are the new draft's.
"""

from __future__ import annotations

import copy
import difflib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .files import stable_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCUMENT = "word/document.xml"
SIMILAR = 0.6  # two texts at least this alike are one paragraph reworded
FLAG_LEAD = "[Câu đã sửa ở dự thảo trước, cần xem lại: "


@dataclass(frozen=True)
class Carried:
    """What the merge did, for the clerk."""

    docx: bytes
    kept: int  # paragraphs (and table cells) the clerk reworded, kept as reworded
    added: int  # paragraphs the clerk added, kept where they were
    deleted: int  # paragraphs the clerk deleted, left out
    to_review: tuple[str, ...]  # the clerk's texts put beside a changed figure, highlighted


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_w("t")))


def _paragraphs(root: Any) -> list[Any]:
    body = root.find(_w("body"))
    return [child for child in body if child.tag == _w("p")]


def _protected(paragraph: Any) -> bool:
    """A section break or a template tag's leftover: never replaced or removed."""
    return paragraph.find(f"{_w('pPr')}/{_w('sectPr')}") is not None


def _has_relations(paragraph: Any) -> bool:
    """A picture, link or field pointing into the package: it cannot move to another one."""
    return any(key.startswith(f"{{{R}}}") for el in paragraph.iter() for key in el.attrib)


def _pairs(a: Sequence[str], b: Sequence[str]) -> tuple[dict[int, int | None], list[int]]:
    """Each paragraph of `a` matched to its paragraph of `b` (None: gone), and b's new ones."""
    matched: dict[int, int | None] = {}
    added: list[int] = []
    matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            matched.update({a1 + k: b1 + k for k in range(a2 - a1)})
            continue
        free = list(range(b1, b2))
        for i in range(a1, a2):
            scored = [(difflib.SequenceMatcher(None, a[i], b[j]).ratio(), j) for j in free]
            best = max(scored, default=(0.0, -1))
            if best[0] >= SIMILAR:
                matched[i] = best[1]
                free = [j for j in free if j > best[1]]  # keep the order
            else:
                matched[i] = None
        # What stays unpaired in a replaced stretch was rewritten beyond likeness: the clerk's
        # paragraphs there stand for the old ones, in order.
        left = [i for i in range(a1, a2) if matched[i] is None]
        paired = {j for j in matched.values() if j is not None}
        unpaired = [j for j in range(b1, b2) if j not in paired]
        for i, j in zip(left, unpaired, strict=False):
            if all(j < k for n, k in matched.items() if k is not None and n > i) and all(
                j > k for n, k in matched.items() if k is not None and n < i
            ):
                matched[i] = j
        paired = {j for j in matched.values() if j is not None}
        added += [j for j in range(b1, b2) if j not in paired]
    return matched, added


def _anchor(j: int, matched: dict[int, int | None]) -> int | None:
    """The base paragraph an added paragraph came after (None: before the first)."""
    before = [i for i, k in matched.items() if k is not None and k < j]
    return max(before) if before else None


def _flagged(text: str) -> Any:
    """A run holding the clerk's text, highlighted for review."""
    from lxml import etree

    run = etree.Element(_w("r"))
    props = etree.SubElement(run, _w("rPr"))
    etree.SubElement(props, _w("highlight")).set(_w("val"), "yellow")
    t = etree.SubElement(run, _w("t"))
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = f" {FLAG_LEAD}{text}]"
    return run


def _plain(template: Any, text: str) -> Any:
    """A paragraph with `template`'s paragraph properties holding `text`, highlighted."""
    from lxml import etree

    paragraph = etree.Element(_w("p"))
    props = template.find(_w("pPr"))
    if props is not None:
        paragraph.append(copy.deepcopy(props))
    paragraph.append(_flagged(text))
    return paragraph


def _parse(docx: bytes) -> Any:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return etree.fromstring(package.read(DOCUMENT))


def _tables(root: Any) -> list[Any]:
    body = root.find(_w("body"))
    return [child for child in body if child.tag == _w("tbl")]


def _cells(table: Any) -> list[list[Any]]:
    return [row.findall(_w("tc")) for row in table.findall(_w("tr"))]


def _carry_cells(base_root: Any, edited_root: Any, new_root: Any) -> tuple[int, list[str]]:
    """Cells the clerk edited (a document number, a name) in tables the figures leave alone.

    A table is carried cell by cell only when it has the same shape in all three drafts;
    a cell only when its generated text did not change, so regenerated figures always win.
    """
    count = 0
    review: list[str] = []
    triples = zip(_tables(base_root), _tables(edited_root), _tables(new_root), strict=False)
    for base, edited, new in triples:
        b, e, n = _cells(base), _cells(edited), _cells(new)
        shape = [len(row) for row in b]
        if shape != [len(row) for row in e] or shape != [len(row) for row in n]:
            continue  # rows added or removed: a table of figures, regenerated
        for b_row, e_row, n_row in zip(b, e, n, strict=True):
            for b_cell, e_cell, n_cell in zip(b_row, e_row, n_row, strict=True):
                before, after = _text(b_cell), _text(e_cell)
                if after == before:
                    continue
                if _text(n_cell) != before or _has_relations(e_cell):  # its figures changed
                    last = n_cell.findall(_w("p"))
                    if last:
                        last[-1].append(_flagged(after))
                        review.append(after)
                    continue
                for old in n_cell.findall(_w("p")):
                    n_cell.remove(old)
                for paragraph in e_cell.findall(_w("p")):
                    n_cell.append(copy.deepcopy(paragraph))
                count += 1
    return count, review


def carry_edits(base: bytes, edited: bytes, new: bytes) -> Carried:
    """The new draft with the clerk's edits of the previous one carried into it."""
    from lxml import etree

    base_root, edited_root = _parse(base), _parse(edited)
    base_ps, edited_ps = _paragraphs(base_root), _paragraphs(edited_root)
    root = _parse(new)
    new_ps = _paragraphs(root)
    base_t = [_text(p) for p in base_ps]
    edited_t = [_text(p) for p in edited_ps]
    new_t = [_text(p) for p in new_ps]
    by_clerk, clerk_added = _pairs(base_t, edited_t)
    in_new, _ = _pairs(base_t, new_t)
    kept = deleted = 0
    review: list[str] = []
    last_after: dict[int, Any] = {}  # new paragraph index -> the last paragraph put after it
    removed: set[int] = set()  # new paragraphs taken out (the clerk deleted them)

    def put_after(i: int | None, element: Any) -> None:
        """Insert after the new paragraph of base paragraph `i` (or the nearest before it)."""
        before = [] if i is None else [in_new.get(n) for n in range(i + 1)]
        present = [k for k in before if k is not None and k not in removed]
        if present:
            k = present[-1]
            last_after.get(k, new_ps[k]).addnext(element)
            last_after[k] = element
        else:
            new_ps[0].addprevious(element)

    for i, j in by_clerk.items():
        k = in_new.get(i)
        if j is None:  # the clerk deleted it
            if k is not None and not _protected(new_ps[k]):  # stays deleted, figures or not
                new_ps[k].getparent().remove(new_ps[k])
                removed.add(k)
                deleted += 1
            continue
        if edited_t[j] == base_t[i]:
            continue  # not reworded
        if k is not None and new_t[k] == base_t[i] and not _protected(new_ps[k]):
            if _has_relations(edited_ps[j]):  # cannot move: keep the text, for review
                new_ps[k].append(_flagged(edited_t[j]))
                review.append(edited_t[j])
            else:
                replacement = copy.deepcopy(edited_ps[j])
                new_ps[k].addnext(replacement)
                new_ps[k].getparent().remove(new_ps[k])
                new_ps[k] = replacement
                kept += 1
        elif k is not None:  # its figures changed too: the new text, the clerk's beside it
            new_ps[k].append(_flagged(edited_t[j]))
            review.append(edited_t[j])
        else:  # the new draft no longer has it
            put_after(i, _plain(edited_ps[j], edited_t[j]))
            review.append(edited_t[j])
    added = 0
    for j in clerk_added:
        if not edited_t[j].strip():
            continue  # an empty line the clerk added carries nothing
        element = (
            _plain(edited_ps[j], edited_t[j])
            if _has_relations(edited_ps[j])
            else copy.deepcopy(edited_ps[j])
        )
        put_after(_anchor(j, by_clerk), element)
        added += 1
    cells, cells_review = _carry_cells(base_root, edited_root, root)
    kept += cells
    review += cells_review
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(io.BytesIO(new)) as package:
        infos = package.infolist()
        members = [(i.filename, xml if i.filename == DOCUMENT else package.read(i)) for i in infos]
        when = infos[0].date_time if infos else (1980, 1, 1, 0, 0, 0)
    return Carried(stable_zip(members, when), kept, added, deleted, tuple(review))
