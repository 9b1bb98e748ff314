#!/usr/bin/python3
"""Writes the small PDFs of tests/data/pdf/ used by tests/extractors/pdf_*_test.cc.

Standard library only: PDF syntax is emitted directly (ISO 32000-1), with the
standard 14 fonts (Helvetica, Helvetica-Bold, ZapfDingbats) and, where a glyph
must come out as U+2612 / U+2610 / U+00AD, a Helvetica font with a /ToUnicode
CMap for codes 1-3. Encryption is the standard security handler, RC4 40-bit
(revision 2), computed here per ISO 32000-1 §7.6.3.3 algorithms 2, 3 and 4.

Run from anywhere:  /usr/bin/python3 tests/data/make_pdf.py
The outputs are committed; rerunning rewrites identical files.
"""
import hashlib
import os
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdf")
A4 = (595, 842)

# Font resource names used in content streams.
#   F1 Helvetica (WinAnsi)  F2 Helvetica-Bold  F3 Helvetica with ToUnicode 1→☒ 2→☐ 3→U+00AD
#   F4 ZapfDingbats ('4' ✔, 'o' ❏, 'n' ■)  F5 Helvetica with its builtin StandardEncoding (0xAE = fi)
TOUNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
3 beginbfchar
<01> <2612>
<02> <2610>
<03> <00AD>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""

PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def pad(pw):
    return (pw.encode("latin-1") + PADDING)[:32]


class Security:
    """RC4 40-bit, revision 2 (ISO 32000-1 §7.6.3.3)."""

    def __init__(self, user_pw, owner_pw, doc_id):
        self.P = -44  # print + copy allowed; bits 1-2 zero, 7-8 and 13-32 one as required for R2
        # Algorithm 3: the O entry.
        okey = hashlib.md5(pad(owner_pw or user_pw)).digest()[:5]
        self.O = rc4(okey, pad(user_pw))
        # Algorithm 2: the file key.
        h = hashlib.md5()
        h.update(pad(user_pw))
        h.update(self.O)
        h.update((self.P & 0xFFFFFFFF).to_bytes(4, "little"))
        h.update(doc_id)
        self.key = h.digest()[:5]
        # Algorithm 4: the U entry.
        self.U = rc4(self.key, PADDING)

    def object_key(self, num, gen):
        # Algorithm 1: per-object key.
        h = hashlib.md5(self.key + num.to_bytes(3, "little") + gen.to_bytes(2, "little"))
        return h.digest()[: min(len(self.key) + 5, 16)]


def pdf_string(s):
    """A literal string in WinAnsi; () and \\ escaped."""
    if isinstance(s, str):
        s = s.encode("cp1252")
    return b"(" + s.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class Page:
    def __init__(self, size=A4, rotate=0):
        self.w, self.h = size
        self.rotate = rotate
        self.ops = []
        self.image = False

    def text(self, x, top, s, font="F1", size=10):
        """Draws `s` with its top-left near (x, top) in top-left coordinates."""
        base = self.h - top - size
        self.ops.append(b"BT /%s %d Tf %.2f %.2f Td %s Tj ET" % (font.encode(), size, x, base, pdf_string(s)))

    def raw(self, op):
        self.ops.append(op)

    def content(self):
        return b"\n".join(self.ops) + b"\n"


