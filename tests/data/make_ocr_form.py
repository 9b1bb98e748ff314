#!/usr/bin/python3
"""Writes the inputs of tests/extractors/{ocr,acroform}_test.cc into tests/data/pdf/.

Standard library only (PDF syntax written directly, ISO 32000-1), plus
`pdftoppm` (poppler-utils) to render the scan:

  form_fields.pdf     a fillable form (AcroForm, §12.7): check boxes whose
                      on-state is /Yes, /On, /Ja, a custom name and /No, one at
                      /Off, a radio group with /Opt export values, a text field;
                      each widget has its question printed to its left.
  vector_boxes.pdf    a French checklist whose answer boxes are drawn as paths
                      (a square, crossed when chosen) in a table under
                      Oui / Non / En partie, and inline before "Oui  Non".
  scan_checklist.pdf  vector_boxes.pdf rendered at 200 dpi in grey and wrapped
                      as an image-only PDF (no text layer), as a scanner would.
  ruled_checklist.pdf a checklist table drawn with rules (two-row header with
                      spanning cells, wrapped questions, a section row) and
  scan_ruled.pdf      its 200 dpi image-only scan.
  word_export_boxes.pdf  a ruled checklist as Word exports legacy check boxes:
                      the empty ones printed as the glyph ☐, the ticked ones
                      drawn as a square crossed by hairlines, boxes set against
                      the cell's top rule; its last row goes on to page 2 under
                      the repeated header (the rest of the question, one more
                      option, the remark), and page 2 has one Oui/Non row.
  scan_dashes.pdf     a Spanish page with dash bullets ("-   Adoptar …"), a
                      spaced en dash inside a name ("Paz – Descontamina") and a
                      bold header line ("Indicateur  Total  Femmes  Hommes"),
                      scanned at 200 dpi: dashes are not table rules, letters
                      of bold words are not check boxes.
  vector_box_kinds.pdf  boxes drawn the other ways: a frame filled even-odd
                      (ticked by a filled centre), an outline of four lines
                      (ticked by an "X" typed inside), a rounded outline
                      (ticked by a filled check mark), white-filled outlines
                      (empty) and a solid square (a bullet, not a box).

Run from anywhere:  /usr/bin/python3 tests/data/make_ocr_form.py
The outputs are committed; rerunning rewrites identical files.
"""
import os
import subprocess
import tempfile
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdf")
W, H = 595, 842


def pdf_string(s):
    b = s.encode("cp1252")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class Writer:
    """Numbered objects; `add` returns the number; `write` lays out xref."""

    def __init__(self):
        self.objs = []

    def reserve(self):
        self.objs.append(None)
        return len(self.objs)

    def set(self, n, body, stream=None):
        if stream is not None:
            body = body[:-2] + b" /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        self.objs[n - 1] = body

    def add(self, body, stream=None):
        n = self.reserve()
        self.set(n, body, stream)
        return n

    def write(self, path, root):
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for o in offsets:
            out += b"%010d 00000 n \n" % o
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objs) + 1, root, xref)
        with open(path, "wb") as f:
            f.write(out)


def text_op(x, top, s, size=11, font=b"F1"):
    return b"BT /%s %d Tf %.2f %.2f Td %s Tj ET" % (font, size, x, H - top - size, pdf_string(s))


def simple_pdf(path, ops, extra_page=b"", extra_catalog=b"", before=None):
    w = Writer()
    catalog = w.reserve()
    pages = w.reserve()
    page = w.reserve()
    f1 = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    annots = before(w, page) if before else b""  # may add to `ops`
    content = w.add(b"<< >>", b"\n".join(ops) + b"\n")
    w.set(page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> %s%s >>"
          % (pages, W, H, content, f1, f2, annots, extra_page))
    w.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    acro = extra_catalog(w) if callable(extra_catalog) else extra_catalog
    w.set(catalog, b"<< /Type /Catalog /Pages %d 0 R %s >>" % (pages, acro))
    w.write(path, catalog)


# ---- form_fields.pdf -------------------------------------------------------------

