"""DEMO action plan for the ICT Strategy 2023–27: fictional data for demonstrations and tests.

Everything in this module is invented. The people are made up and use example.gov.uk
addresses; the business cases, costs, risks, scores, actions and commentary are realistic
in shape and size for a unitary council's ICT service but are not the Council's figures or
plans. Only the seven principles they hang off come from the real committee report (see
seeding/reference_data.py).

Plain data, standard library only. Conventions:

* users are referred to by username ("lead", "manager", "manager2", ...);
* financial_year 2023 means 2023/24 (1 April 2023 to 31 March 2024), up to 2026 = 2026/27;
* money is a string of pounds with two decimals, e.g. "125000.00";
* risk likelihood and impact are 1..5, residual never above inherent;
* an action's "story" says how its quarterly updates should unfold:
  "steady" (on track to done), "slipping" (green -> amber -> red),
  "recovering" (red/amber -> green), "wobbling" (green, then amber from half way),
  "completed_early", "not_started", "cancelled".
"""

from datetime import date

DEMO_PASSWORD = "ict-strategy-demo"

ROLES = ("Strategy lead", "ICT manager", "Committee member", "API client")

DEMO_USERS = [
    {
        "username": "lead",
        "first_name": "Helen",
        "last_name": "Ashworth",
        "email": "lead@example.gov.uk",
        "role": "Strategy lead",
        "job_title": "ICT Strategy and Governance Lead",
    },
    {
        "username": "manager",
        "first_name": "Daniel",
        "last_name": "Whitfield",
        "email": "manager@example.gov.uk",
        "role": "ICT manager",
        "job_title": "ICT Infrastructure Manager",
    },
    {
        "username": "manager2",
        "first_name": "Priya",
        "last_name": "Sharma",
        "email": "manager2@example.gov.uk",
        "role": "ICT manager",
        "job_title": "Information Governance Manager",
    },
    {
        "username": "committee",
        "first_name": "Margaret",
        "last_name": "Holloway",
        "email": "committee@example.gov.uk",
        "role": "Committee member",
        "job_title": "Councillor, Corporate Policy Committee",
    },
    {
        "username": "apiclient",
        "first_name": "Performance",
        "last_name": "Dashboard",
        "email": "apiclient@example.gov.uk",
        "role": "API client",
        "job_title": "Council performance dashboard (system account)",
    },
]


def _lines(*years):
    """Four lines, 2023/24..2026/27: each year is (capital, revenue, cashable, non_cashable)."""
    assert len(years) == 4
    return [
        {
            "financial_year": 2023 + i,
            "capital_cost": f"{capital:.2f}",
            "revenue_cost": f"{revenue:.2f}",
            "cashable_benefit": f"{cashable:.2f}",
            "non_cashable_benefit": f"{non_cashable:.2f}",
        }
        for i, (capital, revenue, cashable, non_cashable) in enumerate(years)
    ]