class Pdf:
    def __init__(self, title=None):
        self.pages = []
        self.title = title

    def page(self, **kw):
        p = Page(**kw)
        self.pages.append(p)
        return p

    def write(self, path, security=None, doc_id=b"vareport-test-id"):
        objs = {}  # num -> bytes (dictionary or stream with placeholder)
        streams = {}  # num -> (dict bytes, data)

        def add(body=None, stream=None):
            n = len(objs) + len(streams) + 1
            if stream is not None:
                streams[n] = (body, stream)
            else:
                objs[n] = body
            return n

        catalog = add(b"")  # filled later
        pages_n = add(b"")
        f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        tu = add(b"<< >>", TOUNICODE)
        f3 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 3 "
                 b"/Widths [750 750 333] /ToUnicode %d 0 R >>" % tu)
        f4 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
        f5 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        img = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                  b"/BitsPerComponent 8 /Filter /FlateDecode >>", zlib.compress(bytes(range(0, 256, 4))))
        fonts = b"<< /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R /F4 %d 0 R /F5 %d 0 R" % (f1, f2, f3, f4, f5)
        if getattr(self, "type3", None):
            # A Type 3 font (ISO 32000-1 §9.6.5) whose glyph procedures draw the
            # letters with Helvetica; glyph names say nothing, no /ToUnicode.
            codes, names, widths = self.type3
            procs = []
            for ch, code in codes.items():
                glyph = b"%d 0 d0 BT /F1 1000 Tf 0 0 Td %s Tj ET" % (widths[code], pdf_string(ch))
                procs.append(b"/%s %d 0 R" % (names[code], add(b"<< >>", glyph)))
            lo, hi = min(codes.values()), max(codes.values())
            diffs = b" ".join(b"%d /%s" % (c, names[c]) for c in sorted(names))
            w = b" ".join(b"%d" % widths.get(c, 0) for c in range(lo, hi + 1))
            f9 = add(b"<< /Type /Font /Subtype /Type3 /FontBBox [0 -250 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
                     b"/CharProcs << %s >> /Encoding << /Type /Encoding /Differences [%s] >> /FirstChar %d "
                     b"/LastChar %d /Widths [%s] /Resources << /Font << /F1 %d 0 R >> >> >>"
                     % (b" ".join(procs), diffs, lo, hi, w, f1))
            fonts += b" /F9 %d 0 R" % f9
        fonts += b" >>"
        kids = []
        for p in self.pages:
            c = add(b"<< >>", p.content())
            rot = b" /Rotate %d" % p.rotate if p.rotate else b""
            n = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d]%s /Contents %d 0 R "
                    b"/Resources << /Font %s /XObject << /Im1 %d 0 R >> >> >>"
                    % (pages_n, p.w, p.h, rot, c, fonts, img))
            kids.append(n)
        objs[catalog] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_n
        objs[pages_n] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in kids), len(kids))
        info = None
        if self.title:
            info = add(b"")
        enc = None
        if security:
            enc = add(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
                      % (security.O.hex().encode(), security.U.hex().encode(), security.P))
        if info:
            t = self.title.encode("cp1252")
            if security:
                t = rc4(security.object_key(info, 0), t)
                objs[info] = b"<< /Title <%s> >>" % t.hex().encode()
            else:
                objs[info] = b"<< /Title %s >>" % pdf_string(t)

        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        total = len(objs) + len(streams)
        for n in range(1, total + 1):
            offsets[n] = len(out)
            if n in streams:
                d, data = streams[n]
                if security:
                    data = rc4(security.object_key(n, 0), data)
                d = d[:-2] + b" /Length %d >>" % len(data)
                out += b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (n, d, data)
            else:
                out += b"%d 0 obj\n%s\nendobj\n" % (n, objs[n])
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (total + 1)
        for n in range(1, total + 1):
            out += b"%010d 00000 n \n" % offsets[n]
        trailer = b"/Size %d /Root %d 0 R /ID [<%s> <%s>]" % (total + 1, catalog, doc_id.hex().encode(),
                                                             doc_id.hex().encode())
        if info:
            trailer += b" /Info %d 0 R" % info
        if enc:
            trailer += b" /Encrypt %d 0 R" % enc
        out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
        with open(path, "wb") as f:
            f.write(out)
        return bytes(out)


def out(name):
    return os.path.join(OUT, name)


# ---- one file per feature ------------------------------------------------------

