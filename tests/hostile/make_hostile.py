#!/usr/bin/python3
"""Writes the inputs of tests/hostile/ into tests/hostile/data/: one small file
per failure kind of issue 6 that tests/data/ does not already hold (see
tests/hostile/README.md for the map). Standard library only, deterministic
(re-running leaves the files unchanged), except mixed_scan.pdf, whose scanned
page is rasterised with pdftoppm (poppler-utils, a build dependency).

    /usr/bin/python3 tests/hostile/make_hostile.py

Inputs that are large or cheap to make (the 1,000-page PDF, ZIPs with 10,001
entries, a sparse 300 MiB file) are written by the tests themselves at run time.
"""
import os
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")
sys.path.insert(0, os.path.join(HERE, "..", "data"))
import make_docx as mdx  # noqa: E402  (the WordprocessingML helpers of tests/data/)

mdx.OUT = OUT
t, p, tc, tr, tbl = mdx.t, mdx.p, mdx.tc, mdx.tr, mdx.tbl


# ---- a small PDF writer: numbered objects, streams, a correct xref -----------------

def pdf_string(s):
    if isinstance(s, str):
        s = s.encode("cp1252")
    return b"(" + s.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class Pdf:
    """Objects are added in order; `ref(n)` is "n 0 R". Streams are (dict, data)."""

    def __init__(self):
        self.objs = [None, None]  # 1 catalog, 2 pages: filled by write()
        self.pages = []
        self.catalog_extra = b""
        self.helv = self.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        self.bold = self.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        self.zapf = self.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
        self.extra_fonts = {}

    def add(self, body, stream=None):
        self.objs.append((body, stream) if stream is not None else body)
        return len(self.objs)

    def font(self, name, num):
        self.extra_fonts[name] = num

    def page(self, ops, w=595, h=842, extra=b"", xobjects=None):
        fonts = b"/F1 %d 0 R /F2 %d 0 R /F4 %d 0 R" % (self.helv, self.bold, self.zapf)
        for name, num in self.extra_fonts.items():
            fonts += b" /%s %d 0 R" % (name.encode(), num)
        xo = b""
        if xobjects:
            xo = b" /XObject << %s >>" % b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in xobjects.items())
        content = self.add(b"<< >>", b"\n".join(ops) + b"\n")
        n = self.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                     b"/Resources << /Font << %s >>%s >>%s >>" % (w, h, content, fonts, xo, extra))
        self.pages.append(n)
        return n

    def bytes(self, pages_count=None):
        self.objs[0] = b"<< /Type /Catalog /Pages 2 0 R%s >>" % self.catalog_extra
        count = len(self.pages) if pages_count is None else pages_count
        self.objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in self.pages), count)
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, o in enumerate(self.objs, 1):
            offsets.append(len(out))
            if isinstance(o, tuple):
                d, data = o
                d = d[:-2] + b" /Length %d >>" % len(data)
                out += b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (i, d, data)
            else:
                out += b"%d 0 obj\n%s\nendobj\n" % (i, o)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objs) + 1, xref)
        return bytes(out)


def text(x, top, s, font="F1", size=10, h=842):
    return b"BT /%s %d Tf %.2f %.2f Td %s Tj ET" % (font.encode(), size, x, h - top - size, pdf_string(s))


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def tounicode(pairs):
    """A ToUnicode CMap mapping single-byte codes to code points."""
    body = b"".join(b"<%02X> <%04X>\n" % (c, u) for c, u in pairs)
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"%d beginbfchar\n%sendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n"
            % (len(pairs), body))


def box_font(d):
    """F3: Helvetica whose codes 1, 2 read U+2612 ☒ and U+2610 ☐ (glyph ticks)."""
    tu = d.add(b"<< >>", tounicode([(1, 0x2612), (2, 0x2610), (4, 0x0301)]))
    d.font("F3", d.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 4 "
                       b"/Widths [750 750 0 0] /ToUnicode %d 0 R >>" % tu))


# ---- kind 1: "Yes / No" repeated in every row -------------------------------------