DEMO_BUSINESS_CASES = [
    {
        "reference": "HLBC-2023-01",
        "title": "Microsoft 365 cloud workplace",
        "summary": (
            "Complete the move from on-premises Exchange and file servers to Exchange Online, "
            "SharePoint, OneDrive and Teams for around 4,200 staff and 82 members, with managed "
            "devices through Intune. Retires the last on-premises mail and file infrastructure and "
            "gives a standard, flexible workplace that works the same in the office and at home."
        ),
        "principles": [1, 3],
        "sponsor": "manager",
        "status": "approved",
        "lines": _lines(
            (420000, 85000, 0, 60000),
            (150000, 310000, 120000, 140000),
            (0, 320000, 180000, 160000),
            (0, 330000, 180000, 160000),
        ),
    },
    {
        "reference": "HLBC-2023-02",
        "title": "Data centre exit and migration to Azure",
        "summary": (
            "Migrate the remaining workloads from the two council-owned data centres to Microsoft "
            "Azure under a Cloud first policy, then decommission the halls. Removes a hardware "
            "refresh liability, cuts power and cooling, and improves disaster recovery."
        ),
        "principles": [1, 2, 6],
        "sponsor": "manager",
        "status": "approved",
        "lines": _lines(
            (600000, 120000, 0, 20000),
            (900000, 380000, 150000, 40000),
            (350000, 520000, 420000, 50000),
            (0, 540000, 610000, 80000),
        ),
    },
    {
        "reference": "HLBC-2023-03",
        "title": "Cyber security improvement programme",
        "summary": (
            "A four-year programme to reach and hold Cyber Essentials Plus, keep PSN compliance, "
            "buy a managed 24/7 security operations service and immutable backup, and run staff "
            "phishing awareness. Benefits are mainly avoided incident and recovery costs."
        ),
        "principles": [7],
        "sponsor": "manager",
        "status": "approved",
        "lines": _lines(
            (180000, 210000, 0, 50000),
            (90000, 240000, 0, 60000),
            (60000, 250000, 0, 60000),
            (40000, 260000, 0, 60000),
        ),
    },
    {
        "reference": "HLBC-2023-04",
        "title": "Enterprise data platform",
        "summary": (
            "A cloud data platform bringing together social care, revenues and benefits, highways "
            "and customer contact data with a common resident and property key (UPRN), governed "
            "so that every new use of personal data is checked for purpose compatibility."
        ),
        "principles": [4, 5],
        "sponsor": "manager2",
        "status": "approved",
        "lines": _lines(
            (250000, 40000, 0, 15000),
            (300000, 95000, 0, 60000),
            (120000, 140000, 45000, 110000),
            (0, 150000, 90000, 150000),
        ),
    },
    {
        "reference": "HLBC-2023-05",
        "title": "Teams telephony and contact centre migration",
        "summary": (
            "Replace the end-of-life on-premises telephony platform and contact centre with "
            "Microsoft Teams Phone and a cloud contact centre. Delivered in 2024/25; the business "
            "case is closed and benefits are now tracked in the ICT budget."
        ),
        "principles": [1, 6],
        "sponsor": "manager",
        "status": "closed",
        "lines": _lines(
            (210000, 60000, 40000, 10000),
            (30000, 95000, 140000, 20000),
            (0, 95000, 150000, 20000),
            (0, 95000, 150000, 20000),
        ),
    },
    {
        "reference": "HLBC-2024-01",
        "title": "End-user device refresh 2024–27",
        "summary": (
            "Replace about 3,600 laptops reaching five years old with Windows 11 devices bought "
            "through a national framework, extending life where devices are sound and disposing "
            "of the rest through a certified WEEE recycler."
        ),
        "principles": [1, 2],
        "sponsor": "manager",
        "status": "approved",
        "lines": _lines(
            (0, 20000, 0, 0),
            (1450000, 60000, 0, 80000),
            (1200000, 60000, 0, 80000),
            (350000, 60000, 0, 40000),
        ),
    },
    {
        "reference": "HLBC-2024-02",
        "title": "Cheshire and Merseyside shared care record integration",
        "summary": (
            "Integrate the adult social care case management system with the Cheshire and "
            "Merseyside shared care record so that health and care practitioners see a single "
            "view of the people they support, under a regional data sharing agreement."
        ),
        "principles": [5, 4],
        "sponsor": "manager2",
        "status": "submitted",
        "lines": _lines(
            (0, 0, 0, 0),
            (85000, 20000, 0, 30000),
            (140000, 45000, 0, 70000),
            (20000, 60000, 0, 90000),
        ),
    },
    {
        "reference": "HLBC-2024-03",
        "title": "ICT cost transparency and FinOps",
        "summary": (
            "Introduce technology business management with Apptio to map ICT spend to services, "
            "and a FinOps discipline for Azure consumption (rightsizing, reservations, "
            "out-of-hours shutdown) so savings can be evidenced for the MTFS."
        ),
        "principles": [6],
        "sponsor": "lead",
        "status": "approved",
        "lines": _lines(
            (0, 0, 0, 0),
            (35000, 65000, 0, 20000),
            (0, 70000, 150000, 30000),
            (0, 72000, 220000, 30000),
        ),
    },
    {
        "reference": "HLBC-2024-04",
        "title": "Replacement electronic document and records management system",
        "summary": (
            "Proposed a like-for-like replacement of the legacy EDRMS. Rejected at the ICT "
            "investment board in favour of moving records into Microsoft 365 with retention "
            "labels, which reuses licences the Council already holds."
        ),
        "principles": [4],
        "sponsor": "manager2",
        "status": "rejected",
        "lines": _lines(
            (0, 0, 0, 0),
            (380000, 90000, 0, 20000),
            (260000, 120000, 60000, 40000),
            (0, 125000, 90000, 40000),
        ),
    },
    {
        "reference": "HLBC-2025-01",
        "title": "Wide area network re-procurement",
        "summary": (
            "Re-procure the corporate wide area network and internet connectivity before the "
            "current contract ends, moving to SD-WAN over shared public sector gigabit fibre "
            "where the Connected Cheshire programme has delivered it."
        ),
        "principles": [1, 5, 6],
        "sponsor": "manager",
        "status": "submitted",
        "lines": _lines(
            (0, 0, 0, 0),
            (0, 0, 0, 0),
            (0, 30000, 0, 0),
            (400000, 150000, 60000, 20000),
        ),
    },
    {
        "reference": "HLBC-2025-02",
        "title": "Generative AI assistant pilot",
        "summary": (
            "A six-month pilot of Microsoft 365 Copilot with 300 staff in customer services, "
            "social care business support and ICT, with a data protection impact assessment, "
            "acceptable use guidance and training before any wider roll-out."
        ),
        "principles": [3, 4],
        "sponsor": "lead",
        "status": "draft",
        "lines": _lines(
            (0, 0, 0, 0),
            (0, 0, 0, 0),
            (0, 45000, 0, 25000),
            (0, 110000, 0, 80000),
        ),
    },
]