def checklist_grid():
    """Header Questions | Yes | No | Partially | Details; wrapped questions with the
    tick (ZapfDingbats ✔) vertically centred on the middle line; one row with two ticks."""
    d = Pdf(title="Checklist grid")
    p = d.page()
    p.text(72, 60, "1. National ownership and coordination", "F2", 12)
    y = 100
    for x, label in ((76, "Questions"), (290, "Yes"), (330, "No"), (365, "Partially"), (420, "Details / comments")):
        p.text(x, y, label, "F2", 10)
    rows = [
        (["Is there a national focal point (ministry or", "agency) responsible for overseeing victim",
          "assistance and its integration?"], 292, None, "See annex II."),
        (["Is there a national victim assistance", "action plan in force?"], 332, None, None),
        (["Are national funds earmarked for victim", "assistance activities under the plan?"], 292, 332, None),
        (["Is the plan monitored?"], 370, None, "Ministry of Health."),
    ]
    y += 20
    for lines, t1, t2, comment in rows:
        for i, line in enumerate(lines):
            p.text(76, y + i * 13, line)
        mid = y + (len(lines) - 1) * 13 / 2.0
        p.text(t1, mid + 1, "4", "F4", 11)
        if t2:
            p.text(t2, mid + 1, "4", "F4", 11)
        if comment:
            p.text(420, y, comment)
        y += len(lines) * 13 + 8
    p.text(72, y + 20, "Objectives for the coming period", "F2", 11)
    d.write(out("checklist_grid.pdf"))


def inline_options():
    """Answer cell holding "☒ Yes ☐ No ☐ In progress" (F3 codes 1/2 via ToUnicode),
    plus a line of ZapfDingbats ❏ / ■ boxes."""
    d = Pdf()
    p = d.page()
    p.text(76, 100, "Question", "F2", 10)
    p.text(300, 100, "Answer", "F2", 10)
    p.text(450, 100, "Comments", "F2", 10)
    qs = [("Is there a referral mechanism?", 1, 2, 2), ("Is a directory of services available?", 2, 1, 2),
          ("Are services accessible?", 2, 2, 1)]
    y = 120
    for q, a, b, c in qs:
        p.text(76, y, q)
        x = 300
        for code, label in ((a, "Yes"), (b, "No"), (c, "In progress")):
            p.text(x, y, bytes([code]), "F3", 10)
            p.text(x + 10, y, label)
            x += 10 + 6 * len(label) + 8
        y += 22
    p.text(76, y + 20, "Survivors consulted:")
    p.text(200, y + 20, "n", "F4", 10)
    p.text(212, y + 20, "Yes")
    p.text(240, y + 20, "o", "F4", 10)
    p.text(252, y + 20, "No")
    d.write(out("inline_options.pdf"))


LOREM = ("Victim assistance services are provided through the national health system and partner "
         "organisations in every affected province while survivors take part in the planning of "
         "services and their evaluation each year under the national plan").split()


def wrap(words, width_chars):
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width_chars:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        lines.append(cur)
    return lines


def two_column():
    """Left column "LEFT-START … left end." and right column "RIGHT-START … right end."."""
    d = Pdf()
    p = d.page()
    p.text(72, 60, "Two column report", "F2", 14)
    left = wrap(["LEFTSTART"] + LOREM + LOREM + ["left", "end."], 40)
    right = wrap(["RIGHTSTART"] + LOREM + LOREM + ["right", "end."], 40)
    for i, line in enumerate(left):
        p.text(72, 100 + i * 13, line)
    for i, line in enumerate(right):
        p.text(315, 100 + i * 13, line)
    d.write(out("two_column.pdf"))


def header_footer():
    """Running header "Report on victim assistance 2022" and footer "Page N of 3"."""
    d = Pdf()
    for n in range(1, 4):
        p = d.page()
        p.text(300, 30, "Report on victim assistance 2022", "F1", 8)
        p.text(72, 100, "Body text of page %d about survivors." % n)
        p.text(72, 113, "It continues on a second line.")
        p.text(280, 800, "Page %d of 3" % n, "F1", 8)
    d.write(out("header_footer.pdf"))


