"""Finish the PDF/UA-1 tagging that WeasyPrint 70 leaves undone, on the PDF it wrote.

WeasyPrint tags headings, tables, lists and figures, but
- gives table header cells (TH) no /Scope, so a header cell whose column holds only header
  cells (the "Reference" column of row headers) is tied to no data cell, and
- tags the text of the page margin boxes (running header, footer, "Page 1 of 16") as marked
  content whose structure elements it leaves out of the structure tree, so readers meet
  "OFFICIAL" on every page as if it were content, and
- leaves link annotations without the Print flag, so they are not part of the printed page.
This module sets each TH's scope, turns margin-box text into pagination artifacts and marks
links printable, which ISO 14289-1 (7.5, 7.8 and 7.18.1) asks for.
"""

import io

import pikepdf

TABLE_ATTRIBUTES = pikepdf.Name("/Table")
PAGINATION_ARTIFACT = pikepdf.Dictionary(Type=pikepdf.Name("/Pagination"))
PRINT_FLAG = 4  # annotation flag bit 3 (ISO 32000-1, 12.5.3)


def complete_pdf_ua_tagging(content: bytes) -> bytes:
    """The PDF WeasyPrint wrote, with every TH scoped, the margin boxes' text made pagination artifacts and links printable."""
    with pikepdf.open(io.BytesIO(content)) as pdf:
        structure = list(structure_elements(pdf.Root.StructTreeRoot))
        _scope_header_cells(structure)
        _margin_boxes_as_pagination_artifacts(pdf, reachable={element.objgen for element in structure})
        _print_links(pdf)
        output = io.BytesIO()
        pdf.save(output)
    return output.getvalue()


def structure_elements(node):
    """Every structure element under `node`, depth first (the structure tree is what readers read)."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from structure_elements(kid)


def _scope_header_cells(structure: list) -> None:
    """A TH in a row of header cells only heads its column; a TH in a row with data cells heads its row.

    That is, in short, HTML's rule for a `<th>` without a scope, and every table the reports
    print says the same with `scope="col"` in its head row and `scope="row"` in its body rows.
    """
    for cell in structure:
        if cell.S != "/TH":
            continue
        row = cell.get("/P")
        row_has_data = row is not None and any(
            isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == "/TD" for kid in row.get("/K", [])
        )
        attributes = cell.get("/A")
        if not isinstance(attributes, pikepdf.Dictionary) or attributes.get("/O") != TABLE_ATTRIBUTES:
            attributes = cell.A = pikepdf.Dictionary(O=TABLE_ATTRIBUTES)
        attributes.Scope = pikepdf.Name("/Row" if row_has_data else "/Column")


def _margin_boxes_as_pagination_artifacts(pdf: pikepdf.Pdf, *, reachable: set) -> None:
    """Re-mark as /Artifact /Pagination the marked content whose structure element is outside the tree.

    WeasyPrint leaves only the margin boxes out of the tree; their marked-content ids are
    dropped from the parent tree too, so nothing points at the orphaned elements any more.
    """
    parent_tree = pdf.Root.StructTreeRoot.ParentTree.Nums
    page_mcids = {int(parent_tree[i]): parent_tree[i + 1] for i in range(0, len(parent_tree), 2)}
    for page in pdf.pages:
        mcids = page_mcids.get(int(page.obj.get("/StructParents", -1)))
        if not isinstance(mcids, pikepdf.Array):
            continue
        orphaned = {
            mcid for mcid, element in enumerate(mcids)
            if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable
        }
        if not orphaned:
            continue
        instructions = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if (
                operator == pikepdf.Operator("BDC")
                and isinstance(operands[1], pikepdf.Dictionary)
                and int(operands[1].get("/MCID", -1)) in orphaned
            ):
                operands = [pikepdf.Name("/Artifact"), PAGINATION_ARTIFACT]
            instructions.append(pikepdf.ContentStreamInstruction(operands, operator))
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
        for mcid in orphaned:
            mcids[mcid] = None


def _print_links(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") == pikepdf.Name("/Link"):
                annotation.F = int(annotation.get("/F", 0)) | PRINT_FLAG