def form_fields():
    questions = [  # (label, field name, on-state, appearance state)
        ("1.1 Is there a national focal point?", "q1_1", b"Yes", b"Yes"),
        ("1.2 Is there an action plan in force?", "q1_2", b"On", b"On"),
        ("1.3 Are funds earmarked for the plan?", "q1_3", b"Ja", b"Ja"),
        ("1.4 Are survivors consulted?", "q1_4", b"Choice#20made", b"Choice#20made"),
        ("1.5 Is the plan monitored?", "q1_5", b"No", b"No"),
        ("1.6 Is the plan budgeted?", "q1_6", b"Yes", b"Off"),
    ]
    ops = [text_op(72, 60, "Victim Assistance Checklist", 14, b"F2")]
    fields = []
    state = {}

    def build(w, page):
        annots = []
        zadb = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
        off_ap = w.add(b"<< /BBox [0 0 12 12] /Resources << >> >>", b"0 G 0.5 w 0.5 0.5 11 11 re S")
        on_ap = w.add(b"<< /BBox [0 0 12 12] /Resources << /Font << /ZaDb %d 0 R >> >> >>" % zadb,
                      b"0 G 0.5 w 0.5 0.5 11 11 re S BT /ZaDb 10 Tf 1.5 2 Td (4) Tj ET")
        y = 110
        for label, name, on, cur in questions:
            ops.append(text_op(72, y, label))
            rect = b"[300 %d 312 %d]" % (H - y - 11, H - y + 1)
            n = w.add(b"<< /Type /Annot /Subtype /Widget /FT /Btn /T %s /V /%s /AS /%s /Rect %s /F 4 /P %d 0 R "
                      b"/AP << /N << /%s %d 0 R /Off %d 0 R >> >> /MK << /CA (4) >> >>"
                      % (pdf_string(name), cur, cur, rect, page, on, on_ap, off_ap))
            annots.append(n)
            fields.append(n)
            y += 24
        # Radio group "support" with kids /0 and /1 and /Opt export values.
        ops.append(text_op(72, y, "1.7 Is support provided?"))
        parent = w.reserve()
        kids = []
        for i, x in enumerate((300, 360)):
            ops.append(text_op(x + 16, y, ["Yes", "No"][i]))
            rect = b"[%d %d %d %d]" % (x, H - y - 11, x + 12, H - y + 1)
            st = b"%d" % i
            k = w.add(b"<< /Type /Annot /Subtype /Widget /Parent %d 0 R /AS /%s /Rect %s /F 4 /P %d 0 R "
                      b"/AP << /N << /%s %d 0 R /Off %d 0 R >> >> >>"
                      % (parent, st if i == 1 else b"Off", rect, page, st, on_ap, off_ap))
            kids.append(k)
            annots.append(k)
        w.set(parent, b"<< /FT /Btn /Ff 49152 /T (support) /V /1 /Opt [(Yes) (No)] /Kids [%s] >>"
              % b" ".join(b"%d 0 R" % k for k in kids))
        fields.append(parent)
        y += 24
        ops.append(text_op(72, y, "Comments:"))
        t = w.add(b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (comments) /V (Ministry of Health) "
                  b"/Rect [150 %d 450 %d] /F 4 /P %d 0 R /DA (/Helv 10 Tf 0 g) >>" % (H - y - 14, H - y + 2, page))
        annots.append(t)
        fields.append(t)
        state["helv"] = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return b"/Annots [%s]" % b" ".join(b"%d 0 R" % a for a in annots)

    def acro(w):
        return b"/AcroForm << /Fields [%s] /DR << /Font << /Helv %d 0 R >> >> /DA (/Helv 0 Tf 0 g) >>" % (
            b" ".join(b"%d 0 R" % f for f in fields), state["helv"])

    simple_pdf(os.path.join(OUT, "form_fields.pdf"), ops, before=build, extra_catalog=acro)