def hyphenation():
    """Line ends: "imple-/mentation" (joined; "implementation" occurs elsewhere),
    "frag-/ments" (joined: lower-case continuation), "co-/operation" (kept: prefix),
    soft hyphen "rehabili\\xad/tation" (joined), "2020-/2024" (kept, digits)."""
    d = Pdf()
    p = d.page()
    lines = [
        "The implementation of the plan is on track.",
        "",
        "The plan's imple-",
        "mentation continues with frag-",
        "ments of funding and international co-",
        "operation with partners for 2020-",
        "2024 and physical rehabili" + "\x03",
        "tation services.",
    ]
    for i, line in enumerate(lines):
        if not line:
            continue
        if line.endswith("\x03"):
            # The soft hyphen (F3 code 3 → U+00AD) follows "rehabili" in the same text object.
            p.raw(b"BT /F1 10 Tf 72 %.2f Td %s Tj /F3 10 Tf <03> Tj ET" % (p.h - 110 - i * 13, pdf_string(line[:-1])))
        else:
            p.text(72, 100 + i * 13, line)
    d.write(out("hyphenation.pdf"))


def ligatures():
    """"ﬁnancial" with StandardEncoding's fi ligature code 0xAE (Helvetica builtin encoding)."""
    d = Pdf()
    p = d.page()
    p.raw(b"BT /F5 10 Tf 72 700 Td (The \xaenancial of\xaece \xafow.) Tj ET")
    d.write(out("ligatures.pdf"))


def accents():
    """"Cafe" + spacing acute (WinAnsi 0xB4) drawn over the "e", as a separate text object."""
    d = Pdf()
    p = d.page()
    p.raw(b"BT /F1 10 Tf 72 700 Td (Cafe) Tj ET")
    # Helvetica widths: C 722, a 556, f 278 -> "e" starts at 72 + 15.56 = 87.56, width 5.56; acute 333.
    p.raw(b"BT /F1 10 Tf 88.70 703 Td (\xb4) Tj ET")
    p.raw(b"BT /F1 10 Tf 100 700 Td (de la paix) Tj ET")
    d.write(out("accents.pdf"))


def table_two_pages():
    """A Questions | Yes | No | Partially table on page 1, continued on page 2 with
    its header repeated."""
    d = Pdf()
    for n, qs in ((1, ["Question one?", "Question two?", "Question three?"]),
                  (2, ["Question four?", "Question five?"])):
        p = d.page()
        y = 80 if n == 2 else 100
        if n == 1:
            p.text(72, 60, "Section A", "F2", 12)
        for x, label in ((76, "Questions"), (290, "Yes"), (330, "No"), (365, "Partially")):
            p.text(x, y, label, "F2", 10)
        y += 20
        for i, q in enumerate(qs):
            p.text(76, y, q)
            p.text(292 + 40 * (i % 3), y, "4", "F4", 10)
            y += 21
    d.write(out("table_two_pages.pdf"))


def rotated():
    """/Rotate 90 on an A4 portrait page: text drawn normally, displayed sideways."""
    d = Pdf()
    p = d.page(rotate=90)
    p.text(72, 100, "Annex on a rotated page", "F2", 12)
    p.text(72, 130, "First line of the rotated annex.")
    p.text(72, 143, "Second line of the rotated annex.")
    d.write(out("rotated.pdf"))


def encrypted():
    for name, user, owner in (("encrypted_empty_user.pdf", "", "owner"), ("encrypted_password.pdf", "secret", "owner")):
        d = Pdf(title="Encrypted sample")
        p = d.page()
        p.text(72, 100, "Confidential victim assistance data.")
        doc_id = hashlib.md5(name.encode()).digest()
        d.write(out(name), security=Security(user, owner, doc_id), doc_id=doc_id)


def broken():
    d = Pdf()
    p = d.page()
    p.text(72, 100, "This file will be cut short.")
    data = d.write(out("truncated.pdf"))
    with open(out("truncated.pdf"), "wb") as f:
        f.write(data[:120])
    with open(out("not_a_pdf.pdf"), "wb") as f:
        f.write(b"This is a plain text file that someone renamed to .pdf.\n")


def helvetica_width(s, size=10):
    """Width in points of digits, commas and spaces in Helvetica (AFM widths)."""
    w = {",": 278, " ": 278, ".": 278}
    return sum(w.get(c, 556) for c in s) * size / 1000.0


