"""Reference data for the ICT Strategy 2023–27, transcribed from committee report CP/35/22-23.

The source is Cheshire East Council's Corporate Policy Committee report CP/35/22-23
("ICT Strategy", meeting of 23 March 2023), which sought approval of the ICT Strategy 2023–27.
Text quoted from the report is kept verbatim, with only PDF-extraction artefacts repaired
(stray bold markers, "costeffective" -> "cost-effective", a paragraph split by a page break,
and list markers turned into "- " bullet lines). Paragraph numbers are kept so each section
reads like the report.

The seven principle titles are verbatim from paragraph 6.6. The report gives no more than the
titles, so each principle's summary, rationale, benefits and deliverables are written for this
product from the report's own paragraphs, each naming the paragraph it draws on, e.g.
"(report 8.10.1)". Lead officers are role titles, not people.

This module is plain data (standard library only). The text was transcribed once, by hand:
nothing at run time reads the original report file.
"""

from datetime import date

COUNCIL = "Cheshire East Council"
COMMITTEE = "Corporate Policy Committee"

STRATEGY = {
    "title": "ICT Strategy 2023–27",
    "start_year": 2023,  # first financial year 2023/24
    "end_year": 2027,  # last financial year 2026/27
    # Paragraph 6.5, whole, without its number.
    "vision": (
        "The ICT Services vision states that it will 'Exploit information and technology to "
        "deliver change and innovation based on a foundation of secure and flexible ICT Services.' "
        "Our vision is to invest in people and technology to improve customer experience, increase "
        "digital services, and promote the use of Cloud services to provide resilient and efficient "
        "ways of accessing Council services. To create a relationship between people and technology "
        "to remove barriers and use technology as an enabler."
    ),
    "ict_services_vision": (
        "Exploit information and technology to deliver change and innovation based on a "
        "foundation of secure and flexible ICT Services."
    ),
}