QUESTIONS = [  # (question text as the catalogue asks it, answer)
    ("coordination.focal_point", "Has a government entity been designated to coordinate victim assistance?", "yes"),
    ("coordination.national_plan", "Has a national action plan for victim assistance been adopted?", "no"),
    ("coordination.plan_budget", "Is the plan funded from the national budget?", "no"),
    ("coordination.monitoring", "Is implementation of the plan monitored and evaluated?", "yes"),
    ("coordination.survivor_participation", "Are survivors involved in decisions that affect them?", "no"),
    ("coordination.referral_mechanism",
     "Is there a national referral mechanism to refer mine victims to available services?", "yes"),
]


def front_matter_docx():
    return "".join([
        p(t("Anti-Personnel Mine Ban Convention")),
        p(t("Victim Assistance Checklist"), ppr='<w:pPr><w:pStyle w:val="Title"/></w:pPr>'),
        tbl(2, tr(tc(p(t("State Party"))), tc(p(t("Republic of Angola")))),
            tr(tc(p(t("Reporting year"))), tc(p(t("2023"))))),
        p(t("1. National ownership, coordination and planning"), ppr='<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'),
    ])


def repeated_yes_no_docx():
    """Every answer cell holds the same "☐ Yes ☐ No" pair (content controls); only
    the row says which question a tick answers."""
    rows = [tr(tc(p(t("Question"))), tc(p(t("Answer"))), tc(p(t("Comments"))),
               trpr="<w:trPr><w:tblHeader/></w:trPr>")]
    for i, (_, q, a) in enumerate(QUESTIONS):
        rows.append(tr(tc(p(t(f"1.{i + 1} {q}"))),
                       tc(p(mdx.sdt_checkbox(a == "yes"), t(" Yes / "), mdx.sdt_checkbox(a == "no"), t(" No"))),
                       tc(p())))
    mdx.docx("repeated_yes_no.docx", front_matter_docx() + tbl(3, *rows))


def repeated_yes_no_pdf():
    """The same checklist as a PDF: each question may wrap over two lines, and
    "☐ Yes ☐ No" (glyph boxes) sits on the question's first line, right of it."""
    d = Pdf()
    box_font(d)
    ops = [text(72, 50, "Anti-Personnel Mine Ban Convention", "F1", 9),
           text(72, 70, "Victim Assistance Checklist", "F2", 16),
           text(72, 100, "State Party: Republic of Angola"),
           text(72, 115, "Reporting year: 2023"),
           text(72, 145, "1. National ownership, coordination and planning", "F2", 12),
           text(76, 175, "Question", "F2", 10), text(380, 175, "Answer", "F2", 10)]
    y = 195
    for i, (_, q, a) in enumerate(QUESTIONS):
        words = f"1.{i + 1} {q}".split()
        lines, cur = [], ""
        for w in words:
            if cur and len(cur) + 1 + len(w) > 55:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}".strip()
        lines.append(cur)
        for k, line in enumerate(lines):
            ops.append(text(76, y + 13 * k, line))
        base = 842 - y - 10
        yes, no = (1, 2) if a == "yes" else (2, 1)
        ops.append(b"BT /F3 10 Tf 380 %.2f Td <%02X> Tj /F1 10 Tf ( Yes  ) Tj /F3 10 Tf <%02X> Tj "
                   b"/F1 10 Tf ( No) Tj ET" % (base, yes, no))
        y += 13 * len(lines) + 10
    d.page(ops)
    write("repeated_yes_no.pdf", d.bytes())