def memo_table():
    """An Article 7 memo page (Word export): a numbered paragraph, a small ruled table
    "Indicator | Total | Female | Male | Source" (2 rows, figures right-aligned, wrapped
    first-column and source cells), then, set with the table rows' own leading and spacing,
    "Objectives for 2020:", a lettered list a) b) whose b) wraps, and numbered
    paragraphs "3. ..." / "5. Psychological support ... . The ..." with hanging indents."""
    d = Pdf(title="Article 7 report - Form J")
    p = d.page()
    lead = 12  # points between the lines of one paragraph or one cell
    y = 72
    p.text(71, y, "Assistance to mine victims", "F2", 12)
    y += 22

    def numbered(label, lines):
        nonlocal y
        p.text(89, y, label)
        for i, line in enumerate(lines):
            p.text(107, y + i * lead, line)
        y += len(lines) * lead + 6

    numbered("2.", ["Data collection and information management. There is no centralised database",
                    "on mine victims; information is scattered among service providers."])
    p.text(71, y, "Table 1. Mine/ERW casualties and survivors, 2019", "F2", 10)
    y += 18
    # The table: column left edges (cell text starts 5.4 pt inside the rules), rules
    # at row and column boundaries, figures right-aligned 5.4 pt before the next rule,
    # except under "Male", whose figures end 3 pt before the rule and the Source text
    # starts 4 pt after it: closer than 1 em, as narrow cells print them.
    cols = [76.4, 230.8, 294.3, 357.8, 419.9]
    rules_x = [71.0, 225.4, 288.9, 352.4, 415.9, 524.0]
    rows = [
        (["Indicator"], "Total", "Female", "Male", ["Source"]),
        (["New casualties (killed and", "injured) in 2019"], "61", "3", "58", ["National database"]),
        (["Survivors recorded", "(cumulative)"], "3,590", "503", "3,087", ["National Mine Action", "Authority (NMAA)"]),
    ]
    top = y
    tops = []
    for r, (first, total, female, male, source) in enumerate(rows):
        tops.append(y - 3)
        font = "F2" if r == 0 else "F1"
        for i, line in enumerate(first):
            p.text(cols[0], y + i * lead, line, font)
        for k, v in ((1, total), (2, female), (3, male)):
            x = cols[k] if r == 0 else rules_x[k + 1] - (3.0 if k == 3 else 5.4) - helvetica_width(v)
            p.text(x, y, v, font)
        for i, line in enumerate(source):
            p.text(cols[4], y + i * lead, line, font)
        y += max(len(first), len(source)) * lead + 6
    tops.append(y - 3)
    for t in tops:
        p.raw(b"0.5 w %.2f %.2f m %.2f %.2f l S" % (rules_x[0], p.h - t, rules_x[-1], p.h - t))
    for x in rules_x:
        p.raw(b"0.5 w %.2f %.2f m %.2f %.2f l S" % (x, p.h - (top - 3), x, p.h - tops[-1]))
    y += 6
    # The paragraphs after it, with the same leading and 6 pt between paragraphs.
    p.text(107, y, "Objectives for 2020:")
    y += lead + 6
    numbered("a)", ["Strengthen the sharing of data with service providers by mid-2021."])
    numbered("b)", ["Improve the quality of data on mine victims, disaggregated by sex, age and",
                    "disability, before 31 December 2021."])
    numbered("3.", ["Emergency and continuing medical care. During the reporting period, 24 health",
                    "workers and community volunteers were trained in first aid and trauma care."])
    numbered("5.", ["Psychological support and social reintegration. No psychosocial services are",
                    "available to survivors outside the capital. The survivors' associations run",
                    "peer-to-peer support in the affected regions."])
    d.write(out("memo_table.pdf"))


def image_only():
    d = Pdf()
    p = d.page()
    p.raw(b"q 400 0 0 500 100 200 cm /Im1 Do Q")
    d.write(out("image_only.pdf"))