# Exactly seven, in the order of paragraph 6.6; titles character for character from the report.
PRINCIPLES = [
    {
        "number": 1,
        "title": "To provide standard, sustainable, and flexible technology",
        "summary": (
            "Build on the stable, compliant and secure technology platform delivered over the last "
            "two years so that staff and members work on standard, supported technology wherever "
            "they are (report 6.1). The principle keeps the infrastructure stable and resilient "
            "while leaving room to exploit innovation in new service models (report 6.2)."
        ),
        "rationale": (
            "The report records that the Council has already met its essential replacement needs, "
            "updated the remaining data centre components and migrated viable applications to the "
            "Cloud, which kept remote working going through the pandemic (report 6.1). The strategy "
            "now has to consolidate that platform into a standard offer that facilitates the most "
            "efficient use of resources (report 6.2). Standard technology also avoids the "
            "duplication and lack of system integration that the report sees in continuing with "
            "individual projects (report 5.1)."
        ),
        "benefits": "\n".join([
            "- A stable, compliant and secure platform that meets the Council's replacement needs (report 6.1)",
            "- Key applications hosted in the most cost-effective place, on premises or in the cloud (report 6.1)",
            "- Improved resilience and disaster recovery through modern infrastructure (report 6.1)",
            "- Flexible and mobile working as an everyday way of working (report 6.1)",
        ]),
        "deliverables": "\n".join([
            "- A standard, supported device and productivity offer for staff and members (report 6.1)",
            "- Reliable local and wide area network services connecting Council sites (report 6.1)",
            "- A hosting decision for each key application: on premises or cloud (report 6.1)",
            "- A resilient platform able to support new service models (report 6.2)",
        ]),
        "lead_officer": "ICT Service Delivery Manager",
    },
    {
        "number": 2,
        "title": "Ensure ICT governance and architectural practices are sustainable for the future",
        "summary": (
            "Put governance and architecture practices in place that keep technology decisions "
            "coherent and sustainable, including against the Council's carbon commitment "
            "(report 8.10.1). Governance sets broad principles rather than a strict formula, so it "
            "can evolve with changing business need (report 6.3)."
        ),
        "rationale": (
            "The report names this principle in its climate change implications and links it to "
            "the Council's commitment to be carbon neutral by 2025 (report 8.10.1). Adopting Cloud "
            "first technology is the route it gives to influence carbon reduction across the ICT "
            "estate (report 8.10.1). Because the strategy is an evolving one, its governance must "
            "let the Council take advantage of technology and digital platforms as they become "
            "available (report 6.3)."
        ),
        "benefits": "\n".join([
            "- Carbon reduction across the ICT estate through Cloud first technology (report 8.10.1)",
            "- Support for the Council's commitment to be carbon neutral by 2025 (report 8.10.1)",
            "- Technology choices that stay aligned with changing business need (report 6.3)",
        ]),
        "deliverables": "\n".join([
            "- An architecture review and decision process for new technology proposals (report 6.3)",
            "- A Cloud first hosting approach applied across the ICT estate (report 8.10.1)",
            "- Reporting of the ICT estate's contribution to carbon reduction (report 8.10.1)",
        ]),
        "lead_officer": "ICT Architecture Manager",
    },
    {
        "number": 3,
        "title": "Focus on agile delivery, supporting and communicating with the workforce, to maximise the benefits",
        "summary": (
            "Deliver ICT change through an agile approach to operational delivery so the Council can "
            "respond quickly to changing times (report 6.3). Support and communicate with the "
            "workforce throughout, so staff have the skills to realise the benefits of new "
            "technology (report 8.5.1)."
        ),
        "rationale": (
            "The report says the strategy does not set out a strict formula and will enable an agile "
            "approach to operational delivery (report 6.3). It recognises the need for the continued "
            "upskilling of the workforce, with trade union and staff consultation where there are "
            "wider HR implications (report 8.5.1). Further consultation with stakeholders, Trade "
            "Union and Staff will inform the development of ICT Services at regular meetings "
            "(report 7.2)."
        ),
        "benefits": "\n".join([
            "- Faster take-up of technology and digital platforms as they become available (report 6.3)",
            "- A workforce with the skills to use new tools well (report 8.5.1)",
            "- Changes shaped by staff and trade union feedback (report 7.2)",
        ]),
        "deliverables": "\n".join([
            "- An agile delivery approach for ICT projects and programmes (report 6.3)",
            "- A continuing digital skills and upskilling programme for staff (report 8.5.1)",
            "- Regular engagement with stakeholders, Trade Union and Staff on ICT change (report 7.2)",
        ]),
        "lead_officer": "ICT Programme Manager",
    },
    {
        "number": 4,
        "title": "Ensure the Council's information and data is managed effectively with enterprise solutions",
        "summary": (
            "Manage the Council's information and data through enterprise solutions that give users "
            "a seamless experience while keeping processing lawful (report 8.1.1). Any new use of "
            "personal data must be compatible with the purpose it was collected for "
            "(report 8.1.1)."
        ),
        "rationale": (
            "UK GDPR Article 5(1)(b) requires data to be collected for specified, explicit and "
            "legitimate purposes and not further processed in an incompatible way (report 8.1.1). "
            "The report notes that relying on consent for a new purpose is problematic for a public "
            "authority, so compatibility has to be designed in (report 8.1.1). Integrated and "
            "co-ordinated enterprise solutions let the Council apply these controls consistently "
            "rather than system by system (report 8.2.1)."
        ),
        "benefits": "\n".join([
            "- Compliance with UK GDPR Article 5(1)(b) when data is reused (report 8.1.1)",
            "- A seamless experience for users of Council services (report 8.1.1)",
            "- Integrated, co-ordinated information rather than isolated systems (report 8.2.1)",
        ]),
        "deliverables": "\n".join([
            "- A purpose-compatibility check before any new use of personal data (report 8.1.1)",
            "- Enterprise data and records management solutions (report 8.1.1)",
            "- Information governance overseen with the Information Governance Group (report 7.1)",
        ]),
        "lead_officer": "Information Governance Manager",
    },
    {
        "number": 5,
        "title": "Facilitate sharing of information and partnership working",
        "summary": (
            "Work with partners across Cheshire East Place and the Cheshire and Merseyside region so "
            "that Council systems meet shared integration, data sharing and connectivity standards "
            "(report 8.9.2, report 8.7.2). Partnership working builds on the organisations the "
            "Council engaged in developing the strategy (report 7.1)."
        ),
        "rationale": (
            "The report commits ICT Services to coproduce and collaborate with Health and Social Care "
            "colleagues to meet their integration standards and data sharing needs (report 8.9.2). "
            "It extends this to NW ADASS colleagues at a regional level (report 8.9.3) and to the "
            "regional connectivity teams, the Local Enterprise Partnership and Connected Cheshire "
            "(report 8.7.2). External organisations including Cheshire West and Chester Council "
            "helped shape the strategy (report 7.1)."
        ),
        "benefits": "\n".join([
            "- Integrated health and social care information across Cheshire East Place and the region (report 8.9.2)",
            "- Connectivity that meets the needs of communities including rural communities (report 8.7.2)",
            "- Expertise and best practice shared with partner organisations (report 7.1)",
        ]),
        "deliverables": "\n".join([
            "- Data sharing and integration with Cheshire and Merseyside health and care partners (report 8.9.2)",
            "- Alignment with NW ADASS regional integration standards (report 8.9.3)",
            "- Joint connectivity work with Connected Cheshire and the Local Enterprise Partnership (report 8.7.2)",
        ]),
        "lead_officer": "Head of ICT Services",
    },
    {
        "number": 6,
        "title": "Maximise the value of technology enabling financial stability",
        "summary": (
            "Get the most value from technology spend while working within the existing four-year "
            "ICT Services capital and revenue budgets (report 8.2.1). Financial benefits are assessed "
            "through annual High Level Business Cases and considered as part of the MTFS "
            "(report 8.2.1)."
        ),
        "rationale": (
            "The report confirms there is no requirement to amend the existing budgets, but that "
            "financial benefits will be assessed as HLBCs are updated or new proposals come forward "
            "(report 8.2.1). Options must take account of resourcing difficulties, inflationary "
            "pressures and third-party supplier costs (report 8.2.2). Legal and procurement "
            "procedures are followed to maintain Value for Money for the authority (report 8.1.2)."
        ),
        "benefits": "\n".join([
            "- ICT spend kept within the existing four-year capital and revenue budgets (report 8.2.1)",
            "- Financial benefits assessed and reflected in the MTFS (report 8.2.1)",
            "- Value for Money maintained through compliant procurement (report 8.1.2)",
        ]),
        "deliverables": "\n".join([
            "- Annual High Level Business Cases with assessed financial benefits (report 8.2.1)",
            "- Options appraisals that account for inflation and third-party supplier costs (report 8.2.2)",
            "- ICT contracts and assets procured with service-based contract managers (report 8.1.2)",
        ]),
        "lead_officer": "ICT Commercial Manager",
    },
    {
        "number": 7,
        "title": "Provide Cyber Security and Threat Management",
        "summary": (
            "Protect the Council's systems and information against cyber threats, so that change and "
            "innovation rest on a secure foundation (report 6.5). Information, cyber security and "
            "compliance risks are managed and reported through SIGG and the Strategic Risk Register "
            "(report 8.6.1)."
        ),
        "rationale": (
            "The report requires full business case risk assessments with particular attention to "
            "information, cyber security and compliance (report 8.6.1). Those risks are reported "
            "through the Strategic Information Governance Group (SIGG) and the Strategic Risk "
            "Register quarterly update to Corporate Policy Committee (report 8.6.1). The ICT "
            "Services vision itself rests on a foundation of secure and flexible ICT Services "
            "(report 6.5)."
        ),
        "benefits": "\n".join([
            "- Reduced likelihood and impact of cyber incidents on Council services (report 8.6.1)",
            "- Quarterly visibility of cyber risk for Corporate Policy Committee (report 8.6.1)",
            "- A secure foundation for change and innovation (report 6.5)",
        ]),
        "deliverables": "\n".join([
            "- A cyber security risk assessment in every full business case (report 8.6.1)",
            "- Information, cyber security and compliance risks reported through SIGG (report 8.6.1)",
            "- Quarterly Strategic Risk Register updates to Corporate Policy Committee (report 8.6.1)",
        ]),
        "lead_officer": "ICT Security Manager",
    },
]

