#!/usr/bin/python3
"""Writes the project's own sample reports (samples/<case>/input.*).

Each sample is a small, made-up victim-assistance report in one layout and
language, written as minimal WordprocessingML (ECMA-376 Part 1) with the
stdlib only. Figures, names and answers are illustrative. Three more samples
are made from those, as States send them:

  es-inline-wingdings-pdf/input.pdf   the Spanish checklist exported to PDF
                                      (LibreOffice, writer_pdf_Export)
  en-national-plan-scan/input.pdf     the national plan printed and scanned:
                                      its PDF rendered at 200 dpi in grey
                                      (pdftoppm) and wrapped as an image-only
                                      PDF, no text layer
  fr-single-word-doc/input.doc        the French checklist saved as Word 97-2003
                                      (LibreOffice, MS Word 97)

Run with /usr/bin/python3 samples/make_samples.py (needs soffice and
pdftoppm for the last three); then review and refresh the expected reports
with scripts/update-golden. The converted files carry LibreOffice's time
stamps: rerunning changes their bytes (and SHA-256), not their content.
"""
import os
import shutil
import subprocess
import tempfile
import zlib
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
</w:styles>""" % W


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def para(content, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ''
    body = content if content.startswith('<') else run(content)
    return '<w:p>%s%s</w:p>' % (ppr, body)


def sdt_box(checked):
    """A content-control check box (w14:checkbox), as Word 2010+ writes it."""
    glyph = '\u2612' if checked else '\u2610'
    return ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="%d"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            '</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
            '<w:t>%s</w:t></w:r></w:sdtContent></w:sdt>') % (1 if checked else 0, glyph)


def legacy_box(checked, by_default=False):
    """A legacy FORMCHECKBOX field (w:ffData/w:checkBox, ECMA-376 §17.16.7)."""
    state = '<w:default w:val="%d"/>' % (1 if checked else 0) if by_default else \
        ('<w:default w:val="0"/><w:checked/>' if checked else '<w:default w:val="0"/>')
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
            '<w:checkBox><w:sizeAuto/>%s</w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>') % state


def wingdings_box(checked):
    return '<w:r><w:sym w:font="Wingdings" w:char="%s"/></w:r>' % ('F0FE' if checked else 'F0A8')


def cell(content, width=2000, span=1):
    grid = '<w:gridSpan w:val="%d"/>' % span if span > 1 else ''
    body = content if content.startswith('<w:p') else para(content)
    return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>%s</w:tc>' % (width, grid, body)


def table(rows, widths, header_rows=1):
    grid = ''.join('<w:gridCol w:w="%d"/>' % w for w in widths)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>%s</w:tblGrid>' % grid]
    for i, r in enumerate(rows):
        trpr = '<w:trPr><w:tblHeader/></w:trPr>' if i < header_rows else ''
        if len(r) == 1:
            cells = cell(r[0], sum(widths), len(widths))
        else:
            cells = ''.join(cell(c, widths[k]) for k, c in enumerate(r))
        out.append('<w:tr>%s%s</w:tr>' % (trpr, cells))
    out.append('</w:tbl>')
    return ''.join(out)


def write_docx(case, body, footer_text):
    d = os.path.join(HERE, case)
    os.makedirs(d, exist_ok=True)
    document = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s' \
               '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>' % (W, ''.join(body))
    footer = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr %s>%s</w:ftr>' % (W, para(footer_text))
    with zipfile.ZipFile(os.path.join(d, 'input.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in (('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', RELS),
                           ('word/_rels/document.xml.rels', DOC_RELS), ('word/styles.xml', STYLES),
                           ('word/document.xml', document), ('word/footer1.xml', footer)):
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def grid_row(question, marks, comment='', box=sdt_box):
    """A question with one box per option column; marks like 'yn-' pick the ticked ones."""
    return [question] + [para(box(m == 'x')) for m in marks] + [comment]


# ---------------------------------------------------------------- samples

def en_grid_checklist():
    """English grid checklist: content-control boxes and two rows of legacy form fields; a conflict, a blank, a missing component."""
    h = ['Question', 'Yes', 'No', 'In progress', 'Comments']
    w = [4200, 700, 700, 1000, 2400]
    body = [para('Anti-Personnel Mine Ban Convention'),
            para('Victim Assistance Checklist', 'Title'),
            para('Progress in implementing the victim assistance commitments of the Oslo Action Plan'),
            table([['State Party', 'Republic of Angola'], ['Reporting year', '2023'],
                   ['Focal point', 'Ms. Ana Tavares, National Inter-Sectoral Commission for Demining (CNIDAH)']],
                  [3000, 6000], header_rows=0),
            para('1. National ownership, coordination and planning (Actions #33 and #34)', 'Heading1'),
            table([h,
                   grid_row('1.1 Has a government entity been designated to coordinate victim assistance?', 'xoo'),
                   ['1.2 Name of the designated entity', 'Entity: National Inter-Sectoral Commission for Demining (CNIDAH)', '', '', ''],
                   grid_row('1.3 Is there a national victim assistance action plan currently in force?', 'oox', 'Draft under review'),
                   ['1.4 Until which year does the plan run?', 'Year: 2022', '', '', ''],
                   grid_row('1.5 Are national funds earmarked for victim assistance activities under the plan?', 'xxo'),
                   grid_row('1.6 Is there a mechanism to monitor and evaluate the implementation of the plan?', 'ooo'),
                   grid_row('1.7 Do mine survivors or their representative organisations participate in coordination and decision-making?', 'xoo'),
                   grid_row('1.8 Is there a multi-sectoral coordination mechanism for victim assistance that meets regularly?', 'oxo'),
                   grid_row('1.9 Is there a national referral mechanism to refer mine victims to available services?', 'xoo', box=legacy_box),
                   grid_row('1.10 Is a directory of services available and accessible to victims?', 'oxo', box=legacy_box)], w),
            para('Objectives for 2024'),
            para('Adopt the revised National Victim Assistance Action Plan by June 2024.'),
            para('Strengthen coordination between ministries in the coming years.'),
            para('2. Data collection and information management (Action #35)', 'Heading1'),
            table([h,
                   grid_row('2.1 Is there a centralised database on mine victims (casualties, survivors and their needs)?', 'xoo'),
                   grid_row('2.2 Are data disaggregated by sex, age and disability?', 'oox'),
                   grid_row('2.3 Has a needs assessment of mine survivors been carried out?', 'oxo'),
                   ['2.4 Total number of mine survivors recorded', 'Number: 88,012', '', '', ''],
                   ['2.5 Number of female survivors (women and girls)', 'Number: 21,530', '', '', ''],
                   ['2.6 Number of male survivors (men and boys)', 'Number: 66,400', '', '', ''],
                   ['2.7 New casualties (killed and injured) recorded during the reporting period', 'Number: 31', '', '', '']], w),
            para('Objectives for 2024'),
            para('Register 5,000 survivors in the national database by the end of 2025.'),
            para('3. Emergency and continuing medical care (Action #36)', 'Heading1'),
            table([h,
                   grid_row('3.1 Is first-aid and emergency response capacity available in mine-affected areas?', 'xoo'),
                   grid_row('3.2 Is continuing medical care (surgery, follow-up) available to survivors?', 'oox'),
                   ['3.3 How many health workers and community members received first-aid training?', 'Number: 240', '', '', '']], w),
            para('4. Physical rehabilitation, prosthetics and assistive devices (Action #38)', 'Heading1'),
            table([h,
                   grid_row('4.1 Has a national plan for physical rehabilitation services been adopted?', 'xoo'),
                   ['4.2 How many rehabilitation centres are currently functioning?', 'Number: 9', '', '', ''],
                   grid_row('4.3 Are services accessible to survivors living in rural or remote areas?', 'oox'),
                   ['4.4 Number of prostheses, orthoses and other assistive devices provided during the period', 'Number: 1,250', '', '', '']], w),
            para('Objectives for 2024'),
            para('In Q3 2025, open 2 new orthopaedic workshops in Huambo and Moxico.'),
            para('5. Psychological support and social reintegration (Action #39)', 'Heading1'),
            table([h,
                   grid_row('5.1 Can survivors and affected families access psychological support?', 'oox'),
                   grid_row('5.2 Are peer support activities (survivors supporting survivors) organised?', 'xoo')], w),
            para('Objectives for 2024'),
            para('Train 30 peer supporters within 12 months.'),
            para('6. Social and economic inclusion (Action #40)', 'Heading1'),
            table([h,
                   grid_row('6.1 Do survivors have access to social protection (pensions, disability allowances)?', 'xoo'),
                   grid_row('6.2 Are survivors included in livelihood and employment programmes?', 'oox'),
                   grid_row('6.3 Are survivors and children of victims supported to access education?', 'oxo'),
                   ['6.4 Number of survivors who benefited from economic inclusion programmes during the period', 'Number: 410', '', '', '']], w),
            para('Objectives for 2024'),
            para('Before 31 December 2025, enrol 600 survivors in vocational training.'),
            para('7. Laws and public policies (Action #33)', 'Heading1'),
            table([h,
                   grid_row('7.1 Is the State party to the Convention on the Rights of Persons with Disabilities (CRPD)?', 'xoo'),
                   grid_row('7.2 Is there national legislation on the rights of persons with disabilities that applies to mine survivors?', 'xoo'),
                   grid_row('7.3 Have accessibility standards for buildings, transport or information been adopted and enforced?', 'oox')], w),
            para('Objectives for 2024'),
            para('Publish the national accessibility standard for public buildings (2024–2026).'),
            para('Signature: Ana Tavares, 14 March 2024')]
    write_docx('en-grid-checklist', body, 'Angola – Victim Assistance Checklist 2023')


def fr_single_word():
    """French checklist whose answers are typed as words (one left blank), figures with narrow no-break spaces."""
    h = ['Question', 'Réponse', 'Commentaires']
    w = [5200, 1600, 2200]
    body = [para('Convention sur l\u2019interdiction des mines antipersonnel'),
            para('Liste de contrôle sur l\u2019assistance aux victimes', 'Title'),
            para('Progrès dans la mise en œuvre du Plan d\u2019action d\u2019Oslo'),
            table([['État partie', 'République du Tchad'], ['Année de référence', '2022']], [3000, 6000], header_rows=0),
            para('Appropriation nationale, coordination et planification (Actions n°33 et n°34)', 'Heading1'),
            table([h,
                   ['1.1 Une entité gouvernementale a-t-elle été désignée pour coordonner l\u2019assistance aux victimes ?', 'Oui.', ''],
                   ['1.2 Dans l\u2019affirmative, veuillez indiquer le nom du ministère ou de l\u2019organisme', 'Entité : Haut-Commissariat national au déminage (HCND)', ''],
                   ['1.3 L\u2019État dispose-t-il d\u2019un plan national répondant aux besoins des victimes des mines ?', 'En partie', 'Plan en cours de révision'],
                   ['1.4 Jusqu\u2019à quelle année le plan est-il en vigueur ?', '2025', ''],
                   ['1.5 Un budget a-t-il été alloué à la mise en œuvre du plan ?', 'NON', ''],
                   ['1.6 Existe-t-il un mécanisme de suivi et d\u2019évaluation de la mise en œuvre du plan ?', 'Inconnu', ''],
                   ['1.7 Les survivants des mines ou les organisations qui les représentent participent-ils à la coordination et à la prise de décision ?', 'Oui', ''],
                   ['1.8 Un organe de coordination réunissant la santé, les affaires sociales, l\u2019éducation, le travail et le secteur du handicap se réunit-il régulièrement ?', '', 'Réponse à venir'],
                   ['1.9 Existe-t-il un mécanisme national d\u2019orientation des victimes vers les services disponibles ?', 'Non', ''],
                   ['1.10 Un répertoire des services est-il disponible et accessible aux victimes ?', 'Oui', '']], w),
            para('Objectifs pour 2023'),
            para('D\u2019ici fin 2024, mettre en place 8 comités provinciaux de coordination.'),
            para('Renforcer la coordination entre les ministères dès que possible.'),
            para('Collecte de données et gestion de l\u2019information (Action n°35)', 'Heading1'),
            table([h,
                   ['2.1 Existe-t-il une base de données centralisée sur les victimes des mines ?', 'Oui', ''],
                   ['2.2 Les données sont-elles ventilées par sexe, âge et handicap ?', 'Partiellement', ''],
                   ['2.3 Une évaluation des besoins des survivants a-t-elle été réalisée ?', 'Non', ''],
                   ['2.4 Nombre total de survivants des mines enregistrés', '1\u202f215', ''],
                   ['2.5 dont femmes et filles', '230', ''],
                   ['2.6 dont hommes et garçons', '985', ''],
                   ['2.7 Nombre de nouvelles victimes (tuées et blessées) enregistrées pendant la période considérée', '12', '']], w),
            para('Objectifs pour 2023'),
            para('Réaliser une évaluation des besoins couvrant 100 % des survivants enregistrés au cours du deuxième trimestre 2024.')]
    write_docx('fr-single-word', body, 'Tchad – Liste de contrôle 2022')


def es_inline_wingdings():
    """Spanish checklist, options inline in one cell as Wingdings symbols."""
    h = ['Indicador', 'Respuesta', 'Detalles / observaciones']
    w = [4600, 2600, 1800]

    def opts(marks):
        labels = ['Sí', 'No', 'En curso']
        runs = ''.join(wingdings_box(m == 'x') + run(' %s   ' % l) for m, l in zip(marks, labels))
        return '<w:p>%s</w:p>' % runs
    body = [para('Lista de verificación sobre asistencia a las víctimas', 'Title'),
            para('Avances en la aplicación del Plan de Acción de Oslo'),
            table([['Estado', 'República del Perú'], ['Período abarcado', 'Del 01/01/2024 al 31/12/2024']], [3000, 6000], header_rows=0),
            para('5. Acción n.º 39: Apoyo psicológico y reintegración social', 'Heading1'),
            table([h,
                   ['5.1 ¿Existen servicios de apoyo psicológico o psicosocial para los sobrevivientes y sus familias?', opts('xoo'), ''],
                   ['5.2 ¿Existen programas de apoyo entre pares?', opts('oox'), '']], w),
            para('Objetivos para 2025'),
            para('Capacitar a 40 acompañantes pares a más tardar en diciembre de 2025.'),
            para('Fortalecer el apoyo psicosocial progresivamente.'),
            para('6. Acción n.º 40: Inclusión social y económica', 'Heading1'),
            table([h,
                   ['6.1 ¿Tienen los sobrevivientes acceso a la protección social (pensiones, subsidios por discapacidad)?', opts('xoo'), ''],
                   ['6.2 ¿Llegan a los sobrevivientes los programas de formación profesional, empleo o generación de ingresos?', opts('xxo'), 'Dos casillas marcadas'],
                   ['6.3 ¿Llegan las medidas de educación inclusiva a los sobrevivientes y a los hijos de las víctimas?', opts('oxo'), ''],
                   ['6.4 Número de sobrevivientes que se beneficiaron de programas de inclusión económica durante el período', 'Cantidad: 1.320', '']], w),
            para('Objetivos para 2025'),
            para('Antes de finales de 2026, incluir a 500 sobrevivientes en programas de empleo.')]
    write_docx('es-inline-wingdings', body, 'Perú – Lista de verificación 2024')


def en_national_plan():
    """An English national plan: results framework table."""
    hdr = ['Objective', 'Indicator', 'Baseline', 'Target', 'Deadline', 'Responsible']
    w = [3000, 1600, 900, 900, 1000, 1600]
    body = [para('REPUBLIC OF IRAQ'),
            para('National Victim Assistance Strategy 2023–2027', 'Title'),
            para('Results framework'),
            para('This strategy was prepared under the coordination of the Directorate of Mine Action, the national focal point for victim assistance.'),
            table([hdr,
                   ['1. National ownership, coordination and planning'],
                   ['Hold 8 meetings of the national coordination committee each year.', 'Meetings held', '2 (2022)', '8', '2027', 'Directorate of Mine Action'],
                   ['Adopt a national disability inclusion policy.', 'Policy adopted', 'No', 'Yes', 'Continuous', 'Ministry of Labour'],
                   ['2. Physical rehabilitation, prosthetics and assistive devices'],
                   ['Improve access to assistive devices in rural areas.', 'Devices provided', '3,100', 'TBD', 'Dec. 2026', 'Ministry of Health'],
                   ['Open 3 new rehabilitation centres.', 'Centres operating', '22', '25', 'Annually', 'Ministry of Health'],
                   ['3. Situations of risk and humanitarian emergencies'],
                   ['Ensure that survivors are included in humanitarian response plans.', 'Plans reviewed', '0', '—', 'Continuous', 'Civil defence']], w)]
    write_docx('en-national-plan', body, 'Iraq – National Victim Assistance Strategy')


def soffice_convert(src, target, ext, case):
    """Converts samples/<src>/input.docx with LibreOffice into samples/<case>/input.<ext>."""
    out_dir = os.path.join(HERE, case)
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['soffice', '-env:UserInstallation=file://' + os.path.join(tmp, 'profile'), '--headless',
                        '--convert-to', target, '--outdir', tmp, os.path.join(HERE, src, 'input.docx')],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(tmp, 'input.' + ext), os.path.join(out_dir, 'input.' + ext))


def scan(src_pdf, case, dpi=200):
    """An image-only PDF of the first page of `src_pdf`, as a scanner makes it."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', '-f', '1', '-l', '1', src_pdf, os.path.join(tmp, 'p')],
                       check=True)
        pgm = [f for f in os.listdir(tmp) if f.endswith('.pgm')][0]
        with open(os.path.join(tmp, pgm), 'rb') as f:
            data = f.read()
    parts = data.split(maxsplit=4)  # P5 width height maxval pixels
    width, height, pixels = int(parts[1]), int(parts[2]), parts[4]
    pw, ph = round(width * 72 / dpi), round(height * 72 / dpi)
    image = zlib.compress(pixels, 9)
    content = b'q %d 0 0 %d 0 0 cm /Im0 Do Q\n' % (pw, ph)
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R '
            b'/Resources << /XObject << /Im0 5 0 R >> >> >>' % (pw, ph),
            b'<< /Length %d >>\nstream\n%s\nendstream' % (len(content), content),
            b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
            b'/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream'
            % (width, height, len(image), image)]
    out = bytearray(b'%PDF-1.5\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objs):
        offsets.append(len(out))
        out += b'%d 0 obj\n%s\nendobj\n' % (i + 1, body)
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offsets:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    os.makedirs(os.path.join(HERE, case), exist_ok=True)
    with open(os.path.join(HERE, case, 'input.pdf'), 'wb') as f:
        f.write(out)


def converted_samples():
    soffice_convert('es-inline-wingdings', 'pdf:writer_pdf_Export', 'pdf', 'es-inline-wingdings-pdf')
    soffice_convert('fr-single-word', 'doc:MS Word 97', 'doc', 'fr-single-word-doc')
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['soffice', '-env:UserInstallation=file://' + os.path.join(tmp, 'profile'), '--headless',
                        '--convert-to', 'pdf:writer_pdf_Export', '--outdir', tmp,
                        os.path.join(HERE, 'en-national-plan', 'input.docx')],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        scan(os.path.join(tmp, 'input.pdf'), 'en-national-plan-scan')


if __name__ == '__main__':
    en_grid_checklist()
    fr_single_word()
    es_inline_wingdings()
    en_national_plan()
    converted_samples()
    print('samples written to', HERE)