def numbered_grid_form():
    """Issue 9 kind 5 as a fillable form: the numbered grid of make_pdf.py's
    numbered_grid.pdf ("No. | Question | Answer | Comments" over "Yes  No
    Partially"), each option a check box widget (AcroForm, ISO 32000-1
    §12.7.4.2.3) centred under its label, only the widgets' /V and /AS carrying
    the answers (1.1 Partially, 1.3 Yes, 1.4 No), the name of 1.2 a text field."""
    ops = [text_op(72, 60, "1. National ownership and coordination", 12, b"F2")]
    for x, label in ((72, "No."), (100, "Question"), (322, "Answer"), (450, "Comments")):
        ops.append(text_op(x, 100, label, 10, b"F2"))
    opts = ((296, "Yes"), (333, "No"), (366, "Partially"))
    for x, label in opts:
        ops.append(text_op(x, 113, label, 10, b"F2"))
    centres = [x + 3 * len(label) for x, label in opts]
    rows = [("1.1", ["Is there a national focal point (ministry or", "agency) responsible for overseeing victim",
                     "assistance and its integration?"], 2),
            ("1.2", ["Name of the focal point"], None),
            ("1.3", ["Is there a national victim assistance", "action plan in force?"], 0),
            ("1.4", ["Is the plan monitored?"], 1)]
    fields = []
    state = {}

    def build(w, page):
        annots = []
        off_ap = w.add(b"<< /BBox [0 0 10 10] /Resources << >> >>", b"0 G 0.5 w 0.5 0.5 9 9 re S")
        on_ap = w.add(b"<< /BBox [0 0 10 10] /Resources << >> >>",
                      b"0 G 0.5 w 0.5 0.5 9 9 re S 1 w 2 2 m 8 8 l S 2 8 m 8 2 l S")
        y = 135
        for number, lines, ticked in rows:
            ops.append(text_op(72, y, number, 10))
            for i, line in enumerate(lines):
                ops.append(text_op(100, y + i * 13, line, 10))
            mid = y + (len(lines) - 1) * 13 / 2.0
            if ticked is None:
                t = w.add(b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (q1_2_name) "
                          b"/V (Ministry of Social Affairs) /Rect [296 %d 445 %d] /F 4 "
                          b"/P %d 0 R /DA (/Helv 9 Tf 0 g) >>" % (H - y - 12, H - y + 1, page))
                annots.append(t)
                fields.append(t)
            else:
                for k, c in enumerate(centres):
                    on = k == ticked
                    rect = b"[%.1f %.1f %.1f %.1f]" % (c - 5, H - mid - 10.5, c + 5, H - mid - 0.5)
                    name = b"q%s_%s" % (number.replace(".", "_").encode(), [b"yes", b"no", b"partially"][k])
                    n = w.add(b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (%s) /V /%s /AS /%s /Rect %s /F 4 "
                              b"/P %d 0 R /AP << /N << /Yes %d 0 R /Off %d 0 R >> >> >>"
                              % (name, b"Yes" if on else b"Off", b"Yes" if on else b"Off", rect, page, on_ap, off_ap))
                    annots.append(n)
                    fields.append(n)
            y += len(lines) * 13 + 9
        state["helv"] = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return b"/Annots [%s]" % b" ".join(b"%d 0 R" % a for a in annots)

    def acro(w):
        return b"/AcroForm << /Fields [%s] /DR << /Font << /Helv %d 0 R >> >> /DA (/Helv 0 Tf 0 g) >>" % (
            b" ".join(b"%d 0 R" % f for f in fields), state["helv"])

    simple_pdf(os.path.join(OUT, "numbered_grid_form.pdf"), ops, before=build, extra_catalog=acro)


# ---- vector_boxes.pdf / scan_checklist.pdf -----------------------------------------

def box_ops(x, top, checked, size=9, border=b"0.8", cross_width=b"", inset=1.5):
    """A square drawn as a path, crossed corner to corner when `checked`; the
    cross in the border's line width unless `cross_width` is given."""
    y = H - top - size
    ops = [b"0 G %s w %.2f %.2f %d %d re S" % (border, x, y, size, size)]
    if checked:
        ops.append((b"0 G %s w " % cross_width if cross_width else b"") +
                   b"%.2f %.2f m %.2f %.2f l S %.2f %.2f m %.2f %.2f l S"
                   % (x + inset, y + inset, x + size - inset, y + size - inset,
                      x + inset, y + size - inset, x + size - inset, y + inset))
    return ops