DEMO_RISKS = [
    {
        "reference": "ICT-R01",
        "title": "Ransomware attack disables critical council services",
        "description": (
            "A successful ransomware attack encrypts servers and backups, leaving adult social "
            "care, revenues and benefits and customer contact unable to operate for weeks, as "
            "seen at other UK councils."
        ),
        "category": "cyber_security",
        "owner": "manager",
        "inherent_likelihood": 4,
        "inherent_impact": 5,
        "residual_likelihood": 3,
        "residual_impact": 5,
        "mitigation": (
            "Managed 24/7 security operations service, immutable offline backups tested quarterly, "
            "endpoint detection on all devices, MFA everywhere and a rehearsed incident response plan."
        ),
        "review_months": 1,
        "on_strategic_register": True,
        "business_cases": ["HLBC-2023-03"],
    },
    {
        "reference": "ICT-R02",
        "title": "Staff credentials compromised through phishing",
        "description": (
            "Staff or members enter their credentials on a convincing phishing page, giving an "
            "attacker access to email, files and line-of-business systems."
        ),
        "category": "cyber_security",
        "owner": "manager2",
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "mitigation": (
            "Phishing-resistant MFA and conditional access, monthly simulated phishing with "
            "targeted training, and mail filtering with link detonation."
        ),
        "review_months": 3,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2023-03", "HLBC-2023-01"],
    },
    {
        "reference": "ICT-R03",
        "title": "Compromise of a third-party supplier",
        "description": (
            "A software or managed service supplier with access to council systems is breached, "
            "and the attacker uses that access to reach council data."
        ),
        "category": "cyber_security",
        "owner": "manager",
        "inherent_likelihood": 3,
        "inherent_impact": 5,
        "residual_likelihood": 3,
        "residual_impact": 4,
        "mitigation": (
            "Supplier security questionnaires at contract award and renewal, least-privilege and "
            "time-limited supplier access through a privileged access gateway, and contract clauses "
            "requiring prompt breach notification."
        ),
        "review_months": 3,
        "on_strategic_register": False,
        "business_cases": [],
    },
    {
        "reference": "ICT-R04",
        "title": "Personal data reused for an incompatible purpose",
        "description": (
            "Data brought together in the enterprise data platform is used for a new purpose that "
            "is incompatible with the purpose it was collected for, breaching UK GDPR Article 5(1)(b)."
        ),
        "category": "information",
        "owner": "manager2",
        "inherent_likelihood": 3,
        "inherent_impact": 4,
        "residual_likelihood": 2,
        "residual_impact": 4,
        "mitigation": (
            "Purpose-compatibility check and DPIA required before any new data use, approved by the "
            "Data Protection Officer and reported to the Information Governance Group."
        ),
        "review_months": 6,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2023-04"],
    },
    {
        "reference": "ICT-R05",
        "title": "Over-sharing of sensitive information in Microsoft 365",
        "description": (
            "Sensitive case information is shared too widely through Teams, SharePoint links or "
            "misdirected email, leading to a reportable data breach."
        ),
        "category": "information",
        "owner": "manager2",
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 4,
        "mitigation": (
            "Sensitivity labels and data loss prevention policies, external sharing restricted by "
            "default, quarterly access reviews for sites holding special category data."
        ),
        "review_months": 3,
        "on_strategic_register": True,
        "business_cases": ["HLBC-2023-01"],
    },
    {
        "reference": "ICT-R06",
        "title": "Poor data quality undermines the enterprise data platform",
        "description": (
            "Duplicate and inconsistent resident and property records across source systems mean "
            "reports from the data platform are not trusted and decisions rest on wrong figures."
        ),
        "category": "information",
        "owner": "manager2",
        "inherent_likelihood": 4,
        "inherent_impact": 3,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "mitigation": (
            "Data owners named for each source system, UPRN matching against the local gazetteer "
            "and a monthly data quality dashboard reviewed by the Information Governance Group."
        ),
        "review_months": 6,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2023-04"],
    },
    {
        "reference": "ICT-R07",
        "title": "Loss of PSN compliance certificate",
        "description": (
            "The annual IT health check finds critical vulnerabilities that are not remediated in "
            "time, and the Council loses the PSN connection used for DWP and other government services."
        ),
        "category": "compliance",
        "owner": "manager",
        "inherent_likelihood": 3,
        "inherent_impact": 5,
        "residual_likelihood": 2,
        "residual_impact": 5,
        "mitigation": (
            "Health check scheduled early in the year, remediation plan tracked weekly, and "
            "monthly patch compliance reporting to the ICT management team."
        ),
        "review_months": 3,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2023-03"],
    },
    {
        "reference": "ICT-R08",
        "title": "Records kept longer than the retention schedule allows",
        "description": (
            "Records in legacy file shares and the old EDRMS are kept beyond their retention "
            "periods, breaching storage limitation and increasing the cost of FOI and subject "
            "access requests."
        ),
        "category": "compliance",
        "owner": "manager2",
        "inherent_likelihood": 4,
        "inherent_impact": 3,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "mitigation": (
            "Corporate retention schedule applied through Microsoft 365 retention labels, with "
            "disposition reviews signed off by information asset owners."
        ),
        "review_months": 6,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2024-04"],
    },
    {
        "reference": "ICT-R09",
        "title": "Unsupported operating systems and applications in use",
        "description": (
            "Devices and servers run software past its end of support (such as Windows 10 after "
            "October 2025), so security updates stop and compliance checks fail."
        ),
        "category": "compliance",
        "owner": "manager",
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 2,
        "residual_impact": 4,
        "mitigation": (
            "Device refresh and Windows 11 upgrade programme, software asset register with "
            "end-of-support dates, and extended security updates bought only as a last resort."
        ),
        "review_months": 3,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2024-01"],
    },
    {
        "reference": "ICT-R10",
        "title": "ICT skills shortages delay delivery of the action plan",
        "description": (
            "Vacancies in cloud, security and data roles cannot be filled at local government "
            "pay rates, so projects queue and rely on costly contractors."
        ),
        "category": "delivery",
        "owner": "lead",
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 4,
        "residual_impact": 4,
        "mitigation": (
            "Grow-our-own apprenticeships and certification paths, market supplements for hard to "
            "fill roles, and a prioritised portfolio agreed quarterly with the Corporate "
            "Leadership Team."
        ),
        "review_months": 3,
        "on_strategic_register": True,
        "business_cases": [],
    },
    {
        "reference": "ICT-R11",
        "title": "Data centre exit overruns, forcing costly dual running",
        "description": (
            "Legacy applications that cannot move to Azure without supplier upgrades keep the "
            "data centres open past the planned exit date, so the Council pays for both."
        ),
        "category": "delivery",
        "owner": "manager",
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 4,
        "residual_impact": 4,
        "mitigation": (
            "Application-by-application migration plan with supplier commitments, a reduced "
            "footprint co-location option for stragglers, and monthly reporting to the ICT "
            "investment board."
        ),
        "review_months": 1,
        "on_strategic_register": True,
        "business_cases": ["HLBC-2023-02"],
    },
    {
        "reference": "ICT-R12",
        "title": "Partner dependencies delay shared care record integration",
        "description": (
            "Regional integration standards, NHS supplier timescales and information sharing "
            "agreements move at the pace of the slowest partner, delaying go-live."
        ),
        "category": "delivery",
        "owner": "manager2",
        "inherent_likelihood": 3,
        "inherent_impact": 3,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "mitigation": (
            "Joint plan with the Cheshire and Merseyside programme team, named leads in each "
            "organisation and escalation through the Place partnership board."
        ),
        "review_months": 3,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2024-02"],
    },
    {
        "reference": "ICT-R13",
        "title": "Inflation and supplier price rises exceed the ICT budget",
        "description": (
            "Licence uplifts, CPI-linked contract increases and exchange rate movements push "
            "third-party supplier costs above the four-year ICT revenue budget."
        ),
        "category": "financial",
        "owner": "lead",
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 4,
        "residual_impact": 3,
        "mitigation": (
            "Contract renewal pipeline reviewed 18 months ahead, licence rationalisation, "
            "multi-year price caps negotiated where possible and pressures reported into the MTFS."
        ),
        "review_months": 3,
        "on_strategic_register": True,
        "business_cases": ["HLBC-2024-03"],
    },
    {
        "reference": "ICT-R14",
        "title": "Cloud consumption costs exceed forecast",
        "description": (
            "Azure spend grows faster than planned because resources are over-sized or left "
            "running, eroding the savings in the data centre exit business case."
        ),
        "category": "financial",
        "owner": "manager",
        "inherent_likelihood": 3,
        "inherent_impact": 4,
        "residual_likelihood": 2,
        "residual_impact": 3,
        "mitigation": (
            "FinOps budgets and alerts per subscription, monthly rightsizing review, reserved "
            "instances for steady workloads and out-of-hours shutdown for test environments."
        ),
        "review_months": 3,
        "on_strategic_register": False,
        "business_cases": ["HLBC-2023-02", "HLBC-2024-03"],
    },
    {
        "reference": "ICT-R15",
        "title": "Digital services exclude residents with protected characteristics",
        "description": (
            "New digital services are not accessible to disabled or older residents, or to rural "
            "residents with poor connectivity, breaching the Public Sector Equality Duty."
        ),
        "category": "compliance",
        "owner": "lead",
        "inherent_likelihood": 3,
        "inherent_impact": 4,
        "residual_likelihood": 2,
        "residual_impact": 3,
        "mitigation": (
            "Equality impact assessment for every business case, WCAG 2.2 AA testing before "
            "go-live, and assisted digital routes kept through libraries and customer services."
        ),
        "review_months": 6,
        "on_strategic_register": False,
        "business_cases": [],
    },
]