def no_unicode_map():
    """Issue 9 kind 7: a page drawn with a Type 3 font whose glyphs have made-up
    names (/g1, /g2, …) and no /ToUnicode, its codes given in order of first use
    from "a" up, as font subsetting does: the page renders "Victim assistance
    report 2023 / Survivors registered …" but its text layer reads as letter
    soup. Page 2 is ordinary Helvetica text (usable)."""
    text_lines = ["Victim assistance report 2023", "Survivors registered in the national database",
                  "Physical rehabilitation centres in every province",
                  "Psychological support and peer groups for survivors",
                  "Economic inclusion through vocational training",
                  "Education for children with disabilities in schools",
                  "Coordination meetings of the national committee"]
    codes = {" ": 0x20}  # the space keeps its code and name: words stay apart
    for line in text_lines:
        for ch in line:
            if ch not in codes:
                n = len(codes) - 1
                codes[ch] = 0x61 + n if n < 26 else 0x41 + n - 26
    glyph_names = {code: (b"space" if ch == " " else b"g%d" % i) for i, (ch, code) in enumerate(codes.items())}
    # Helvetica advance widths, roughly (the page must render legibly for OCR).
    narrow, wide = "ijlftrI ", "mwMW"
    widths = {code: (278 if ch in narrow else 833 if ch in wide else 667 if ch.isupper() else 556)
              for ch, code in codes.items()}
    d = Pdf()
    p = d.page()
    for i, line in enumerate(text_lines):
        size = 18 if i == 0 else 12
        enc = bytes(codes[ch] for ch in line)
        p.raw(b"BT /F9 %d Tf 72 %.2f Td %s Tj ET" % (size, p.h - 100 - i * 24 - size, pdf_string(enc)))
    p2 = d.page()
    p2.text(72, 100, "Page two is ordinary text about survivors and the services they receive.")
    d.type3 = (codes, glyph_names, widths)
    d.write(out("no_unicode_map.pdf"))


def numbered_grid():
    """Issue 9 kinds 5 and 8: a numbered checklist grid as Word exports it to PDF.
    Header "No. | Question | Answer | Comments" over a second header line
    "Yes  No  Partially" whose labels split the merged "Answer" cell; the
    question number in its own column; boxes ☐/☒ (F3 codes 2/1) centred under
    the option labels; row 1.2's answer cell wraps over two lines
    ("Name: Ministry of Social Affairs and" / "Disability Inclusion")."""
    d = Pdf(title="Numbered grid")
    p = d.page()
    p.text(72, 60, "1. National ownership and coordination", "F2", 12)
    for x, label in ((72, "No."), (100, "Question"), (322, "Answer"), (450, "Comments")):
        p.text(x, 100, label, "F2", 10)
    opts = ((296, "Yes"), (333, "No"), (366, "Partially"))
    for x, label in opts:
        p.text(x, 113, label, "F2", 10)
    centres = [x + 3 * len(label) for x, label in opts]  # label centres, roughly
    rows = [
        ("1.1", ["Is there a national focal point (ministry or", "agency) responsible for overseeing victim",
                 "assistance and its integration?"], 2, None, "See annex II."),
        ("1.2", ["Name of the focal point"], None, ["Name: Ministry of Social Affairs and",
                                                     "Disability Inclusion"], None),
        ("1.3", ["Is there a national victim assistance", "action plan in force?"], 0, None, None),
        ("1.4", ["Is the plan monitored?"], 1, None, "Annual review."),
    ]
    y = 135
    for number, lines, ticked, answer, comment in rows:
        p.text(72, y, number)
        for i, line in enumerate(lines):
            p.text(100, y + i * 13, line)
        if ticked is not None:
            mid = y + (len(lines) - 1) * 13 / 2.0
            for k, c in enumerate(centres):
                p.text(c - 4, mid, bytes([1 if k == ticked else 2]), "F3", 10)
        if answer:
            for i, line in enumerate(answer):
                p.text(296, y + i * 13, line)
        if comment:
            p.text(450, y, comment)
        y += max(len(lines), len(answer or [])) * 13 + 9
    p.text(72, y + 20, "Objectives for the coming period", "F2", 11)
    d.write(out("numbered_grid.pdf"))


def main():
    os.makedirs(OUT, exist_ok=True)
    checklist_grid()
    inline_options()
    two_column()
    header_footer()
    hyphenation()
    ligatures()
    accents()
    table_two_pages()
    rotated()
    encrypted()
    broken()
    image_only()
    memo_table()
    no_unicode_map()
    numbered_grid()


if __name__ == "__main__":
    main()