def vector_boxes():
    ops = [text_op(72, 60, "Liste de contrôle sur l'assistance aux victimes", 15, b"F2"),
           text_op(72, 90, "Le pays a mis en place des mesures pour les victimes et les survivants des mines."),
           text_op(72, 106, "Les données sont collectées par le ministère de la santé et les partenaires."),
           text_op(72, 140, "1. Coordination nationale", 13, b"F2")]
    y = 170
    for x, label in ((76, "Indicateur"), (330, "Oui"), (380, "Non"), (430, "En partie")):
        ops.append(text_op(x, y, label, 11, b"F2"))
    rows = [("1.1 Existe-t-il un point focal national ?", 0),
            ("1.2 Le plan d'action est-il en vigueur ?", 1),
            ("1.3 Les survivants sont-ils consultés ?", 2),
            ("1.4 Les fonds sont-ils disponibles ?", None)]
    y += 28
    for question, chosen in rows:
        ops.append(text_op(76, y, question))
        for i, x in enumerate((333, 383, 445)):
            ops += box_ops(x, y + 1, chosen == i)
        y += 26
    y += 10
    ops.append(text_op(76, y, "1.5 Un répertoire des services existe-t-il ?"))
    ops += box_ops(330, y + 1, True)
    ops.append(text_op(343, y, "Oui"))
    ops += box_ops(375, y + 1, False)
    ops.append(text_op(388, y, "Non"))
    y += 40
    ops.append(text_op(72, y, "Objectifs pour la période à venir", 12, b"F2"))
    ops.append(text_op(72, y + 20, "D'ici fin 2026, former 200 agents de santé aux premiers secours."))
    path = os.path.join(OUT, "vector_boxes.pdf")
    simple_pdf(path, ops)
    return path