def _action(reference, title, description, owner, start, target, story,
            business_case=None, risks=(), delegates=()):
    return {
        "reference": reference,
        "principle": int(reference[1]),
        "title": title,
        "description": description,
        "owner": owner,
        "delegates": list(delegates),
        "business_case": business_case,
        "risks": list(risks),
        "start": start,
        "target": target,
        "story": story,
    }


DEMO_ACTIONS = [
    # Principle 1: To provide standard, sustainable, and flexible technology
    _action(
        "P1-01", "Migrate mailboxes and file shares to Microsoft 365",
        "Move all remaining on-premises Exchange mailboxes to Exchange Online and departmental file "
        "shares to SharePoint and OneDrive, then decommission the Exchange and file servers.",
        "manager", date(2023, 4, 3), date(2024, 9, 30), "steady",
        business_case="HLBC-2023-01", risks=["ICT-R05"],
    ),
    _action(
        "P1-02", "Upgrade all devices to Windows 11",
        "Upgrade every corporate laptop and desktop capable of running Windows 11 before Windows 10 "
        "support ends on 14 October 2025, replacing the rest through the device refresh.",
        "manager", date(2024, 1, 8), date(2025, 9, 30), "steady",
        business_case="HLBC-2024-01", risks=["ICT-R09"],
    ),
    _action(
        "P1-03", "Refresh end-user laptops for staff and members",
        "Replace about 3,600 laptops over five years old with standard Windows 11 devices, offering "
        "a standard and a high-performance model, with collection and data-wiping of old devices.",
        "manager", date(2024, 4, 1), date(2026, 3, 31), "slipping",
        business_case="HLBC-2024-01", risks=["ICT-R09", "ICT-R13"],
    ),
    _action(
        "P1-04", "Standard application catalogue and managed device builds",
        "Publish a catalogue of supported applications and deliver them through Intune-managed "
        "builds so a new starter gets a working device on day one wherever they are based.",
        "manager", date(2023, 7, 3), date(2024, 12, 20), "steady",
        business_case="HLBC-2023-01",
    ),
    _action(
        "P1-05", "Move telephony and contact centre to Teams Phone",
        "Replace the end-of-life on-premises telephony and contact centre platform with Microsoft "
        "Teams Phone and a cloud contact centre, porting all DDI numbers and the main switchboard.",
        "manager", date(2023, 6, 1), date(2025, 6, 30), "recovering",
        business_case="HLBC-2023-05", risks=["ICT-R03"],
    ),
    _action(
        "P1-06", "Re-procure the corporate wide area network",
        "Run the procurement for the wide area network and internet contract, moving to SD-WAN over "
        "public sector gigabit fibre where available, ready for the current contract ending.",
        "manager", date(2027, 1, 4), date(2027, 3, 31), "not_started",
        business_case="HLBC-2025-01", risks=["ICT-R13"],
    ),
    # Principle 2: Ensure ICT governance and architectural practices are sustainable for the future
    _action(
        "P2-01", "Set up an ICT Architecture Review Board",
        "Agree terms of reference, membership and a light-touch review process so every new system "
        "or significant change is checked against architecture, security and data standards.",
        "lead", date(2023, 4, 3), date(2023, 9, 29), "steady",
    ),
    _action(
        "P2-02", "Exit the council data centres to Azure",
        "Migrate the remaining server workloads from both council data centres to Azure landing "
        "zones under the Cloud first policy, then decommission and hand back the data centre halls.",
        "manager", date(2023, 6, 1), date(2026, 6, 30), "slipping",
        business_case="HLBC-2023-02", risks=["ICT-R11", "ICT-R14"],
    ),
    _action(
        "P2-03", "Rationalise the application portfolio",
        "Review around 400 line-of-business applications, retire duplicates and unsupported "
        "products, and record an owner, hosting decision and end-of-life date for each one.",
        "manager2", date(2023, 10, 2), date(2025, 3, 31), "steady",
        risks=["ICT-R09"],
    ),
    _action(
        "P2-04", "Measure and report the ICT carbon footprint",
        "Establish a baseline for the carbon impact of the ICT estate using the Azure emissions "
        "dashboard, data centre energy metering and device lifecycle data, reported annually.",
        "manager2", date(2024, 1, 8), date(2024, 12, 20), "completed_early",
        delegates=["manager"],
    ),
    _action(
        "P2-05", "Sustainable device lifecycle and WEEE disposal",
        "Extend device life to five years where sound, refurbish and redeploy returned devices, "
        "and dispose of the rest through a certified WEEE recycler with data-destruction certificates.",
        "manager", date(2024, 4, 1), date(2025, 12, 19), "steady",
        business_case="HLBC-2024-01",
    ),
    _action(
        "P2-06", "Publish architecture principles and integration standards",
        "Agree a set of architecture principles, hosting patterns and API integration standards for "
        "suppliers, published on the intranet and referenced in procurement documents.",
        "manager", date(2023, 9, 1), date(2024, 12, 20), "recovering",
    ),
    # Principle 3: Focus on agile delivery, supporting and communicating with the workforce
    _action(
        "P3-01", "Adopt an agile delivery framework for ICT projects",
        "Introduce product ownership, fortnightly show-and-tells and a single portfolio board so "
        "ICT work is prioritised openly and can change direction as business need changes.",
        "lead", date(2023, 4, 3), date(2024, 3, 28), "steady",
    ),
    _action(
        "P3-02", "Digital skills programme and Microsoft 365 champions",
        "Build a network of digital champions in every directorate, backed by e-learning and drop-in "
        "sessions, so staff get the most from Microsoft 365 and new systems.",
        "manager2", date(2023, 9, 1), date(2025, 9, 30), "recovering",
        business_case="HLBC-2023-01", delegates=["manager"],
    ),
    _action(
        "P3-03", "Regular staff and trade union engagement on ICT change",
        "Hold quarterly ICT user forums and brief the trade unions ahead of changes with wider HR "
        "implications, publishing what changed as a result of the feedback.",
        "manager2", date(2023, 4, 3), date(2027, 3, 31), "steady",
    ),
    _action(
        "P3-04", "ICT workforce plan: apprenticeships and cloud skills",
        "Create apprenticeship posts and certification paths in cloud, security and data, and "
        "reduce reliance on contractors for business-as-usual roles.",
        "manager2", date(2024, 4, 1), date(2025, 12, 19), "slipping",
        risks=["ICT-R10"], delegates=["manager"],
    ),
    _action(
        "P3-05", "Replace the IT service management tool and self-service portal",
        "Move to a cloud service management platform with a self-service portal, knowledge articles "
        "and automated password reset, cutting calls to the service desk.",
        "manager", date(2024, 1, 8), date(2025, 6, 27), "steady",
    ),
    _action(
        "P3-06", "Accessibility testing of staff-facing systems",
        "Test core staff systems against WCAG 2.2 AA and provide assistive technology through a "
        "standard request route, so disabled colleagues are not disadvantaged by ICT change.",
        "manager2", date(2024, 4, 1), date(2025, 3, 31), "completed_early",
        risks=["ICT-R15"],
    ),
    # Principle 4: Ensure the Council's information and data is managed effectively with enterprise solutions
    _action(
        "P4-01", "Build the enterprise data platform",
        "Stand up the cloud data platform, connect the first six source systems and deliver shared "
        "dashboards for social care demand, council tax collection and customer contact.",
        "manager2", date(2023, 10, 2), date(2026, 12, 18), "wobbling",
        business_case="HLBC-2023-04", risks=["ICT-R04", "ICT-R06"], delegates=["manager"],
    ),
    _action(
        "P4-02", "Apply the retention schedule in Microsoft 365",
        "Implement the corporate records retention schedule as Microsoft 365 retention labels, with "
        "auto-labelling for common record types and disposition review by asset owners.",
        "manager2", date(2023, 7, 3), date(2025, 3, 31), "steady",
        business_case="HLBC-2023-01", risks=["ICT-R08"],
    ),
    _action(
        "P4-03", "Purpose-compatibility checks in the DPIA process",
        "Add a UK GDPR Article 5(1)(b) compatibility test to the data protection impact assessment "
        "template, so any new use of personal data is checked and recorded before it starts.",
        "manager2", date(2023, 5, 2), date(2023, 12, 22), "completed_early",
        risks=["ICT-R04"],
    ),
    _action(
        "P4-04", "Single view of resident and property using UPRN",
        "Match resident and property records across revenues, housing, highways and social care "
        "against the local gazetteer, giving each record a UPRN for reliable data linking.",
        "manager2", date(2024, 4, 1), date(2026, 6, 30), "recovering",
        business_case="HLBC-2023-04", risks=["ICT-R06"],
    ),
    _action(
        "P4-05", "Replace the legacy EDRMS",
        "Procure a replacement electronic document and records management system. Cancelled when "
        "the business case was rejected in favour of migrating records into Microsoft 365.",
        "manager2", date(2024, 6, 3), date(2025, 12, 19), "cancelled",
        business_case="HLBC-2024-04", risks=["ICT-R08"],
    ),
    _action(
        "P4-06", "Refresh the information asset register",
        "Review every information asset with its owner, recording lawful basis, retention, "
        "location and sharing, and link each asset to the systems in the application portfolio.",
        "manager2", date(2025, 4, 1), date(2026, 3, 31), "steady",
        risks=["ICT-R04"],
    ),
    # Principle 5: Facilitate sharing of information and partnership working
    _action(
        "P5-01", "Connect adult social care to the shared care record",
        "Integrate the adult social care case management system with the Cheshire and Merseyside "
        "shared care record, starting with care package and key contact information.",
        "manager2", date(2024, 6, 3), date(2026, 12, 18), "wobbling",
        business_case="HLBC-2024-02", risks=["ICT-R12", "ICT-R04"],
    ),
    _action(
        "P5-02", "Standard information sharing agreements with health partners",
        "Agree a standard information sharing agreement template with Cheshire East Place partners "
        "and hold a single register of agreements with review dates.",
        "manager2", date(2023, 6, 1), date(2024, 6, 28), "steady",
        risks=["ICT-R04"],
    ),
    _action(
        "P5-03", "Support gigabit connectivity with Connected Cheshire",
        "Work with Connected Cheshire and the regional connectivity team to target gigabit "
        "broadband at rural areas and connect council buildings to public sector fibre.",
        "lead", date(2023, 4, 3), date(2027, 3, 31), "steady",
        risks=["ICT-R15"],
    ),
    _action(
        "P5-04", "Review shared ICT services with Cheshire West and Chester",
        "Review the shared ICT service arrangements with Cheshire West and Chester Council, agree "
        "which services stay shared and update the partnership agreement.",
        "lead", date(2023, 10, 2), date(2025, 3, 31), "slipping",
        risks=["ICT-R10"],
    ),
    _action(
        "P5-05", "Adopt NW ADASS regional data standards",
        "Align adult social care data returns and integration interfaces with the North West ADASS "
        "regional data standards so benchmarking and shared reporting are like for like.",
        "manager2", date(2024, 1, 8), date(2025, 9, 30), "steady",
        risks=["ICT-R12"],
    ),
    _action(
        "P5-06", "Schools and children's services ICT requirements",
        "Work with the Children's Services Transformation Board and schools to capture ICT needs, "
        "including secure email and data exchange for safeguarding partners.",
        "manager", date(2023, 9, 1), date(2024, 8, 30), "steady",
    ),
    # Principle 6: Maximise the value of technology enabling financial stability
    _action(
        "P6-01", "ICT cost transparency with Apptio",
        "Map all ICT spend to services and cost towers in Apptio, giving directorates a clear view "
        "of what their technology costs and where savings can come from.",
        "manager", date(2024, 4, 1), date(2025, 9, 30), "steady",
        business_case="HLBC-2024-03", risks=["ICT-R13"], delegates=["manager2"],
    ),
    _action(
        "P6-02", "Azure FinOps and cost optimisation",
        "Set budgets and alerts for every Azure subscription, buy reservations for steady workloads, "
        "rightsize monthly and switch off test environments out of hours.",
        "manager", date(2025, 1, 6), date(2026, 3, 31), "steady",
        business_case="HLBC-2024-03", risks=["ICT-R14"],
    ),
    _action(
        "P6-03", "Contract and licence consolidation",
        "Build a single ICT contract and renewal register with service-based contract managers, "
        "consolidating overlapping licences and aligning renewal dates.",
        "manager", date(2023, 7, 3), date(2024, 12, 20), "recovering",
        risks=["ICT-R13"],
    ),
    _action(
        "P6-04", "Annual refresh of High Level Business Cases",
        "Refresh every ICT High Level Business Case each autumn so changes in costs and financial "
        "benefits feed into the MTFS budget round.",
        "lead", date(2023, 9, 1), date(2027, 2, 26), "steady",
        risks=["ICT-R13"],
    ),
    _action(
        "P6-05", "Track benefits realisation for ICT investments",
        "Record the cashable and non-cashable benefits promised in each business case and report "
        "what has actually been realised to the ICT investment board each quarter.",
        "manager2", date(2024, 10, 1), date(2026, 3, 31), "slipping",
        business_case="HLBC-2024-03",
    ),
    _action(
        "P6-06", "Renew the Microsoft Enterprise Agreement",
        "Review the licence mix across staff, then negotiate and award the next Microsoft Enterprise "
        "Agreement through a public sector framework before the current one expires.",
        "manager", date(2027, 1, 4), date(2027, 3, 31), "not_started",
        risks=["ICT-R13"],
    ),
    # Principle 7: Provide Cyber Security and Threat Management
    _action(
        "P7-01", "Achieve Cyber Essentials Plus certification",
        "Close the gaps found in the readiness assessment, including unsupported software and admin "
        "rights, and pass the Cyber Essentials Plus audit.",
        "manager", date(2023, 6, 1), date(2024, 11, 29), "recovering",
        business_case="HLBC-2023-03", risks=["ICT-R01", "ICT-R09"],
    ),
    _action(
        "P7-02", "Maintain PSN compliance",
        "Commission the annual IT health check, remediate findings and submit the PSN code of "
        "connection each year of the strategy.",
        "manager", date(2023, 4, 3), date(2027, 3, 31), "wobbling",
        business_case="HLBC-2023-03", risks=["ICT-R07"],
    ),
    _action(
        "P7-03", "Managed 24/7 security operations service",
        "Procure and onboard a managed detection and response service covering endpoints, Microsoft "
        "365 and Azure, with agreed escalation to the on-call ICT manager.",
        "manager", date(2023, 10, 2), date(2024, 9, 30), "steady",
        business_case="HLBC-2023-03", risks=["ICT-R01", "ICT-R03"],
    ),
    _action(
        "P7-04", "Multi-factor authentication for all staff and members",
        "Enforce multi-factor authentication and conditional access for every staff and member "
        "account, including suppliers with remote access.",
        "manager", date(2023, 4, 3), date(2023, 12, 22), "completed_early",
        business_case="HLBC-2023-03", risks=["ICT-R02", "ICT-R03"],
    ),
    _action(
        "P7-05", "Test the cyber incident response plan",
        "Refresh the cyber incident response plan and run a tabletop exercise with the Corporate "
        "Leadership Team and a full restore test from immutable backup.",
        "manager2", date(2025, 4, 1), date(2026, 7, 31), "slipping",
        risks=["ICT-R01"], delegates=["manager"],
    ),
    _action(
        "P7-06", "Security awareness training and phishing simulations",
        "Run mandatory annual cyber awareness training for staff and members and monthly phishing "
        "simulations, with follow-up training for those who click.",
        "manager2", date(2024, 4, 1), date(2026, 3, 31), "steady",
        business_case="HLBC-2023-03", risks=["ICT-R02"],
    ),
]

