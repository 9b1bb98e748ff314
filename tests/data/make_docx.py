#!/usr/bin/python3
"""Writes the small .docx files under tests/data/docx/, one per feature.

Each file is built here from minimal WordprocessingML (ECMA-376 Part 1) so the
tests own their inputs. Standard library only; output is deterministic (fixed
ZIP timestamps), so re-running the script leaves the files unchanged.

    /usr/bin/python3 tests/data/make_docx.py
"""
import os
import struct
import zipfile
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docx")
STAMP = (2024, 1, 1, 0, 0, 0)

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'mc:Ignorable="w14"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT = {
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
}


# ---- building blocks ---------------------------------------------------------

def t(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs, ppr=""):
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def tc(*content, tcpr=""):
    body = "".join(content) or "<w:p/>"
    return f"<w:tc>{tcpr}{body}</w:tc>"


def tr(*cells, trpr=""):
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def tbl(cols, *rows):
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def document(body):
    return f"{DECL}<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"


def part_root(tag, inner):
    return f"{DECL}<w:{tag} {NS}>{inner}</w:{tag}>"


def write_zip(name, entries, compression=zipfile.ZIP_DEFLATED):
    """entries: list of (name, bytes-or-str)."""
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", compression) as z:
        for entry, data in entries:
            info = zipfile.ZipInfo(entry, STAMP)
            info.compress_type = compression
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def docx(name, body, parts=None, rels=None, core_title=None, app_pages=None, raw_document=None):
    """A package: main part word/document.xml plus `parts` {kind: (part, xml)}."""
    parts = parts or {}
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{CT_MAIN}"/>']
    doc_rels = []
    entries = []
    for i, (kind, (part, xml)) in enumerate(sorted(parts.items())):
        rel_kind = kind.rstrip("0123456789")
        overrides.append(f'<Override PartName="/word/{part}" ContentType="{CT[rel_kind]}"/>')
        doc_rels.append(f'<Relationship Id="rId{i + 1}" Type="{REL_NS}/{rel_kind}" Target="{part}"/>')
        entries.append((f"word/{part}", xml))
    pkg_rels = [f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="word/document.xml"/>']
    if core_title is not None:
        overrides.append('<Override PartName="/docProps/core.xml" '
                         'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>')
        pkg_rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
                        'relationships/metadata/core-properties" Target="docProps/core.xml"/>')
        entries.append(("docProps/core.xml",
                        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                        f'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                        f"<dc:title>{core_title}</dc:title></cp:coreProperties>"))
    if app_pages is not None:
        overrides.append('<Override PartName="/docProps/app.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.extended-properties+xml"/>')
        pkg_rels.append(f'<Relationship Id="rId3" Type="{REL_NS}/extended-properties" Target="docProps/app.xml"/>')
        entries.append(("docProps/app.xml",
                        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                        f'extended-properties"><Pages>{app_pages}</Pages></Properties>'))
    content_types = (f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     f"{''.join(overrides)}</Types>")
    head = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", f'{DECL}<Relationships xmlns="{PKG_REL_NS}">{"".join(pkg_rels)}</Relationships>'),
        ("word/document.xml", raw_document if raw_document is not None else document(body)),
        ("word/_rels/document.xml.rels",
         f'{DECL}<Relationships xmlns="{PKG_REL_NS}">{"".join(doc_rels + (rels or []))}</Relationships>'),
    ]
    return write_zip(name, head + entries)


# ---- tick boxes --------------------------------------------------------------

def sdt_checkbox(checked, tag=None, alias=None):
    val = "1" if checked else "0"
    glyph = "\u2612" if checked else "\u2610"
    names = (f'<w:alias w:val="{alias}"/>' if alias else "") + (f'<w:tag w:val="{tag}"/>' if tag else "")
    return ("<w:sdt><w:sdtPr>" + names +
            f'<w14:checkbox><w14:checked w14:val="{val}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
            f"</w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>")


def formcheckbox(inner, name="Check1"):
    """A legacy FORMCHECKBOX field (§17.16.18 fldChar + §17.16.17 ffData)."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{inner}</w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def sym(font, char):
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def make_ticks():
    docx("tick_sdt.docx", "".join([
        p(sdt_checkbox(True, tag="q1_yes"), t(" Yes "), sdt_checkbox(False, alias="q1_no"), t(" No")),
    ]))

    legacy = [
        ("checked-no-val", "<w:checked/>"),
        ("val-1", '<w:checked w:val="1"/>'),
        ("val-0", '<w:checked w:val="0"/>'),
        ("val-true", '<w:checked w:val="true"/>'),
        ("val-false", '<w:checked w:val="false"/>'),
        ("val-on", '<w:checked w:val="on"/>'),
        ("val-off", '<w:checked w:val="off"/>'),
        ("default-1", '<w:default w:val="1"/>'),
        ("default-0", '<w:default w:val="0"/>'),
        ("checked-over-default", '<w:default w:val="1"/><w:checked w:val="0"/>'),
        ("nothing", ""),
    ]
    docx("tick_legacy.docx", "".join(
        p(formcheckbox(inner, name=label), t(f" {label}")) for label, inner in legacy))

    docx("tick_wingdings.docx", "".join([
        p(sym("Wingdings", "F0FE"), t(" box-check")),
        p(sym("Wingdings", "F0A8"), t(" empty")),
        p(sym("Wingdings", "F0FD"), t(" box-x")),
        p(sym("Wingdings", "F078"), t(" x-rect")),
        p(sym("Wingdings", "F06F"), t(" white-square")),
        p(sym("WINGDINGS", "F0FC"), t(" tick-upper-font-name")),
        # A run in the Wingdings font with plain text: "þ" (0xFE) is ☑.
        p('<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\u00fe</w:t></w:r>',
          t(" run-font")),
        p(sym("Wingdings", "F030"), t(" unknown")),
        p(sym("Wingdings", "F0D8"), t(" arrow-bullet")),
    ]))

    docx("tick_wingdings2.docx", "".join([
        p(sym("Wingdings 2", "F053"), t(" S")),
        p(sym("Wingdings 2", "F054"), t(" T")),
        p(sym("Wingdings 2", "F052"), t(" R")),
        p(sym("Wingdings 2", "F0A3"), t(" pound")),
        p(sym("Wingdings 2", "F0A2"), t(" cent")),
        p(sym("wingdings 2", "F02A"), t(" star")),
        p(sym("Wingdings 2", "0053"), t(" plain-byte")),
    ]))

    docx("tick_glyphs.docx", "".join([
        p(t("\u2612 Yes \u2610 No")),
        p(t("\u2611 a \u2713 b \u2714 c \u25a0 d")),
        p(t("\u25a1 e \u274f f")),
        p(t("\u2717 cross")),
    ]))

    docx("tick_typed_x.docx", tbl(4,
        tr(tc(p(t("Question 1"))), tc(p(t("X"))), tc(p()), tc(p())),
        tr(tc(p(t("Question 2"))), tc(p()), tc(p(t(" x "))), tc(p())),
        tr(tc(p(t("Question 3"))), tc(p(t("Annex X"))), tc(p(t("X-ray"))), tc(p(t("Box"), t(" 12")))),
        tr(tc(p(t("Question 4"))), tc(p(t("X  Oui /  Non /  En cours"))), tc(p(t(" Oui   X  Non"))), tc(p())),
    ))


# ---- structure ---------------------------------------------------------------

def make_structure():
    # gridSpan (§17.4.17) and vMerge (§17.4.85), a repeated header row (§17.4.49).
    docx("merged_cells.docx", tbl(3,
        tr(tc(p(t("H1"))), tc(p(t("H2-3")), tcpr='<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'),
           trpr="<w:trPr><w:tblHeader/></w:trPr>"),
        tr(tc(p(t("A")), tcpr='<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'), tc(p(t("B"))), tc(p(t("C")))),
        tr(tc(p(), tcpr="<w:tcPr><w:vMerge/></w:tcPr>"), tc(p(t("E"))), tc(p(t("F")))),
        tr(tc(p(), tcpr='<w:tcPr><w:vMerge w:val="continue"/></w:tcPr>'), tc(p(t("H"))), tc(p(t("I")))),
    ))

    inner = tbl(2, tr(tc(p(t("in-1"))), tc(p(t("in-2")))))
    docx("nested_table.docx", tbl(2, tr(tc(p(t("outer-1"))), tc(p(t("before")), inner, p(t("after"))))))

    picture = ('<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture 1"/>'
               '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
               '<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
               '<pic:blipFill><a:blip r:embed="rId99"/></pic:blipFill><pic:spPr/></pic:pic>'
               "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
    docx("content_controls.docx", "".join([
        # block level (§17.5.2.29)
        '<w:sdt><w:sdtPr><w:tag w:val="block"/></w:sdtPr><w:sdtContent>',
        p(t("block-1")), p(t("block-2")), "</w:sdtContent></w:sdt>",
        # row and cell level (§17.5.2.30, §17.5.2.32)
        tbl(2,
            '<w:sdt><w:sdtPr><w:tag w:val="row"/></w:sdtPr><w:sdtContent>',
            tr(tc(p(t("row-sdt-a"))), tc(p(t("row-sdt-b")))),
            "</w:sdtContent></w:sdt>",
            tr(tc(p(t("plain"))),
               '<w:sdt><w:sdtPr><w:tag w:val="cell"/></w:sdtPr><w:sdtContent>' + tc(p(t("cell-sdt"))) +
               "</w:sdtContent></w:sdt>")),
        # run level (§17.5.2.31), with a picture beside text
        p(t("name: "), '<w:sdt><w:sdtPr><w:tag w:val="run"/></w:sdtPr><w:sdtContent>',
          picture, t("Ministry of Health"), "</w:sdtContent></w:sdt>", t(".")),
        # a placeholder is not an answer
        p(t("empty: "), '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>',
          t("Click or tap here to enter text."), "</w:sdtContent></w:sdt>"),
    ]))

    txbx = p(t("inside the box"))
    docx("text_box.docx", "".join([
        p(t("anchor"), '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
          '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
          f"<wps:wsp><wps:txbx><w:txbxContent>{txbx}</w:txbxContent></wps:txbx></wps:wsp>"
          "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
          f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{txbx}</w:txbxContent></v:textbox>"
          "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"),
        p(t("after")),
    ]))

    docx("tracked_changes.docx", "".join([
        p('<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>Partially</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">' + t("Yes") + "</w:ins>"),
        p('<w:moveFrom w:id="3" w:author="A" w:date="2024-01-01T00:00:00Z">' + t("moved away") + "</w:moveFrom>",
          '<w:moveTo w:id="4" w:author="A" w:date="2024-01-01T00:00:00Z">' + t("moved here") + "</w:moveTo>"),
        # a paragraph whose mark and text were deleted disappears
        p('<w:del w:id="5" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>gone</w:delText></w:r></w:del>',
          ppr='<w:pPr><w:rPr><w:del w:id="6" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'),
        p(t("kept")),
    ]))

    docx("headers_footers.docx", p(t("body text")), parts={
        "header": ("header1.xml", part_root("hdr", p(t("Running header")))),
        "footer": ("footer1.xml", part_root("ftr", p(t("Page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                                                     '<w:r><w:instrText> PAGE </w:instrText></w:r>'
                                                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', t("1"),
                                                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>'))),
    })

    notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1">' + p('<w:r><w:footnoteRef/></w:r>', t(" Source: national database.")) +
             "</w:footnote>")
    endnotes = '<w:endnote w:id="1">' + p(t("An endnote.")) + "</w:endnote>"
    docx("footnotes.docx", p(t("Figure"), '<w:r><w:footnoteReference w:id="1"/></w:r>', t(" 1234.")), parts={
        "footnotes": ("footnotes.xml", part_root("footnotes", notes)),
        "endnotes": ("endnotes.xml", part_root("endnotes", endnotes)),
    })

    comments = '<w:comment w:id="0" w:author="Reviewer">' + p(t("Is this still true?")) + "</w:comment>"
    docx("comments.docx", p('<w:commentRangeStart w:id="0"/>', t("Yes"), '<w:commentRangeEnd w:id="0"/>',
                            '<w:r><w:commentReference w:id="0"/></w:r>'),
         parts={"comments": ("comments.xml", part_root("comments", comments))})

    numbering = part_root("numbering", (
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
        "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'))

    def item(num, lvl, text):
        return p(t(text), ppr=f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>')
    docx("numbered_list.docx", "".join([
        item(1, 0, "first"), item(1, 1, "sub a"), item(1, 1, "sub b"), item(1, 0, "second"), item(1, 1, "sub again"),
        item(2, 0, "bullet"), p(t("not a list")),
    ]), parts={"numbering": ("numbering.xml", numbering)})

    docx("fields.docx", "".join([
        # a complex field: only its result is text (§17.16.18)
        p(t("See "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', t("Table 2"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>', t(".")),
        # a simple field (§17.16.19)
        p(t("Date: "), '<w:fldSimple w:instr=" DATE ">' + t("1 May 2024") + "</w:fldSimple>"),
        # runs: tab, break, no-break hyphen, soft hyphen, hyperlink
        p(t("a"), "<w:r><w:tab/></w:r>", t("b"), "<w:r><w:br/></w:r>", t("c"),
          "<w:r><w:noBreakHyphen/></w:r>", t("d"), "<w:r><w:softHyphen/></w:r>", t("e"),
          '<w:hyperlink r:id="rId9">' + t(" link") + "</w:hyperlink>"),
        # NFC: "e" + combining acute becomes "é"
        p(t("Se\u0301ne\u0301gal")),
    ]))

    styles = part_root("styles", (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="Titre 2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="Mon titre"/><w:basedOn w:val="Titre1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'))
    docx("headings_pages.docx", "".join([
        p(t("Questionnaire"), ppr='<w:pPr><w:pStyle w:val="Title"/></w:pPr>'),
        p(t("1. Coordination"), ppr='<w:pPr><w:pStyle w:val="Titre1"/></w:pPr>'),
        p(t("1.1 Focal point"), ppr='<w:pPr><w:pStyle w:val="Titre2"/></w:pPr>'),
        p(t("Based on a heading"), ppr='<w:pPr><w:pStyle w:val="MonTitre"/></w:pPr>'),
        p(t("body on page 1"), '<w:r><w:br w:type="page"/></w:r>'),
        p("<w:r><w:lastRenderedPageBreak/></w:r>", t("page 2 (explicit break, then rendered break)")),
        p(t("page 2 still")),
        p("<w:r><w:lastRenderedPageBreak/></w:r>", t("page 3")),
        p(t("page 4"), ppr="<w:pPr><w:pageBreakBefore/></w:pPr>"),
    ]), parts={"styles": ("styles.xml", styles)}, core_title="Liste de contr\u00f4le", app_pages=4)


# ---- broken and hostile packages ---------------------------------------------

def make_hostile():
    good = docx("_good.docx", p(t("hello")))
    data = open(good, "rb").read()
    os.remove(good)
    with open(os.path.join(OUT, "truncated.docx"), "wb") as f:
        f.write(data[: len(data) // 2])

    # Not a ZIP at all: an OLE compound file holding an encrypted OOXML package
    # (MS-OFFCRYPTO 2.3.4.4), reduced to its signature and stream name.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    with open(os.path.join(OUT, "encrypted_ole.docx"), "wb") as f:
        f.write(ole)
    with open(os.path.join(OUT, "garbage.docx"), "wb") as f:
        f.write(bytes((i * 73 + 41) % 256 for i in range(2048)))

    # A ZIP whose entries carry the "encrypted" flag (general purpose bit 0).
    path = write_zip("encrypted_entry.docx", [
        ("[Content_Types].xml", "<Types/>"), ("word/document.xml", document(p(t("secret"))))], zipfile.ZIP_STORED)
    raw = bytearray(open(path, "rb").read())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = raw.find(sig)
        while i >= 0:
            raw[i + flag_at] |= 1
            i = raw.find(sig, i + 4)
    open(path, "wb").write(bytes(raw))

    # ZIP bomb: 24 MiB of spaces deflate to ~24 KiB (ratio ~1000:1).
    bomb = document("") .replace("<w:body>", "<w:body>" + " " * (24 << 20))
    write_zip("zip_bomb.docx", [
        ("[Content_Types].xml", f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("word/document.xml", bomb)])

    # Billion laughs (XML entity expansion) in the main part.
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    laughs = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
              f"<w:document {NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    docx("billion_laughs.docx", "", raw_document=laughs)

    write_zip("no_document.docx", [("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>")])

    docx("malformed_xml.docx", "", raw_document=f"{DECL}<w:document {NS}>\n<w:body>\n<w:p><w:r><w:t>x</w:r></w:p>"
                                                 "</w:body></w:document>")

    deep = "".join("<w:tbl><w:tr><w:tc>" for _ in range(100)) + p(t("deep")) + \
        "".join("</w:tc></w:tr></w:tbl>" for _ in range(100))
    docx("deep_nesting.docx", deep)


def main():
    os.makedirs(OUT, exist_ok=True)
    make_ticks()
    make_structure()
    make_hostile()


if __name__ == "__main__":
    main()