def scan_of(src, name, dpi=200):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", "1", src, os.path.join(tmp, "p")],
                       check=True)
        pgm = [f for f in os.listdir(tmp) if f.endswith(".pgm")][0]
        with open(os.path.join(tmp, pgm), "rb") as f:
            data = f.read()
    # P5 header: magic, width, height, maxval, each separated by whitespace.
    parts = data.split(maxsplit=4)
    width, height, pixels = int(parts[1]), int(parts[2]), parts[4]
    w = Writer()
    catalog = w.reserve()
    pages = w.reserve()
    page = w.reserve()
    img = w.add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode >>" % (width, height), zlib.compress(pixels, 9))
    content = w.add(b"<< >>", b"q %d 0 0 %d 0 0 cm /Im0 Do Q\n" % (W, H))
    w.set(page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (pages, W, H, content, img))
    w.set(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    w.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    w.write(os.path.join(OUT, name), catalog)


# ---- ruled_checklist.pdf / scan_ruled.pdf -------------------------------------------

def rule_ops(x0, top, x1, bottom):
    """A cell border as four 0.8 pt lines (x0, top) – (x1, bottom), top-down coordinates."""
    return [b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (x0, H - top, x1, H - top),
            b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (x0, H - bottom, x1, H - bottom),
            b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (x0, H - top, x0, H - bottom),
            b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (x1, H - top, x1, H - bottom)]


def ruled_checklist():
    """A Word-style checklist table drawn with rules: a two-row header whose
    "Response" cell spans Yes / No / Partly and whose "No." and "Question"
    cells span both header rows; questions wrapped over two or three lines with
    their boxes centred in the row; a section row across the whole table; a
    comment in the last column; then bulleted objectives with a hanging indent."""
    cols = [60, 92, 300, 340, 380, 430, 540]  # No. | Question | Yes | No | Partly | Comments
    ops = [text_op(60, 50, "Checklist on Victim Assistance", 15, b"F2"),
           text_op(60, 80, "1. Coordination and planning", 13, b"F2")]
    top = 110
    # Header: two rows of 16 pt.
    r1, r2 = top + 16, top + 32
    ops += rule_ops(cols[0], top, cols[6], r2)
    for x in (cols[1], cols[2], cols[5]):
        ops.append(b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (x, H - top, x, H - r2))
    ops.append(b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (cols[2], H - r1, cols[5], H - r1))
    for x in (cols[3], cols[4]):
        ops.append(b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (x, H - r1, x, H - r2))
    ops.append(text_op(64, top + 3, "No.", 10, b"F2"))
    ops.append(text_op(96, top + 3, "Questions", 10, b"F2"))
    ops.append(text_op(335, top + 3, "Response", 10, b"F2"))
    ops.append(text_op(434, top + 3, "Comments", 10, b"F2"))
    for x, label in ((308, "Yes"), (351, "No"), (386, "Partly")):
        ops.append(text_op(x, r1 + 3, label, 10, b"F2"))
    rows = [("1.1", ["Is there a national focal point (ministry or", "agency) responsible for overseeing victim",
                     "assistance and its integration into policies?"], 2, "Ministry of Health."),
            ("1.2", ["Is there a national action plan that covers", "mine survivors currently in force?"], 0, ""),
            (None, ["Referral mechanism and directory of services"], None, ""),
            ("1.3", ["Does a referral system exist that connects", "victims with health services?"], 1, ""),
            ("1.4", ["Are survivors consulted on the plan?"], None, "Planned for 2025.")]
    y = r2
    for number, lines, chosen, comment in rows:
        height = 8 + 12 * len(lines)
        if number is None:  # a section row across the table
            ops += rule_ops(cols[0], y, cols[6], y + height)
            ops.append(text_op(64, y + 4, lines[0], 10, b"F2"))
            y += height
            continue
        ops += rule_ops(cols[0], y, cols[6], y + height)
        for x in cols[1:6]:
            ops.append(b"0 G 0.8 w %.2f %.2f m %.2f %.2f l S" % (x, H - y, x, H - y - height))
        ops.append(text_op(64, y + 4, number, 10))
        for i, line in enumerate(lines):
            ops.append(text_op(96, y + 4 + 12 * i, line, 10))
        mid = y + height / 2 - 4.5
        for i in range(3):
            ops += box_ops(cols[2 + i] + 15, mid, chosen == i)
        if comment:
            ops.append(text_op(434, y + 4, comment, 10))
        y += height
    y += 24
    ops.append(text_op(60, y, "Objectives for 2026", 11, b"F2"))
    # Bulleted objectives with a hanging indent (OCR reads the bullets as "e", "°", "«"...).
    items = [["Adopt the new National Victim Assistance Action Plan before 31 December 2026."],
             ["Ensure that at least 75% of the members of the coordination mechanism are survivors",
              "or representatives of their organisations within two years."],
             ["Improve the referral of victims to available services."]]
    y += 20
    for item in items:
        # A Symbol-font bullet: a filled disc of radius 2.2 pt on the x-height.
        cx, cy, r, k = 74.5, H - y - 7.5, 2.2, 2.2 * 0.5523
        ops.append(b"0 g %.2f %.2f m %.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c "
                   b"%.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c f"
                   % (cx + r, cy, cx + r, cy + k, cx + k, cy + r, cx, cy + r, cx - k, cy + r, cx - r, cy + k,
                      cx - r, cy, cx - r, cy - k, cx - k, cy - r, cx, cy - r, cx + k, cy - r, cx + r, cy - k,
                      cx + r, cy))
        for line in item:
            ops.append(text_op(90, y, line))
            y += 15
        y += 4
    path = os.path.join(OUT, "ruled_checklist.pdf")
    simple_pdf(path, ops)
    return path


# ---- word_export_boxes.pdf ------------------------------------------------------

from make_pdf import TOUNICODE  # Helvetica codes 1, 2 → ☒, ☐ (/ToUnicode)


def pages_pdf(path, pages_ops):
    """Several A4 pages; fonts F1 Helvetica, F2 Helvetica-Bold, F3 Helvetica whose
    codes 1 and 2 map to ☒ and ☐ (/ToUnicode, as in make_pdf.py) and draw nothing."""
    w = Writer()
    catalog = w.reserve()
    pages = w.reserve()
    f1 = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    cmap = w.add(b"<< >>", TOUNICODE)
    f3 = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode %d 0 R >>" % cmap)
    kids = []
    for ops in pages_ops:
        page = w.reserve()
        content = w.add(b"<< >>", b"\n".join(ops) + b"\n")
        w.set(page, b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> >>"
              % (pages, W, H, content, f1, f2, f3))
        kids.append(page)
    w.set(pages, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    w.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    w.write(path, catalog)


def word_export_boxes():
    cols = (72, 300, 430, 523)  # cell rules: Indicateur | Réponse | Précisions

    def rule(x0, top, x1, bottom):
        return b"0 G 0.75 w %.2f %.2f m %.2f %.2f l S" % (x0, H - top, x1, H - bottom)

    def grid(top, bottom):
        ops = [rule(cols[0], top, cols[-1], top), rule(cols[0], bottom, cols[-1], bottom)]
        ops += [rule(x, top, x, bottom) for x in cols]
        return ops

    def drawn(x, top, crossed):
        # Word: a 0.5 pt square; the tick is two hairline diagonals.
        return box_ops(x, top, crossed, border=b"0.5", cross_width=b"0.1", inset=0.6)

    def glyph(x, top):  # ☐ in the text layer only
        return b"BT /F3 11 Tf %.2f %.2f Td <02> Tj ET" % (x, H - top - 10)

    def header(top):
        ops = grid(top, top + 18)
        for x, label in zip(cols, ("Indicateur", "Réponse", "Précisions")):
            ops.append(text_op(x + 4, top + 4, label, 10, b"F2"))
        return ops

    p1 = [text_op(72, 60, "Liste de contrôle sur l'assistance aux victimes", 14, b"F2"),
          text_op(72, 90, "1. Coordination nationale", 12, b"F2")]
    top = 120
    p1 += header(top)
    top += 18
    # 1.1: options one per line; Oui drawn and crossed, Non and En cours glyphs.
    p1 += grid(top, top + 48)
    p1.append(text_op(cols[0] + 4, top + 3, "1.1 Existe-t-il un point focal national ?", 10))
    p1 += drawn(cols[1] + 4, top + 0.8, True)
    p1.append(text_op(cols[1] + 16, top + 1, "Oui", 10))
    p1.append(glyph(cols[1] + 4, top + 13))
    p1.append(text_op(cols[1] + 16, top + 13, "Non", 10))
    p1.append(glyph(cols[1] + 4, top + 25))
    p1.append(text_op(cols[1] + 16, top + 25, "En cours", 10))
    top += 48
    # 1.2: all drawn, on one line, each box against the top rule; Non crossed.
    p1 += grid(top, top + 20)
    p1.append(text_op(cols[0] + 4, top + 3, "1.2 Le plan est-il financé ?", 10))
    for i, (dx, label) in enumerate(((4, "Oui"), (40, "Non"), (76, "En cours"))):
        p1 += drawn(cols[1] + dx, top + 0.8, i == 1)
        p1.append(text_op(cols[1] + dx + 12, top + 1, label, 10))
    top += 20
    # 1.3: the question and two options here, the rest on page 2.
    p1 += grid(top, top + 34)
    p1.append(text_op(cols[0] + 4, top + 3, "1.3 Un annuaire des services", 10))
    p1.append(glyph(cols[1] + 4, top + 1))
    p1.append(text_op(cols[1] + 16, top + 1, "Oui", 10))
    p1 += drawn(cols[1] + 4, top + 15, True)
    p1.append(text_op(cols[1] + 16, top + 15, "Non", 10))
    p1.append(text_op(cols[2] + 4, top + 3, "La couverture reste", 10))
    p1.append(text_op(72, 800, "Page 1 sur 2", 9))

    p2 = []
    top = 60
    p2 += header(top)
    top += 18
    p2 += grid(top, top + 20)
    p2.append(text_op(cols[0] + 4, top + 3, "a-t-il été diffusé ?", 10))
    p2.append(glyph(cols[1] + 4, top + 3))
    p2.append(text_op(cols[1] + 16, top + 3, "En cours", 10))
    p2.append(text_op(cols[2] + 4, top + 3, "inégale.", 10))
    top += 20
    p2 += grid(top, top + 34)
    p2.append(text_op(cols[0] + 4, top + 3, "1.4 Les survivants sont-ils consultés ?", 10))
    p2 += drawn(cols[1] + 4, top + 0.8, True)
    p2.append(text_op(cols[1] + 16, top + 1, "Oui", 10))
    p2 += drawn(cols[1] + 4, top + 15, False)
    p2.append(text_op(cols[1] + 16, top + 15, "Non", 10))
    p2.append(text_op(72, 800, "Page 2 sur 2", 9))
    pages_pdf(os.path.join(OUT, "word_export_boxes.pdf"), [p1, p2])


def dashes():
    path = os.path.join(OUT, "dashes_src.pdf")
    ops = [
        text_op(72, 80, "Objetivos previstos:", 11, b"F2"),
        text_op(90, 104, "-", 11),
        text_op(110, 104, "Adoptar la norma nacional de accesibilidad para edificios.", 11),
        text_op(90, 124, "-", 11),
        text_op(110, 124, "Fortalecer la proteccion juridica de las personas.", 11),
        text_op(72, 160, "Coordina la Oficina del Alto Comisionado para la Paz \u2013 Descontamina Colombia.", 11),
        text_op(72, 200, "Indicateur        Total        Femmes        Hommes", 12, b"F2"),
        text_op(72, 222, "Survivants        1581        300        1278", 11),
    ]
    simple_pdf(path, ops)
    return path


# ---- vector_box_kinds.pdf ------------------------------------------------------------

def vector_box_kinds():
    """Check boxes drawn the other ways generators draw them (drawn_boxes.h):
    a frame filled even-odd (outer and inner square in one path), ticked by a
    filled centre; an outline of four lines closed with h, ticked by an "X"
    typed inside; a rounded outline (Bézier corners), ticked by a filled check
    mark; a white-filled outline (B), empty, next to a solid square (a bullet,
    not a box). Expected ticks, row by row, Oui then Non: X o / o X / X o / o o."""
    ops = [text_op(72, 60, "Liste de contrôle sur l'assistance aux victimes", 15, b"F2"),
           text_op(72, 90, "Le pays a mis en place des mesures pour les victimes et les survivants des mines."),
           text_op(72, 140, "1. Coordination nationale", 13, b"F2")]
    y = 170
    for x, label in ((76, "Indicateur"), (330, "Oui"), (380, "Non")):
        ops.append(text_op(x, y, label, 11, b"F2"))

    def frame(x, top, ticked):
        b = H - top - 10
        op = b"0 g %.2f %.2f 10 10 re %.2f %.2f 7.6 7.6 re f*" % (x, b, x + 1.2, b + 1.2)
        return [op] + ([b"0 g %.2f %.2f 4 4 re f" % (x + 3, b + 3)] if ticked else [])

    def lines(x, top, ticked):
        b = H - top - 10
        op = b"0 G 0.6 w %.2f %.2f m %.2f %.2f l %.2f %.2f l %.2f %.2f l h S" % (x, b, x + 10, b, x + 10, b + 10, x, b + 10)
        return [op] + ([b"BT /F1 9 Tf %.2f %.2f Td (X) Tj ET" % (x + 2, b + 2)] if ticked else [])

    def rounded(x, top, ticked):
        b, r = H - top - 10, 2.0
        op = (b"0 G 0.6 w %.2f %.2f m %.2f %.2f l %.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f l "
              b"%.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f l %.2f %.2f %.2f %.2f %.2f %.2f c "
              b"%.2f %.2f l %.2f %.2f %.2f %.2f %.2f %.2f c h S"
              % (x + r, b, x + 10 - r, b, x + 10, b, x + 10, b, x + 10, b + r, x + 10, b + 10 - r,
                 x + 10, b + 10, x + 10, b + 10, x + 10 - r, b + 10, x + r, b + 10, x, b + 10, x, b + 10,
                 x, b + 10 - r, x, b + r, x, b, x, b, x + r, b))
        tick = b"0 g %.2f %.2f m %.2f %.2f l %.2f %.2f l %.2f %.2f l %.2f %.2f l %.2f %.2f l f" % (
            x + 2, b + 5, x + 4, b + 2.5, x + 8.5, b + 8, x + 7.5, b + 8.8, x + 4, b + 4.2, x + 2.8, b + 5.8)
        return [op] + ([tick] if ticked else [])

    def white(x, top, ticked):
        b = H - top - 10
        return [b"1 g 0 G 0.6 w %.2f %.2f 10 10 re B" % (x, b)]

    rows = [("1.1 Existe-t-il un point focal national ?", frame, 0),
            ("1.2 Le plan d'action est-il en vigueur ?", lines, 1),
            ("1.3 Les survivants sont-ils consultés ?", rounded, 0),
            ("1.4 Les fonds sont-ils disponibles ?", white, None)]
    y += 28
    for question, draw, chosen in rows:
        ops.append(text_op(76, y, question))
        for i, x in enumerate((333, 383)):
            ops += draw(x, y + 1, chosen == i)
        y += 26
    ops.append(b"0 g %.2f %.2f 8 8 re f" % (420, H - y + 26 - 10))  # a bullet beside the last row
    y += 20
    ops.append(text_op(72, y, "Objectifs pour la période à venir", 12, b"F2"))
    ops.append(text_op(72, y + 20, "D'ici fin 2026, former 200 agents de santé aux premiers secours."))
    simple_pdf(os.path.join(OUT, "vector_box_kinds.pdf"), ops)


def main():
    os.makedirs(OUT, exist_ok=True)
    word_export_boxes()
    vector_box_kinds()
    form_fields()
    numbered_grid_form()
    src = vector_boxes()
    scan_of(src, "scan_checklist.pdf")
    scan_of(ruled_checklist(), "scan_ruled.pdf")
    src = dashes()
    scan_of(src, "scan_dashes.pdf")
    os.remove(src)


if __name__ == "__main__":
    main()