def repeated_yes_no_below_pdf():
    """No table: each question is a paragraph and its "☐ Yes ☐ No" line follows
    it, so every option line looks the same and only its place says which
    question it answers. Answers are the opposite of QUESTIONS'."""
    d = Pdf()
    box_font(d)
    ops = [text(72, 70, "Victim Assistance Checklist", "F2", 16),
           text(72, 100, "State Party: Republic of Angola"),
           text(72, 115, "Reporting year: 2023"),
           text(72, 145, "1. National ownership, coordination and planning", "F2", 12)]
    y = 175
    for i, (_, q, a) in enumerate(QUESTIONS):
        ops.append(text(72, y, f"1.{i + 1} {q}"))
        yes, no = (2, 1) if a == "yes" else (1, 2)
        ops.append(b"BT /F3 10 Tf 90 %.2f Td <%02X> Tj /F1 10 Tf ( Yes      ) Tj /F3 10 Tf <%02X> Tj "
                   b"/F1 10 Tf ( No) Tj ET" % (842 - (y + 16) - 10, yes, no))
        y += 44
    d.page(ops)
    write("repeated_yes_no_below.pdf", d.bytes())


# ---- kinds 4, 7, 8, 9: Word structure -----------------------------------------------

def mixed_tick_encodings_docx():
    """Legacy FORMCHECKBOX fields and w14:checkbox content controls side by side,
    in one paragraph and across the rows of one table."""
    rows = [tr(tc(p(t("Question"))), tc(p(t("Yes"))), tc(p(t("No"))), trpr="<w:trPr><w:tblHeader/></w:trPr>")]
    cells = [  # (yes box, no box)
        (mdx.sdt_checkbox(True, tag="q1_yes"), mdx.formcheckbox("<w:checked/>", name="q1_no")),  # both ticked
        (mdx.formcheckbox('<w:checked w:val="false"/>', name="q2_yes"), mdx.sdt_checkbox(True, tag="q2_no")),
        (mdx.formcheckbox('<w:default w:val="1"/>', name="q3_yes"), mdx.sdt_checkbox(False, tag="q3_no")),
    ]
    for i, (yes, no) in enumerate(cells):
        rows.append(tr(tc(p(t(f"1.{i + 1} {QUESTIONS[i][1]}"))), tc(p(yes)), tc(p(no))))
    mdx.docx("mixed_tick_encodings.docx", "".join([
        front_matter_docx(),
        tbl(3, *rows),
        p(mdx.formcheckbox('<w:checked w:val="on"/>', name="inline_a"), t(" A "),
          mdx.sdt_checkbox(False, tag="inline_b"), t(" B "),
          mdx.formcheckbox('<w:checked w:val="off"/>', name="inline_c"), t(" C "),
          mdx.sdt_checkbox(True, tag="inline_d"), t(" D")),
    ]))