# Quarter-update wording, picked deterministically by RAG: (commentary, next steps).
COMMENTARY = {
    "green": [
        (
            "Work is progressing to plan and all milestones due this quarter were met.",
            "Continue delivery against the agreed plan and confirm next quarter's milestones with the sponsor.",
        ),
        (
            "The pilot group has gone live and early feedback from users is positive.",
            "Roll out to the next wave of teams and publish updated user guidance.",
        ),
        (
            "Supplier deliverables arrived on time and have passed acceptance testing.",
            "Schedule the change through the Change Advisory Board and brief the service desk.",
        ),
        (
            "Spend is within the approved budget and benefits are tracking as forecast.",
            "Record realised benefits in the business case tracker at quarter end.",
        ),
        (
            "Stakeholder engagement is going well and the directorate leads have signed off the design.",
            "Move into build and hold a show-and-tell for stakeholders in four weeks.",
        ),
        (
            "Remaining tasks are small and the team is confident of finishing by the target date.",
            "Complete close-down activities and prepare the lessons learned report.",
        ),
    ],
    "amber": [
        (
            "Progress has slowed because two key staff were diverted to urgent operational work.",
            "Agree revised priorities with the Head of ICT Services and backfill through the framework contract.",
        ),
        (
            "The supplier has flagged a delay to its next release, putting the next milestone at risk.",
            "Escalate through contract management and agree a recovery plan with dated commitments.",
        ),
        (
            "Testing found more defects than expected and user acceptance has been extended by four weeks.",
            "Prioritise defect fixes and re-run user acceptance testing with the business leads.",
        ),
        (
            "Costs are forecast to exceed the approved budget by around 8% because of supplier price rises.",
            "Present options to the ICT investment board, including reduced scope or phasing.",
        ),
        (
            "Uptake by staff is lower than planned and some teams have asked to delay their move.",
            "Arrange targeted sessions with the digital champions and agree new dates with each team.",
        ),
        (
            "A dependency on a partner organisation has not been met and the plan is being re-baselined.",
            "Agree a joint plan with the partner's project lead and report the new baseline next quarter.",
        ),
    ],
    "red": [
        (
            "The target date has passed and the action is not complete; the main blocker remains unresolved.",
            "Escalate to the Strategy lead and present a recovery plan to the next governance meeting.",
        ),
        (
            "The supplier has missed two consecutive milestones and a formal remedy notice has been issued.",
            "Hold a contract review meeting and assess alternative delivery options.",
        ),
        (
            "Resources to complete the work are not available this financial year.",
            "Seek a decision on reprioritisation or additional funding through the MTFS process.",
        ),
        (
            "A critical issue found in testing means go-live cannot proceed as planned.",
            "Agree a fix with the supplier and set a new go-live date once it has been verified.",
        ),
        (
            "Scope has grown significantly and the original plan is no longer achievable.",
            "Re-scope the action with the sponsor and bring a change request to the ICT investment board.",
        ),
        (
            "Legacy dependencies have been found that must be resolved before the work can finish.",
            "Complete the dependency analysis and agree a phased plan with the service owners.",
        ),
    ],
}

