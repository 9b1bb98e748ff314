#!/usr/bin/python3
"""Writes victim-assistance reports in layouts and phrasings no corpus has.

Each document is built here from minimal WordprocessingML (ECMA-376 Part 1):
checklists whose questions are worded differently from every rule phrasing,
answers written in one cell ("X Yes", "Sí, parcialmente", "Oui – en cours"),
figures in prose and on "label: value" lines, results frameworks whose columns
come in another order or carry Budget / Partners columns, deadlines such as
"by Q3 2027", "d'ici fin 2026", "antes de diciembre de 2028", "2025-2029",
headings numbered in roman numerals or "Componente 4 –", results tables
headed "Activity" / "Mesure" / "Actividad", deadlines in figures, numbers
spelled out, checklists reworded in French and Spanish, and French and
Spanish Form J memos. It is a tool for finding kinds of failure by hand: each
kind found with these documents is tested on documents built in C++ in
tests/analysis/layouts_test.cc, smart_test.cc and reworded_test.cc (no test
reads these files). Standard library only.

    /usr/bin/python3 tests/data/make_unseen.py OUT_DIR
    then: build/vareport extract OUT_DIR/<file> --format json
"""
import os
import sys
import zipfile

STAMP = (2024, 1, 1, 0, 0, 0)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.document.main+xml"/></Types>')
RELS = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text, heading=0):
    ppr = f'<w:pPr><w:pStyle w:val="Heading{heading}"/></w:pPr>' if heading else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def table(rows):
    cols = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    out = [f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>"]
    for r in rows:
        cells = "".join(f"<w:tc>{para(c)}</w:tc>" for c in r)
        out.append(f"<w:tr>{cells}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write(out_dir, name, blocks):
    body = "".join(para(*b) if isinstance(b, tuple) else b if b.startswith("<w:tbl") else para(b) for b in blocks)
    doc = f"{DECL}<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"
    with zipfile.ZipFile(os.path.join(out_dir, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in (("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", doc)):
            info = zipfile.ZipInfo(part, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# ---- the documents -----------------------------------------------------------

def answer_cell_checklist_en():
    """Question | Answer | Comments, the answer written in one cell."""
    return [
        ("Victim Assistance Questionnaire – Republic of Fiji – 2025", 1),
        ("Reporting year: 2025"),
        ("I. Coordination", 2),
        table([["Question", "Answer", "Comments"],
               ["Does your State have a focal point for victim assistance?", "X Yes", ""],
               ["Has a national plan for victim assistance been adopted?", "Yes (partially)", "Draft under review"],
               ["Does the plan have a budget?", "[x] No", ""],
               ["Is there a national referral mechanism?", "Yes – in progress", ""]]),
        ("II. Data collection", 2),
        table([["Question", "Answer", "Comments"],
               ["Is there a centralised database on mine victims?", "☑ Yes", ""],
               ["Are data disaggregated by sex, age and disability?", "Partly (sex and age only)", ""],
               ["Total number of mine survivors recorded", "1,245", ""],
               ["Of whom women and girls", "212", ""],
               ["Of whom men and boys", "1,033", ""]]),
        ("III. Accessibility and laws", 2),
        table([["Question", "Answer", "Comments"],
               ["Has your State ratified the CRPD?", "Yes, in 2011", ""],
               ["Are accessibility standards adopted and enforced?", "No.", ""]]),
    ]


def answer_cell_checklist_es():
    return [
        ("Cuestionario sobre asistencia a las víctimas – Ecuador – 2025", 1),
        ("Año del informe: 2025"),
        ("Componente 1 – Coordinación", 2),
        table([["Pregunta", "Respuesta", "Observaciones"],
               ["¿Cuenta su Estado con un punto focal para la asistencia a las víctimas?", "Sí", ""],
               ["¿Se ha aprobado un plan nacional?", "Sí, parcialmente", ""],
               ["¿Tiene el plan un presupuesto asignado?", "No, todavía no", ""]]),
        ("Componente 2 – Datos", 2),
        table([["Pregunta", "Respuesta", "Observaciones"],
               ["¿Existe una base de datos centralizada?", "X Sí", ""],
               ["Número total de sobrevivientes registrados", "2.345", ""]]),
        ("Componente 4 – Inclusión económica", 2),
        table([["Pregunta", "Respuesta", "Observaciones"],
               ["¿Tienen los sobrevivientes acceso a la protección social?", "Sí (en curso)", ""],
               ["¿Existen programas de formación profesional?", "[x] No", ""]]),
    ]


def answer_cell_checklist_fr():
    return [
        ("Questionnaire sur l'assistance aux victimes – Burkina Faso – 2025", 1),
        ("Année couverte : 2025"),
        ("Partie A – Coordination", 2),
        table([["Question", "Réponse", "Commentaires"],
               ["Votre État dispose-t-il d'un point focal pour l'assistance aux victimes ?", "Oui", ""],
               ["Un plan national a-t-il été adopté ?", "Oui – en cours", ""],
               ["Le plan dispose-t-il d'un budget ?", "X Non", ""]]),
        ("Partie B – Données", 2),
        table([["Question", "Réponse", "Commentaires"],
               ["Existe-t-il une base de données centralisée ?", "Oui", ""],
               ["Nombre total de survivants enregistrés", "1 234", ""]]),
    ]


def plan_other_columns():
    """Results framework: Indicator before Objective, Budget and Partners columns."""
    return [
        ("National Action Plan on Victim Assistance 2025-2029 – Kingdom of Jordan", 1),
        ("Results framework", 2),
        ("1. Physical rehabilitation", 3),
        table([["Indicator", "Objective", "Budget (USD)", "Partners", "Target", "Deadline"],
               ["Centres open", "Open 3 new rehabilitation centres", "1,200,000", "ICRC, HI", "3", "by Q3 2027"],
               ["Devices", "Provide 500 prostheses to survivors", "250,000", "ICRC", "500", "2025-2029"]]),
        ("2. Psychological support", 3),
        table([["Indicator", "Objective", "Budget (USD)", "Partners", "Target", "Deadline"],
               ["Groups", "Establish 10 peer support groups", "50,000", "Survivor network", "10", "end of 2026"]]),
    ]


def plan_fr():
    return [
        ("Plan national d'assistance aux victimes 2025-2028 – République du Tchad", 1),
        ("Axe 2 : Réadaptation physique", 2),
        table([["Résultat attendu", "Indicateur", "Partenaires", "Échéance"],
               ["Ouvrir 2 centres de réadaptation", "Centres ouverts", "CICR", "d'ici fin 2026"],
               ["Former 40 techniciens orthoprothésistes", "Techniciens", "HI", "T2 2027"]]),
        ("Axe 3 : Soutien psychologique", 2),
        table([["Résultat attendu", "Indicateur", "Partenaires", "Échéance"],
               ["Créer 5 groupes de soutien par les pairs", "Groupes", "ONG", "2025-2027"]]),
    ]


def plan_es():
    return [
        ("Plan Nacional de Asistencia a Víctimas 2025-2029 – República de Chile", 1),
        ("Línea estratégica 3 – Rehabilitación física", 2),
        table([["Meta", "Objetivo", "Socios", "Presupuesto", "Plazo"],
               ["4", "Abrir 4 centros de rehabilitación", "CICR", "USD 400.000", "antes de diciembre de 2028"],
               ["300", "Entregar 300 prótesis", "HI", "USD 90.000", "2026"]]),
    ]


def memo_es():
    return [
        "Misión Permanente de la República de Guatemala ante la Oficina de las Naciones Unidas en Ginebra",
        "Informe con arreglo al artículo 7 – Formulario J – Asistencia a las víctimas – 2025",
        "La Misión Permanente saluda atentamente a la Dependencia de Apoyo a la Aplicación y tiene el honor de "
        "transmitir la información siguiente, conforme al Plan de Acción de Siem Reap-Angkor.",
        "1. Coordinación. El Ministerio de Desarrollo Social es el punto focal para la asistencia a las víctimas. "
        "No existe un presupuesto nacional asignado al plan.",
        "2. Recopilación de datos. Se han registrado 1.532 sobrevivientes de minas, de los cuales 210 son mujeres "
        "y 1.322 hombres. Objetivo: registrar a 500 sobrevivientes más antes de diciembre de 2027.",
        "3. Rehabilitación física. Funcionan 4 centros de rehabilitación en el país.",
    ]


def memo_fr():
    return [
        "Mission permanente de la République du Niger auprès de l'Office des Nations Unies à Genève",
        "Rapport au titre de l'article 7 – Formulaire J – Assistance aux victimes – 2025",
        "La Mission permanente présente ses compliments à l'Unité d'appui à l'application et a l'honneur de lui "
        "transmettre les informations suivantes.",
        "I. Coordination. Le Ministère de l'Action humanitaire est le point focal de l'assistance aux victimes. "
        "Aucun budget national n'est alloué au plan.",
        "II. Collecte de données. Au total, 2 345 survivants ont été enregistrés, dont 412 femmes et 1 933 hommes. "
        "Objectif : enregistrer 300 survivants supplémentaires d'ici fin 2026.",
        "III. Réadaptation physique. Le pays compte 3 centres de réadaptation physique.",
    ]


def figures_prose_en():
    return [
        ("Article 7 report – Form J – Victim assistance – Republic of Uganda – 2025", 1),
        ("Data collection", 2),
        "As of December 2025, the national database holds records on 3,412 survivors, of whom 512 are women "
        "and girls and 2,900 are men and boys.",
        "Survivors recorded: 3,412",
        "New casualties in 2025: 14",
        ("Physical rehabilitation", 2),
        "Number of rehabilitation centres: 6",
        "Prostheses and orthoses delivered in 2025: 1,120",
    ]


def objectives_deadlines():
    """Objective lists under a heading, with deadlines in many forms."""
    return [
        ("Victim Assistance Checklist – Republic of Iraq – 2025", 1),
        ("IV. Physical rehabilitation", 2),
        table([["Question", "Answer", "Comments"],
               ["Number of rehabilitation centres operating", "7", ""],
               ["Do services reach rural areas?", "No, not yet", ""]]),
        ("Objectives for 2026", 3),
        "1. Fit 400 survivors with prostheses by Q3 2027.",
        "2. Open 2 mobile outreach units before the end of the second quarter of 2026.",
        "3. Train 15 physiotherapists within 18 months of the adoption of the plan in March 2025.",
        "4. Increase coverage to 60% of districts during 2025-2027.",
        ("V. Psychological support", 2),
        table([["Question", "Answer", "Comments"],
               ["Are psychosocial services available to survivors?", "N/A", ""],
               ["Are there peer support programmes?", "Don't know", ""]]),
        ("Objectifs", 3),
        "a) Mettre en place 12 groupes de pairs d'ici fin 2026.",
        ("VI. Inclusión económica", 2),
        ("Objetivos", 3),
        "a) Incluir a 200 sobrevivientes en programas de empleo antes de diciembre de 2028.",
        "b) Aprobar la estrategia nacional de inclusión a más tardar en junio de 2027.",
    ]


def options_columns_reversed():
    """Option columns in another order (No | Yes | N/K), typed X."""
    return [
        ("VA Checklist – Kingdom of Cambodia – 2025", 1),
        ("Section 7 – Laws and public policies", 2),
        table([["Question", "No", "Yes", "Not known", "Remarks"],
               ["Is the State party to the Convention on the Rights of Persons with Disabilities?", "", "X", "", ""],
               ["Does national legislation protect the rights of persons with disabilities?", "X", "", "", ""],
               ["Are accessibility standards in place?", "", "", "X", ""]]),
        ("Section 8 – Emergencies", 2),
        table([["Question", "No", "Yes", "Not known", "Remarks"],
               ["Are survivors included in humanitarian response plans?", "", "✓", "", ""]]),
    ]


def objectives_fr():
    return [
        ("Questionnaire sur l'assistance aux victimes – République du Mali – 2025", 1),
        ("III. Réadaptation physique", 2),
        table([["Question", "Réponse", "Commentaires"],
               ["Nombre de centres de réadaptation en activité", "4", ""]]),
        ("Objectifs pour 2026", 3),
        "a) Mettre en place 12 groupes de pairs d'ici fin 2026.",
        "b) Appareiller 300 survivants au cours du troisième trimestre 2027.",
        "c) Adopter la stratégie nationale de réadaptation avant juin 2027.",
        "d) Former 20 kinésithérapeutes entre 2025 et 2027.",
    ]


def objectives_es():
    return [
        ("Cuestionario sobre asistencia a las víctimas – República del Paraguay – 2025", 1),
        ("VI. Inclusión económica", 2),
        table([["Pregunta", "Respuesta", "Observaciones"],
               ["¿Existen programas de empleo para sobrevivientes?", "Sí", ""]]),
        ("Objetivos", 3),
        "a) Incluir a 200 sobrevivientes en programas de empleo antes de diciembre de 2028.",
        "b) Aprobar la estrategia nacional de inclusión a más tardar en junio de 2027.",
        "c) Otorgar 150 microcréditos durante el período 2025-2029.",
        "d) Capacitar a 80 sobrevivientes hasta el tercer trimestre de 2026.",
    ]


def headings_disambiguate():
    """Headings numbered in other ways; the same short question under two components."""
    q = [["Question", "Yes", "No"]]
    return [
        ("Victim Assistance Reporting Form – Republic of Tajikistan – 2025", 1),
        ("Part III. Health and Rehabilitation", 2),
        table(q + [["Is there a national strategy or plan?", "X", ""],
                   ["How many centres provide prosthetic services?", "5", ""]]),
        ("Section B: Planning and coordination", 2),
        table(q + [["Is there a national strategy or plan?", "", "X"],
                   ["Is the plan budgeted?", "X", ""]]),
        ("C) Inclusion in society and the economy", 2),
        table(q + [["Do survivors get pensions or allowances?", "X", ""],
                   ["Are children of victims supported at school?", "", "X"]]),
        ("D) Mental health and peer support", 2),
        table(q + [["Is counselling available?", "X", ""],
                   ["Do survivor peer groups exist?", "X", ""]]),
        ("E) Risk situations and emergencies", 2),
        table(q + [["Are survivors considered in disaster preparedness?", "", "X"]]),
    ]


def numbers_loose():
    """Figures written loosely in answer cells."""
    return [
        ("Victim Assistance Checklist – Republic of Sri Lanka – 2025", 1),
        ("2. Data collection", 2),
        table([["Question", "Answer", "Comments"],
               ["Total number of mine survivors recorded", "approx. 1,200", ""],
               ["Of whom women and girls", "around 150", ""],
               ["Of whom men and boys", "1 050 (estimate)", ""],
               ["New casualties in the reporting year (killed and injured)", "12 (3 killed, 9 injured)", ""]]),
        ("4. Physical rehabilitation", 2),
        table([["Question", "Answer", "Comments"],
               ["Number of rehabilitation centres operating", "Five", ""],
               ["Number of assistive devices provided in the period", "more than 300", ""]]),
    ]


def memo_en_actions():
    return [
        "Permanent Mission of the Republic of Iraq to the United Nations Office at Geneva",
        "Note verbale – Article 7 report for calendar year 2025 – Form J",
        "The Permanent Mission has the honour to submit the information below in line with the Siem Reap-Angkor Action Plan.",
        "Action 1 – Coordination: The Ministry of Labour and Social Affairs acts as focal point. A national plan for "
        "2023-2027 is in force.",
        "Action 4 – Data: The national database records 25,000 survivors (including 1,250 women).",
        "Action 6 – Rehabilitation: 14 centres operate; 2,300 assistive devices were provided in 2025.",
        "Action 7 – Psychosocial support: There are no peer support programmes.",
    ]


def plan_header_variants():
    """Results tables whose headers use other words: Activity, Outcome, Output, Timeline (year), Target 2027."""
    return [
        ("National Disability and Victim Assistance Strategy 2025-2028 – Republic of Albania", 1),
        ("Strategic area 3: Physical rehabilitation", 2),
        table([["Activity", "Output indicator", "Target 2027", "Timeline (year)", "Lead agency"],
               ["Train 30 physiotherapists", "Physiotherapists trained", "30", "2026", "MoH"],
               ["Open 2 regional orthopaedic workshops", "Workshops open", "2", "2027", "MoH"]]),
        ("Strategic area 4: Social and economic inclusion", 2),
        table([["Outcome", "Output", "Indicator", "Time frame"],
               ["Survivors earn an income", "Give 100 survivors small business grants", "Grants given", "2025-2026"]]),
    ]


def plan_header_variants_fr():
    return [
        ("Stratégie nationale d'assistance aux victimes 2025-2029 – République du Bénin", 1),
        ("Axe 1 : Coordination", 2),
        table([["Activités", "Indicateurs", "Cible 2027", "Période de mise en œuvre", "Responsable"],
               ["Organiser 4 réunions annuelles du comité national", "Réunions tenues", "4", "2025-2029", "MASSN"]]),
        ("Axe 2 : Réadaptation", 2),
        table([["Mesure", "Indicateur", "Résultat visé", "Calendrier"],
               ["Équiper 3 centres de réadaptation", "Centres équipés", "3", "T4 2026"]]),
    ]


def plan_header_variants_es():
    return [
        ("Plan Nacional de Discapacidad y Asistencia a Víctimas 2025-2029 – República del Perú", 1),
        ("Eje 2: Rehabilitación", 2),
        table([["Actividad", "Indicador", "Meta al 2027", "Plazo de ejecución", "Responsable"],
               ["Capacitar a 25 técnicos ortoprotésicos", "Técnicos capacitados", "25", "2026", "MINSA"]]),
        ("Eje 3: Inclusión económica", 2),
        table([["Acción estratégica", "Indicador", "Meta", "Año"],
               ["Otorgar 80 becas de formación a sobrevivientes", "Becas otorgadas", "80", "2027"]]),
    ]


DEADLINES = ["31/12/2026", "12/2026", "2026-12", "Dec-26", "FY2026", "2026/27", "end-2026", "mid-2027", "H1 2026",
             "Q4/2026", "June 30, 2026", "30.06.2026", "second half of 2026", "by end of 2026", "Year 2", "2026 onwards"]


def plan_deadline_forms():
    """One results table whose Deadline cells are written in many forms."""
    rows = [["Objective", "Indicator", "Target", "Deadline"]]
    for k, d in enumerate(DEADLINES):
        rows.append([f"Train {k + 10} community health workers in first aid", "Workers trained", str(k + 10), d])
    return [("National Victim Assistance Action Plan 2025-2029", 1), ("Emergency and continuing medical care", 2),
            table(rows)]


def numbers_spelled():
    return [
        ("Victim Assistance Checklist 2025", 1),
        ("4. Physical rehabilitation", 2),
        table([["Question", "Answer", "Comments"],
               ["Number of rehabilitation centres operating", "Five", ""],
               ["Number of assistive devices provided in the period", "1.2k", ""]]),
        ("3. Medical care", 2),
        table([["Question", "Answer", "Comments"],
               ["Number of people trained in first aid in the period", "twelve (12)", ""]]),
    ]


REWORDED_FR = [
    ("coordination.focal_point", "Votre pays a-t-il désigné un ministère chef de file pour l'assistance aux victimes ?"),
    ("coordination.national_plan", "Disposez-vous d'une stratégie nationale couvrant les survivants des mines ?"),
    ("coordination.plan_budget", "Des crédits budgétaires sont-ils prévus pour ce plan ?"),
    ("coordination.monitoring", "Le plan fait-il l'objet d'une évaluation périodique ?"),
    ("coordination.survivor_participation", "Les associations de survivants prennent-elles part aux décisions ?"),
    ("coordination.referral_mechanism", "Existe-t-il un système de référencement des victimes vers les services ?"),
    ("coordination.services_directory", "Un annuaire des services disponibles a-t-il été publié ?"),
    ("data.central_database", "Les données sur les victimes sont-elles centralisées dans une base unique ?"),
    ("data.disaggregated", "Les données sont-elles ventilées par sexe, âge et handicap ?"),
    ("medical.first_aid", "Les communautés touchées disposent-elles de secouristes formés ?"),
    ("rehabilitation.rural_access", "Les services de réadaptation atteignent-ils les zones rurales éloignées ?"),
    ("psychosocial.peer_support", "Existe-t-il des groupes d'entraide entre pairs ?"),
    ("economic.livelihoods", "Les survivants bénéficient-ils de formations professionnelles ou d'activités génératrices de revenus ?"),
    ("economic.education", "Les enfants des victimes ont-ils accès à une éducation inclusive ?"),
    ("laws_policies.crpd", "Votre État a-t-il ratifié la CDPH ?"),
    ("laws_policies.accessibility", "Des normes d'accessibilité des bâtiments publics sont-elles appliquées ?"),
    ("emergencies.inclusion", "Les personnes handicapées sont-elles prises en compte dans la réponse humanitaire ?"),
]

REWORDED_ES = [
    ("coordination.focal_point", "¿Ha designado su país un ministerio rector para la asistencia a víctimas?"),
    ("coordination.national_plan", "¿Dispone de una estrategia nacional que cubra a los sobrevivientes de minas?"),
    ("coordination.plan_budget", "¿Se han previsto recursos presupuestarios para este plan?"),
    ("coordination.monitoring", "¿Se evalúa periódicamente el plan?"),
    ("coordination.survivor_participation", "¿Las asociaciones de sobrevivientes participan en las decisiones?"),
    ("coordination.referral_mechanism", "¿Existe un sistema de remisión de víctimas a los servicios?"),
    ("coordination.services_directory", "¿Se ha publicado una guía de los servicios disponibles?"),
    ("data.central_database", "¿Los datos sobre víctimas están centralizados en una base única?"),
    ("data.disaggregated", "¿Los datos están desglosados por sexo, edad y discapacidad?"),
    ("medical.first_aid", "¿Las comunidades afectadas cuentan con socorristas capacitados?"),
    ("rehabilitation.rural_access", "¿Los servicios de rehabilitación llegan a las zonas rurales alejadas?"),
    ("psychosocial.peer_support", "¿Existen grupos de apoyo entre pares?"),
    ("economic.livelihoods", "¿Los sobrevivientes acceden a formación profesional o actividades generadoras de ingresos?"),
    ("economic.education", "¿Los hijos de las víctimas tienen acceso a educación inclusiva?"),
    ("laws_policies.crpd", "¿Ha ratificado su Estado la CDPD?"),
    ("laws_policies.accessibility", "¿Se aplican normas de accesibilidad en los edificios públicos?"),
    ("emergencies.inclusion", "¿Se tiene en cuenta a las personas con discapacidad en la respuesta humanitaria?"),
]


def reworded(title, header, items):
    rows = [header] + [[q, "X", "", ""] for _, q in items]
    return [(title, 1), table(rows)]


DOCS = {
    "unseen_answer_cell_en.docx": answer_cell_checklist_en,
    "unseen_answer_cell_es.docx": answer_cell_checklist_es,
    "unseen_answer_cell_fr.docx": answer_cell_checklist_fr,
    "unseen_plan_columns_en.docx": plan_other_columns,
    "unseen_plan_fr.docx": plan_fr,
    "unseen_plan_es.docx": plan_es,
    "unseen_memo_es.docx": memo_es,
    "unseen_memo_fr.docx": memo_fr,
    "unseen_figures_prose_en.docx": figures_prose_en,
    "unseen_objectives_deadlines.docx": objectives_deadlines,
    "unseen_options_reversed.docx": options_columns_reversed,
    "unseen_objectives_fr.docx": objectives_fr,
    "unseen_objectives_es.docx": objectives_es,
    "unseen_headings.docx": headings_disambiguate,
    "unseen_numbers_loose.docx": numbers_loose,
    "unseen_memo_en_actions.docx": memo_en_actions,
    "unseen_plan_headers_en.docx": plan_header_variants,
    "unseen_plan_headers_fr.docx": plan_header_variants_fr,
    "unseen_plan_headers_es.docx": plan_header_variants_es,
    "unseen_plan_deadlines.docx": plan_deadline_forms,
    "unseen_numbers_spelled.docx": numbers_spelled,
    "unseen_reworded_fr.docx": lambda: reworded("Questionnaire sur l'assistance aux victimes 2025",
                                                ["Question", "Oui", "Non", "Commentaires"], REWORDED_FR),
    "unseen_reworded_es.docx": lambda: reworded("Cuestionario sobre asistencia a las víctimas 2025",
                                                ["Pregunta", "Sí", "No", "Observaciones"], REWORDED_ES),
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    for name, make in DOCS.items():
        write(out, name, make())
    print(f"wrote {len(DOCS)} documents to {out}")


if __name__ == "__main__":
    main()