MEETINGS = [
    {"committee": COMMITTEE, "date": date(2022, 10, 6), "title": "Corporate Policy Committee, 6 October 2022"},
    {"committee": COMMITTEE, "date": date(2023, 3, 23), "title": "Corporate Policy Committee, 23 March 2023"},
]

# (key, label) in the report's order, sections 8.1 to 8.10.
IMPLICATION_AREAS = [
    ("legal", "Legal"),
    ("finance", "Finance"),
    ("policy", "Policy"),
    ("equality", "Equality"),
    ("human_resources", "Human Resources"),
    ("risk_management", "Risk Management"),
    ("rural_communities", "Rural Communities"),
    ("children_and_young_people", "Children and Young People/Cared for Children"),
    ("public_health", "Public Health"),
    ("climate_change", "Climate Change"),
]


def _paragraphs(*parts):
    return "\n\n".join(parts)


COMMITTEE_REPORT = {
    "reference": "CP/35/22-23",
    "sequence": 35,
    "meeting_date": date(2023, 3, 23),
    "title": "ICT Strategy",
    "report_of": "Jane Burns: Executive Director Corporate Services",
    "wards_affected": "All",
    # Section 1, Purpose of Report.
    "purpose": _paragraphs(
        "1.1. At the meeting on 6 October 2022, the Corporate Policy Committee approved the "
        "development of an ICT Strategy for Cheshire East Council, the principles on which the ICT "
        "Strategy will be based, and the timeline for that development which enables and underpins "
        "many of the digital aims and objectives in the Council's Corporate Plan 2021-25.",
        "1.2. The purpose of this report is to seek approval from the Corporate Policy Committee for "
        "the ICT Strategy for Cheshire East Council.",
    ),
    # Section 2, Executive Summary (the report numbers these paragraphs without a trailing dot).
    "executive_summary": _paragraphs(
        "2.1 Maximising the opportunities that the Digital Revolution provides is a priority for the "
        "Council, as outlined within the Corporate Plan 2021-25. The plan recognises that \"new and "
        "emerging technologies are bringing opportunities to rethink how services can be provided. "
        "We want to improve connectivity for all our communities and help residents and business to "
        "benefit from the convenience and flexibility it can bring.\" Technology and information are "
        "therefore fundamental enablers for future digital business solutions.",
        "2.2 The Covid pandemic brought this into even greater focus. The technological connectivity, "
        "skills, activities, and services that were already a priority, are now an everyday "
        "necessity for every aspect of most people's daily lives.",
        "2.3 Cheshire East Council has already made strong progress towards its digital priorities "
        "however, these have been implemented as a series of individual projects and programmes. "
        "Some of these programmes include coproduction and collaboration with our partners. It is "
        "therefore recognised that for ICT Services to deliver integrated solutions to the scale, "
        "focus and impact required, a cohesive overarching ICT Strategy and action plan had to be "
        "developed.",
        "2.4 This ICT Strategy sets out the Council's strategy for Information Communication and "
        "Technology (ICT) over the period 2023 to 2027.",
        "2.5 It is recognised that the enabling role of ICT Services is essential and underpins the "
        "delivery of many Council's services. ICT is also fundamental to most business change "
        "programmes across the organisation. With advancements in technologies over the past 3 "
        "years, and as a preferred communication method by our residents, this ICT Strategy aims to "
        "ensure that the Council is innovative and progressive, continuing to explore new and better "
        "ways that technology can help our residents, staff and members access and use our services, "
        "in the ways that are right for them.",
    ),
    # Section 3, Recommendation.
    "recommendations": "3.1 To approve the ICT Strategy 2023–27 for Cheshire East Council.",
    # Section 4, Reason for Recommendation.
    "reasons": (
        "4.1. To enable the strategic aims and objectives in the Council's Corporate Plan to be "
        "delivered as they relate to the ICT Strategy 2023–27 for Cheshire East Council."
    ),
    # Section 5, Other Options Considered.
    "other_options": (
        "5.1. The Council could continue with individual ICT projects and programmes, without a "
        "single strategic point of focus. This option is not recommended as there are significant "
        "risks of inefficiency through duplication, a lack of business and technical system "
        "integration, as well as limitations to our ability to share expertise and best practice."
    ),
    # Section 6, Background, whole, including its two bullet lists.
    "background": _paragraphs(
        "\n".join([
            "6.1. Over the last two years, a significant amount of progress has been made in the "
            "delivery of ICT services including:",
            "- the provision of a stable, compliant, and secure technology platform that met the "
            "essential replacement needs of the Council,",
            "- the update of the remaining data centre components, to enable a robust and resilient "
            "service connected via reliable local and wide area network services.",
            "- the creation of a contemporary and performing environment migrating viable "
            "applications and products to the Cloud, thereby ensuring remote and new ways of working "
            "throughout the pandemic,",
            "- access to key applications hosted appropriately and in the most cost-effective manner "
            "i.e., on premises or in the cloud,",
            "- the introduction of an improved level of resilience and disaster recovery capability "
            "through the delivery of modern infrastructure technology,",
            "- delivery of the necessary tools and processes, which has enabled ICT services to be "
            "more efficient and effective in managing the new environments, and",
            "- working in more agile and flexible ways, in line with their ambitions for flexible and "
            "mobile working which have been business critical and successful during the pandemic.",
        ]),
        "6.2. The ICT Strategy 2023-27 provides direction and strategic priorities that will "
        "continue to shape the council technology environment. It provides a platform that can "
        "exploit innovation in the delivery of new service models, whilst providing a stable and "
        "resilient infrastructure which facilitates the most efficient use of resources.",
        "6.3. Whilst the strategy contains broad strategic principles and objectives (along with the "
        "rationale behind those objectives), including the benefits and deliverables that will be "
        "achieved, it does not set out to provide a strict formula. As an evolving strategy "
        "underpinning changing business need, it will enable an agile approach to operational "
        "delivery. This will allow the Council to take advantage of technology and digital "
        "platforms as they become available and respond quickly to changing times, to better serve "
        "our residents, staff, and members in accessing Council services to provide more efficient "
        "and economical communication channels.",
        "6.4. This ICT Strategy enables the Council to deliver its Corporate Plan, supporting our "
        "Customer Experience (Cx) and Digital Strategy and, providing more 'efficient services' and "
        "improving 'the environment.'",
        "6.5. The ICT Services vision states that it will 'Exploit information and technology to "
        "deliver change and innovation based on a foundation of secure and flexible ICT Services.' "
        "Our vision is to invest in people and technology to improve customer experience, increase "
        "digital services, and promote the use of Cloud services to provide resilient and efficient "
        "ways of accessing Council services. To create a relationship between people and technology "
        "to remove barriers and use technology as an enabler.",
        "\n".join([
            "6.6. Our ICT Strategy reflects upon the Councils 'Values' and wider supporting strategies "
            "to align with the culture at Cheshire East Borough Council. Those key principles are:",
            "- To provide standard, sustainable, and flexible technology",
            "- Ensure ICT governance and architectural practices are sustainable for the future",
            "- Focus on agile delivery, supporting and communicating with the workforce, to maximise "
            "the benefits",
            "- Ensure the Council's information and data is managed effectively with enterprise "
            "solutions",
            "- Facilitate sharing of information and partnership working",
            "- Maximise the value of technology enabling financial stability",
            "- Provide Cyber Security and Threat Management",
        ]),
    ),
    # Section 7, Consultation and Engagement.
    "consultation": _paragraphs(
        "7.1. To develop our ICT Strategy, we have engaged with a number of external organisations "
        "including Gartner, iESE, Microsoft, Ernst Young, InfoTech, Apptio and Cheshire West and "
        "Chester Council. Internally we have collaborated with the Corporate Leadership Team (CLT), "
        "Department Management Teams (DMT), Directorate Meetings, Managers, Bright Sparks, and the "
        "Information Governance Group (IGG).",
        "7.2. Further consultation with stakeholders, Trade Union and Staff will also inform the "
        "development of ICT Services and the strategy at existing and ongoing regular meetings.",
    ),
    # Section 8, Implications: one entry per IMPLICATION_AREAS key, 8.1 to 8.10.
    "implications": {
        "legal": _paragraphs(
            "8.1.1. Adherence with UK GDPR Article 5(1)(b) states that data shall be collected for "
            "specified, explicit and legitimate purposes and not further processed in a manner that "
            "is incompatible for those purposes. While enabling users to experience a seamless "
            "process, the Council does need to ensure compliance with Article 5(1)(b) if personal "
            "data is to be used for a new purpose other than a legal obligation or function set out "
            "in law, the Council will need to ensure that this is compatible with the original "
            "purpose the data was collected for or obtain consent. Obtaining consent for use for a "
            "different purpose can be problematic for a public authority as there is a presumption "
            "that consent is not freely given if provision of a service is dependent on the "
            "consent, as is the case with service provided by public bodies.",
            "8.1.2. ICT Services continues to work with service-based contract managers to procure "
            "ICT contracts and assets on behalf of the Council. The ICT Strategy will continue to "
            "ensure that all legal and procurement procedures are followed to maintain Value for "
            "Money (VfM) for the authority.",
        ),
        "finance": _paragraphs(
            "8.2.1. This ICT strategy will ensure information, communications and technology "
            "solutions are integrated and co-ordinated. There is no requirement to amend the "
            "existing four-year ICT Services capital and revenue budgets, however as annual High "
            "Level Business Cases (HLBC's) are updated, amended, or new proposals come forward, then "
            "the financial benefits will be assessed, and any changes will be considered as part of "
            "the MTFS.",
            "8.2.2. This ICT Strategy will need to take into consideration and refer to ongoing "
            "resourcing difficulties, inflationary pressures, and third-party supplier costs when "
            "optional solutions are proposed.",
        ),
        "policy": (
            "8.3.1. This ICT Strategy is aligned with the Council's vision, priorities and values as "
            "outlined in the Corporate Plan 2021-2025."
        ),
        "equality": _paragraphs(
            "8.4.1. The fundamental principles in the ICT Strategy ensure that inclusion is at the "
            "heart of all proposals.",
            "8.4.2. Adherence with the Equality Act 2010 will be part of the Information, "
            "Communications and Technology (ICT) Strategy 2022-26 as consideration must be given to "
            "the Public Sector Equality Duty provided for under s.149 of the Equality Act 2010. "
            "Public authorities must remove or minimise disadvantage and take steps to meet the "
            "needs of persons sharing protected characteristics such as a disability or age. The "
            "duty also states that public authorities must encourage persons with a protected "
            "characteristic to participate where participation by such persons is "
            "disproportionately low.",
        ),
        "human_resources": (
            "8.5.1. This ICT Strategy does recognise the need for the continued upskilling of the "
            "workforce and where there are wider HR implications, trade unions and staff "
            "consultations will be undertaken appropriately."
        ),
        "risk_management": (
            "8.6.1. The ICT Strategy will continue to assess full business case risk assessments, "
            "particularly with respect to information, cyber security and compliance which are "
            "managed and reported through the Strategic Information Governance Group (SIGG) and the "
            "Strategic Risk Register quarterly update to Corporate Policy Committee."
        ),
        "rural_communities": _paragraphs(
            "8.7.1. The fundamental principles proposed in this ICT Strategy will ensure that "
            "inclusion is at the heart of all proposals including our rural communities.",
            "8.7.2. ICT Services will continue to coproduce and collaborate with the Cheshire and "
            "Merseyside regional connectivity teams, the Local Enterprise Partnership and Connected "
            "Cheshire programme at both a Cheshire East Place and at the Cheshire and Merseyside "
            "regional level to ensure that the ICT Strategy will meet their integration standards "
            "and connectivity needs.",
        ),
        "children_and_young_people": (
            "8.8.1. ICT Services will continue to work with the Children's Services Transformation "
            "Board and Schools to determine ongoing ICT requirements are included within this ICT "
            "Strategy."
        ),
        "public_health": _paragraphs(
            "8.9.1. ICT Services will continue to work with the Adults Social Care and Public Health "
            "Strategic Departmental Management Team to determine ongoing ICT requirements are "
            "included within this ICT Strategy.",
            "8.9.2. ICT Services will continue to coproduce and collaborate with Health and Social "
            "Care colleagues at both a Cheshire East Place and at the Cheshire and Merseyside "
            "regional level to ensure that the ICT Strategy will meet their integration standards "
            "and data sharing needs.",
            "8.9.3. ICT Services will also continue to work with North West Adults Directors of "
            "Social Care (NW ADASS) colleagues to coproduce and collaborate at a regional level to "
            "ensure that the ICT Strategy will meet their integration standards and data sharing "
            "needs.",
        ),
        "climate_change": (
            "8.10.1. One of the principles of the ICT Strategy is to \"ensure ICT governance and "
            "architectural practices are sustainable for the future.\" This ICT Strategy enables the "
            "Council's commitment to be carbon neutral by 2025 and, by adopting Cloud first "
            "technology, influence carbon reduction across the ICT estate."
        ),
    },
    "contact_officer": "Gareth Pawlett, Head of ICT Services\nGareth.pawlett@cheshireeast.gov.uk\n01270 686298",
    "appendices": "ICT Strategy",
    "background_papers": "Report to 6 October Corporate Policy Committee",
}