PICTURE = ('<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture 1"/>'
           '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
           '<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="emblem.png"/><pic:cNvPicPr/></pic:nvPicPr>'
           '<pic:blipFill><a:blip r:embed="rId99"/></pic:blipFill><pic:spPr/></pic:pic>'
           "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


def cover_page_docx():
    """A cover page whose State name sits in a block-level content control that
    also holds the State's emblem (a picture) — Word's cover-page building block."""
    mdx.docx("cover_page_state.docx", "".join([
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/></w:docPartObj></w:sdtPr>'
        "<w:sdtContent>",
        p(PICTURE),
        '<w:sdt><w:sdtPr><w:alias w:val="Company"/><w:tag w:val=""/></w:sdtPr><w:sdtContent>',
        p(PICTURE, t("Republic of Mozambique")),
        "</w:sdtContent></w:sdt>",
        p(t("Victim Assistance Checklist"), ppr='<w:pPr><w:pStyle w:val="Title"/></w:pPr>'),
        p(t("Reporting year: "), '<w:sdt><w:sdtPr><w:tag w:val="year"/></w:sdtPr><w:sdtContent>', t("2023"),
          "</w:sdtContent></w:sdt>"),
        "</w:sdtContent></w:sdt>",
        p(t("1. National ownership, coordination and planning"), ppr='<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'),
        p(t("The Ministry of Health coordinates victim assistance.")),
    ]))


def comment_on_insertion_docx():
    """A tracked insertion carrying a comment; a deleted run with its own comment."""
    ins = '<w:ins w:id="10" w:author="Reviewer" w:date="2024-01-01T00:00:00Z">'
    dele = '<w:del w:id="11" w:author="Reviewer" w:date="2024-01-01T00:00:00Z">'
    comments = ('<w:comment w:id="0" w:author="Reviewer">' + p(t("Please confirm the figure.")) + "</w:comment>"
                '<w:comment w:id="1" w:author="Reviewer">' + p(t("Why removed?")) + "</w:comment>")
    mdx.docx("comment_on_insertion.docx", "".join([
        p(t("Survivors registered: "), '<w:commentRangeStart w:id="0"/>', ins, t("2,299"), "</w:ins>",
          '<w:commentRangeEnd w:id="0"/>', ins, '<w:r><w:commentReference w:id="0"/></w:r>', "</w:ins>",
          dele, '<w:r><w:delText>1,900</w:delText></w:r>', "</w:del>", t(".")),
        p('<w:commentRangeStart w:id="1"/>', dele, '<w:r><w:delText>Old sentence.</w:delText></w:r>', "</w:del>",
          '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>', t("New sentence.")),
    ]), parts={"comments": ("comments.xml", mdx.part_root("comments", comments))})


def section_headers_docx():
    """Two sections, each with its own default and first-page header and footer
    (§17.10.5 headerReference): furniture is per part, never per page."""
    def sect(h_default, h_first, f_default):
        return ('<w:sectPr><w:headerReference w:type="default" r:id="%s"/><w:headerReference w:type="first" r:id="%s"/>'
                '<w:footerReference w:type="default" r:id="%s"/><w:titlePg/></w:sectPr>' % (h_default, h_first, f_default))
    body = "".join([
        p(t("Section one text.")),
        p(t("End of section one."), ppr="<w:pPr>" + sect("rId1", "rId2", "rId4") + "</w:pPr>"),
        p(t("Section two text.")),
    ])
    doc = (f"{mdx.DECL}<w:document {mdx.NS}><w:body>{body}{sect('rId3', 'rId2', 'rId5')}</w:body></w:document>")
    parts = {
        "header1": ("header1.xml", mdx.part_root("hdr", p(t("Header of section one")))),
        "header2": ("header2.xml", mdx.part_root("hdr", p(t("First-page header")))),
        "header3": ("header3.xml", mdx.part_root("hdr", p(t("Header of section two")))),
        "footer4": ("footer1.xml", mdx.part_root("ftr", p(t("Footer of section one")))),
        "footer5": ("footer2.xml", mdx.part_root("ftr", p(t("Footer of section two")))),
    }
    mdx.docx("section_headers.docx", "", parts=parts, raw_document=doc)


# ---- limits: XML entities and unsafe names in OOXML ----------------------------------

def xml_attacks_docx():
    xxe = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f"<w:document {mdx.NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
    mdx.docx("xxe_document.docx", "", raw_document=xxe)
    # The same in a secondary part: styles must not become a way in.
    styles = ('<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>'
              f"<w:styles {mdx.NS}/>")
    mdx.docx("xxe_styles.docx", p(t("body")), parts={"styles": ("styles.xml", styles)})
    # An external DTD with no entity declarations: never fetched, the part reads.
    ext = (f'<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/word.dtd">'
           f"<w:document {mdx.NS}><w:body><w:p><w:r><w:t>external dtd ignored</w:t></w:r></w:p></w:body></w:document>")
    mdx.docx("external_dtd.docx", "", raw_document=ext)
    # Quadratic blow-up without entities: one huge attribute repeated is only
    # big, not amplified; a 20,000-deep element tree hits the depth limit.
    deep = (f"{mdx.DECL}<w:document {mdx.NS}><w:body>" + "<w:customXml>" * 20000 + p(t("deep")) +
            "</w:customXml>" * 20000 + "</w:body></w:document>")
    mdx.docx("very_deep.docx", "", raw_document=deep)


def zip_slip_docx():
    """Entries named "../word/document.xml" and "/word/document.xml" (never read),
    and a relationship pointing out of the package."""
    good = mdx.document(p(t("inside")))
    mdx.write_zip("zip_slip.docx", [
        ("[Content_Types].xml", f'{mdx.DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("../word/document.xml", good),
        ("/word/document.xml", good),
        ("..\\word\\document.xml", good),
    ])
    rel = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
           'Target="../../../../etc/passwd"/>')
    mdx.docx("rels_escape.docx", p(t("body stays")), rels=[rel])


# ---- PDF: broken structure, endless loops, sizes ---------------------------------------

def simple_pdf(lines):
    d = Pdf()
    d.page([text(72, 100 + 14 * i, s) for i, s in enumerate(lines)])
    return d.bytes()


def broken_pdfs():
    good = simple_pdf(["A report whose cross-reference table is wrong."])
    # Every xref offset off by 7 bytes: poppler rebuilds the table by scanning.
    xref = good.rfind(b"\nxref\n") + 1
    head, table = good[:xref], good[xref:]
    lines = table.split(b"\n")
    for i, line in enumerate(lines):
        if len(line) == 18 and line.endswith(b" 00000 n"):
            lines[i] = b"%010d 00000 n" % (int(line[:10]) + 7)
    write("broken_xref.pdf", head + b"\n".join(lines))
    # The file cut in the middle of its xref table.
    write("truncated_xref.pdf", good[: xref + 40])
    # No xref at all, no startxref.
    write("no_xref.pdf", good[:xref])
    # startxref pointing far past the end.
    write("startxref_past_end.pdf", good[: good.rfind(b"startxref")] + b"startxref\n99999999\n%%EOF\n")


def loop_pdfs():
    # A page tree whose Kids contain the Pages node itself (a cycle).
    d = Pdf()
    d.page([text(72, 100, "Cycle in the page tree.")])
    b = d.bytes().replace(b"/Kids [", b"/Kids [2 0 R ")
    write("page_tree_cycle.pdf", fix_xref(b))
    # A trailer whose /Prev points back at its own xref section.
    good = simple_pdf(["Prev loop."])
    x = good.rfind(b"startxref\n") + len(b"startxref\n")
    xref_at = int(good[x:good.find(b"\n", x)])
    write("xref_prev_loop.pdf", good.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Prev %d >>" % xref_at))
    # A form XObject that draws itself.
    d = Pdf()
    x_self = len(d.objs) + 1
    d.add((b"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X %d 0 R >> >> >>"
           % x_self), b"/X Do")
    d.page([text(72, 100, "Self-drawing form."), b"/X Do"], xobjects={"X": x_self})
    write("xobject_self.pdf", d.bytes())
    # Exponential drawing: form k draws form k-1 four times, 24 levels deep
    # (4^24 glyphs). No cycle, so the reader's recursion guard never fires: only
    # the per-document time limit ends it.
    d = Pdf()
    prev = None
    for k in range(24):
        if prev is None:
            data = b"BT /F1 1 Tf 0 0 Td (a) Tj ET"
            res = b"<< /Font << /F1 %d 0 R >> >>" % d.helv
        else:
            data = b" ".join([b"/X Do"] * 4)
            res = b"<< /XObject << /X %d 0 R >> >>" % prev
        prev = d.add(b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %s >>" % res, data)
    d.page([text(72, 100, "Exponential drawing."), b"/X Do"], xobjects={"X": prev})
    write("xobject_exponential.pdf", d.bytes())
    # A page tree claiming 100 million pages with one real page.
    d = Pdf()
    d.page([text(72, 100, "One real page.")])
    write("huge_page_count.pdf", d.bytes(pages_count=100000000))


def issue9_hostile():
    """Issue 9: a package with two word/document.xml entries (one says Yes, the
    other No: ambiguous, refused); a legitimate document whose one text run is
    5 MB of a repeated character (deflates ~1000:1, under the inflated-size
    caps: read); page trees with loops whose page 1 carries a checklist answer."""
    import warnings
    import zipfile
    q = ("Is there a national focal point (ministry or agency) responsible for overseeing victim "
         "assistance and its integration into broader policies?")
    yes = mdx.document(mdx.p(mdx.t(q + " Yes")))
    no = mdx.document(mdx.p(mdx.t(q + " No")))
    ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="xml" ContentType="application/xml"/></Types>')
    for name, second in (("duplicate_document.docx", "word/document.xml"),
                         ("duplicate_document_case.docx", "Word/Document.xml")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
            with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
                for entry, data in (("[Content_Types].xml", ct), ("word/document.xml", yes), (second, no)):
                    z.writestr(zipfile.ZipInfo(entry, mdx.STAMP), data)
    run = "LONGRUNSTART " + "x" * (5 * 1000 * 1000) + " LONGRUNEND"
    mdx.write_zip("long_text_run.docx", [("[Content_Types].xml", ct),
                                         ("word/document.xml", mdx.document(mdx.p(mdx.t(q + " Yes")) +
                                                                            mdx.p(mdx.t(run))))])
    lines = ["Victim assistance checklist 2024", "1. National ownership and coordination",
             "Is there a national focal point (ministry or agency) responsible for overseeing",
             "victim assistance and its integration into broader policies? Yes"]
    # The root's Kids hold an intermediate node A whose Kids are [page 1, root]:
    # the tree loops back to its root after page 1.
    d = Pdf()
    d.page([text(72, 100 + 14 * i, s) for i, s in enumerate(lines)])
    a = d.add(b"<< /Type /Pages /Parent 2 0 R /Kids [%d 0 R 2 0 R] /Count 2 >>" % d.pages[0])
    b = d.bytes().replace(b"/Kids [%d 0 R] /Count 1" % d.pages[0], b"/Kids [%d 0 R] /Count 2" % a)
    b = b.replace(b"/Parent 2 0 R /MediaBox", b"/Parent %d 0 R /MediaBox" % a)
    write("page_tree_loop_after_page1.pdf", fix_xref(b))
    # The loop comes first: root Kids [A, page 1], A's Kids [root].
    d = Pdf()
    d.page([text(72, 100 + 14 * i, s) for i, s in enumerate(lines)])
    a = d.add(b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
    b = d.bytes().replace(b"/Kids [%d 0 R] /Count 1" % d.pages[0], b"/Kids [%d 0 R %d 0 R] /Count 2" % (a, d.pages[0]))
    write("page_tree_loop_before_page1.pdf", fix_xref(b))


def fix_xref(data):
    """Rewrites the xref offsets after an edit that moved objects."""
    out = bytearray(data[: data.rfind(b"\nxref\n") + 1])
    import re
    offsets = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", bytes(out))}
    n = max(offsets) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % n
    for i in range(1, n):
        out += b"%010d 00000 n \n" % offsets[i]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n, xref)
    return bytes(out)


# ---- PDF: layout kinds 10 and 12 ---------------------------------------------------------

def layout_pdfs():
    """Two columns; line ends "co-"/"operation" and "socio-"/"économique" (real
    hyphens), "rehabili" + soft hyphen/"tation"; an "e" followed by a separate
    combining acute (ToUnicode → U+0301); the "fi" ligature as U+FB01."""
    d = Pdf()
    tu = d.add(b"<< >>", tounicode([(1, 0xFB01), (2, 0x00AD), (3, 0x0301)]))
    d.font("F6", d.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 3 "
                       b"/Widths [556 333 0] /ToUnicode %d 0 R >>" % tu))
    left = ["LEFTSTART The national plan relies on",
            "international co-",
            "operation and on the socio-",
            "\u00e9conomique inclusion of survivors",
            "and on physical rehabili\x02",
            "tation services in every province.",
            "It ends here, left end."]
    right = ["RIGHTSTART The Ministry re\x02",
             "\x01nanced the centres of Cafe\x03 in 2023",
             "and the plan is monitored each",
             "year by the coordination committee.",
             "Nothing else is said, right end."]
    ops = [text(72, 60, "Two columns and hyphens", "F2", 14)]
    for i, line in enumerate(left):
        ops.append(line_ops(72, 100 + 13 * i, line))
    for i, line in enumerate(right):
        ops.append(line_ops(320, 100 + 13 * i, line))
    d.page(ops)
    write("columns_hyphens_marks.pdf", d.bytes())


def line_ops(x, top, s):
    """A line in Helvetica where \\x01 \\x02 \\x03 are drawn in F6 (ligature,
    soft hyphen, combining acute)."""
    base = 842 - top - 10
    parts, cur, special = [], "", {"\x01": b"<01>", "\x02": b"<02>", "\x03": b"<03>"}
    ops = b"BT %.2f %.2f Td" % (x, base)
    for ch in s:
        if ch in special:
            if cur:
                ops += b" /F1 10 Tf %s Tj" % pdf_string(cur)
                cur = ""
            ops += b" /F6 10 Tf %s Tj" % special[ch]
        else:
            cur += ch
    if cur:
        ops += b" /F1 10 Tf %s Tj" % pdf_string(cur)
    return ops + b" ET"


# ---- PDF: kinds 5, 6, 11, 17 (features of the forms / OCR work) -----------------------------

def acroform_pdf():
    """Check boxes whose on-state is /Yes, /On, /Ja, a custom name, /No (still
    checked: any name but /Off is on), an unchecked one (/Off), and a radio
    group whose export values are kept in /Opt (ISO 32000-1 §12.7.4.2.3)."""
    d = Pdf()
    on_ap = d.add(b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /ZaDb %d 0 R >> >> >>"
                  % d.zapf, b"0 g BT /ZaDb 8 Tf 1.5 2 Td (4) Tj ET 0 G 0.5 0.5 9 9 re S")
    off_ap = d.add(b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] >>", b"0 G 0.5 0.5 9 9 re S")
    boxes = [("cb_yes", "Yes", True), ("cb_on", "On", True), ("cb_ja", "Ja", True),
             ("cb_custom", "Choice1", True), ("cb_no_name", "No", True), ("cb_off", "Yes", False)]
    ops = [text(72, 60, "Form check boxes", "F2", 14)]
    top = 100
    widget_nums = []
    for i, (name, on, checked) in enumerate(boxes):
        y = 842 - (top + 24 * i) - 10
        ops.append(text(72, top + 24 * i, f"Option {name}"))
        state = on if checked else "Off"
        n = d.add(b"<< /Type /Annot /Subtype /Widget /FT /Btn /T %s /Rect [300 %d 310 %d] /F 4 /V /%s /AS /%s "
                  b"/AP << /N << /%s %d 0 R /Off %d 0 R >> >> /MK << /CA (4) >> >>"
                  % (pdf_string(name), y, y + 10, state.encode(), state.encode(), on.encode(), on_ap, off_ap))
        widget_nums.append(n)
    # A radio group "consent" with /Opt export values: kids on-states /0 and /1.
    ry = 842 - (top + 24 * len(boxes)) - 10
    ops.append(text(72, top + 24 * len(boxes), "Consent given"))
    ops.append(text(320, top + 24 * len(boxes), "Oui"))
    ops.append(text(380, top + 24 * len(boxes), "Non"))
    parent = len(d.objs) + 3
    k0 = d.add(b"<< /Type /Annot /Subtype /Widget /Parent %d 0 R /Rect [305 %d 315 %d] /F 4 /AS /0 "
               b"/AP << /N << /0 %d 0 R /Off %d 0 R >> >> >>" % (parent, ry, ry + 10, on_ap, off_ap))
    k1 = d.add(b"<< /Type /Annot /Subtype /Widget /Parent %d 0 R /Rect [365 %d 375 %d] /F 4 /AS /Off "
               b"/AP << /N << /1 %d 0 R /Off %d 0 R >> >> >>" % (parent, ry, ry + 10, on_ap, off_ap))
    assert d.add(b"<< /FT /Btn /Ff 49152 /T (consent) /V /0 /Opt [(Oui) (Non)] /Kids [%d 0 R %d 0 R] >>"
                 % (k0, k1)) == parent
    annots = widget_nums + [k0, k1]
    page = d.page(ops, extra=b" /Annots [%s]" % b" ".join(b"%d 0 R" % a for a in annots))
    # Widgets need /P (their page) for some readers.
    for a in annots:
        body = d.objs[a - 1]
        d.objs[a - 1] = body[:-2] + b" /P %d 0 R >>" % page
    d.catalog_extra = b" /AcroForm << /Fields [%s] /NeedAppearances false >>" % b" ".join(
        b"%d 0 R" % f for f in widget_nums + [parent])
    write("acroform_states.pdf", d.bytes())


def vector_ticks_pdf():
    """Check boxes drawn as squares (re S) beside "Yes" / "No", the chosen one
    crossed by two drawn lines: no glyph, no form field."""
    d = Pdf()
    ops = [text(72, 60, "Victim Assistance Checklist", "F2", 14),
           text(76, 100, "Question", "F2", 10), text(450, 100, "Answer", "F2", 10)]
    for i, (_, q, a) in enumerate(QUESTIONS[:4]):
        top = 124 + 30 * i
        ops.append(text(76, top, f"1.{i + 1} {q}", size=9))
        for x, label in ((450, "Yes"), (500, "No")):
            y = 842 - top - 10
            ops.append(b"0 G 1 w %d %d 10 10 re S" % (x, y))
            if label.lower() == a:
                ops.append(b"%d %d m %d %d l S %d %d m %d %d l S" % (x + 2, y + 2, x + 8, y + 8, x + 2, y + 8, x + 8, y + 2))
            ops.append(text(x + 14, top, label))
    d.page(ops)
    write("vector_ticks.pdf", d.bytes())


def unmapped_font_pdf():
    """Helvetica drawn correctly, but its ToUnicode maps every code to U+FFFD:
    the text layer is useless (as with fonts without a Unicode map)."""
    d = Pdf()
    tu = d.add(b"<< >>", tounicode([(c, 0xFFFD) for c in range(0x20, 0x7F)]))
    d.font("F7", d.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                       b"/ToUnicode %d 0 R >>" % tu))
    d.page([text(72, 100, "Victim assistance report", "F7", 24),
            text(72, 150, "Survivors registered in 2023", "F7", 20)])
    write("unmapped_font.pdf", d.bytes())


def mixed_scan_pdf():
    """Page 1 has a text layer; page 2 is a scan: an image of printed text (the
    page of a text PDF rasterised at 150 dpi by pdftoppm), no text layer."""
    src = Pdf()
    src.page([text(72, 100, "SCANNED PAGE TWO", "F2", 28),
              text(72, 160, "Survivors assisted in 2023", "F1", 20)])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "src.pdf")
        with open(path, "wb") as f:
            f.write(src.bytes())
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", "1", "-l", "1", path, os.path.join(tmp, "scan")],
                       check=True)
        pgm = [f for f in os.listdir(tmp) if f.endswith(".pgm")][0]
        raw = open(os.path.join(tmp, pgm), "rb").read()
    # PGM (P5) as pdftoppm writes it: "P5\n<w> <h>\n255\n" then the pixels.
    magic, size, maxval, _ = raw.split(b"\n", 3)
    assert magic == b"P5" and maxval == b"255"
    w, h = (int(v) for v in size.split())
    pos = len(magic) + len(size) + len(maxval) + 3
    pixels = raw[pos:pos + w * h]
    d = Pdf()
    d.page([text(72, 100, "Page one has a text layer."), text(72, 114, "It is read without OCR.")])
    img = d.add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode >>" % (w, h), zlib.compress(pixels, 9))
    d.page([b"q 595 0 0 842 0 0 cm /Im1 Do Q"], xobjects={"Im1": img})
    write("mixed_scan.pdf", d.bytes())


def main():
    os.makedirs(OUT, exist_ok=True)
    repeated_yes_no_docx()
    repeated_yes_no_pdf()
    repeated_yes_no_below_pdf()
    mixed_tick_encodings_docx()
    cover_page_docx()
    comment_on_insertion_docx()
    section_headers_docx()
    xml_attacks_docx()
    zip_slip_docx()
    broken_pdfs()
    loop_pdfs()
    layout_pdfs()
    acroform_pdf()
    vector_ticks_pdf()
    unmapped_font_pdf()
    mixed_scan_pdf()
    issue9_hostile()


if __name__ == "__main__":
    main()