CANCELLED_COMMENTARY = (
    "This action has been cancelled following a decision by the ICT investment board; the outcome "
    "will be delivered through an alternative approach already in the action plan.",
    "Close down remaining activity, release any committed budget and record lessons learned.",
)


def _measure(reference, principle, name, unit, direction, places, tolerance, kind, owner, source, target, actuals, description):
    return {
        "reference": reference, "principle": principle, "name": name, "unit": unit, "direction": direction,
        "decimal_places": places, "tolerance": tolerance, "tolerance_kind": kind, "owner": owner, "source": source,
        "target": target, "actuals": actuals, "description": description,
    }


# Two KPIs per principle, each with its last six quarters' actuals (oldest first) against one
# target, telling a mix of stories: improving, slipping, steady, erratic.
DEMO_MEASURES = [
    _measure("KPI-P1-AVAIL", 1, "Core system availability", "percentage", "higher", 2, "0.3", "absolute", "manager",
             "Monitoring platform monthly availability report", "99.5", ["99.71", "99.62", "99.38", "99.12", "99.55", "99.64"],
             "Share of scheduled hours the core line-of-business systems were available."),
    _measure("KPI-P1-POWER", 1, "Data centre power use", "count", "lower", 0, "5", "percent", "manager",
             "Facilities metered kWh per quarter", "180000", [212000, 205000, 196000, 188000, 183000, 176000],
             "Metered electricity used by the data centre in the quarter, in kWh."),
    _measure("KPI-P2-PATCH", 2, "Critical patches applied within 14 days", "percentage", "higher", 1, "5", "absolute", "manager2",
             "Patch management console compliance report", "95", ["88.0", "91.5", "93.2", "96.4", "97.1", "89.6"],
             "Share of critical security patches applied within 14 days of release."),
    _measure("KPI-P2-ARCH", 2, "Changes passing architecture review first time", "percentage", "higher", 0, "10", "absolute", "lead",
             "Architecture review board minutes", "80", [64, 70, 75, 78, 82, 85],
             "Share of changes to the architecture that the review board approved at their first review."),
    _measure("KPI-P3-FTF", 3, "Service desk first-time fix rate", "percentage", "higher", 1, "3", "absolute", "manager",
             "Service desk tool monthly statistics", "75", ["68.4", "70.2", "72.9", "74.1", "76.3", "77.0"],
             "Share of service desk contacts resolved at the first contact."),
    _measure("KPI-P3-SAT", 3, "Staff satisfaction with ICT", "score", "higher", 1, "0.3", "absolute", "manager2",
             "Quarterly staff pulse survey (1 to 5)", "4.0", ["3.6", "3.7", "3.9", "3.8", "4.1", "4.0"],
             "Average answer to 'How satisfied are you with ICT services?' on a scale of 1 to 5."),
    _measure("KPI-P4-ONLINE", 4, "Services available online", "percentage", "higher", 0, "5", "absolute", "manager2",
             "Digital services catalogue", "70", [52, 56, 61, 63, 66, 69],
             "Share of the council's transactional services a resident can complete online."),
    _measure("KPI-P4-DATA", 4, "Data sharing agreements reviewed on time", "percentage", "higher", 0, "10", "absolute", "lead",
             "Information governance register", "100", [85, 90, 100, 95, 80, 100],
             "Share of data sharing agreements with partners reviewed by their review date."),
    _measure("KPI-P5-SAVE", 5, "Cashable savings delivered against the MTFS", "pounds", "higher", 0, "10", "percent", "lead",
             "Finance MTFS savings tracker", "250000", [180000, 240000, 262000, 205000, 231000, 255000],
             "Cashable savings from ICT in the quarter, against the Medium-Term Financial Strategy target."),
    _measure("KPI-P5-LIC", 5, "Unused software licences", "count", "lower", 0, "20", "absolute", "manager",
             "Software asset management tool", "150", [420, 360, 290, 230, 190, 165],
             "Licences paid for but not used in the quarter."),
    _measure("KPI-P6-TRAIN", 6, "Cyber security training completed", "percentage", "higher", 1, "5", "absolute", "manager2",
             "Learning management system", "95", ["78.5", "84.0", "88.7", "91.2", "93.6", "95.8"],
             "Share of staff who completed the annual cyber security training."),
    _measure("KPI-P6-RESP", 6, "Time to contain a security incident", "hours", "lower", 1, "25", "percent", "manager",
             "Security operations centre incident log", "4", ["6.5", "5.2", "4.8", "3.9", "4.4", "3.6"],
             "Average hours from detecting a security incident to containing it."),
    _measure("KPI-P7-CLOUD", 7, "Workloads moved to the cloud", "count", "higher", 0, "2", "absolute", "manager",
             "Cloud migration tracker", "12", [3, 5, 8, 9, 11, 12],
             "Server workloads migrated from the data centre to the cloud, to date."),
    _measure("KPI-P7-DAYS", 7, "Days to provision a new starter's equipment", "days", "on_target", 0, "1", "absolute", "manager2",
             "Service desk joiner requests", "3", [6, 5, 4, 3, 2, 3],
             "Working days from a joiner request to the equipment being ready: sooner wastes stock, later delays the start."),
]
