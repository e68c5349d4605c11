"""The council's committee-report form (see CP/35/22-23), defined once.

The model declares its text fields in this order, and the drafting form, the report page
and PDF, the packs, the API and the seed all take their fields, titles and numbering from here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    field: str
    title: str  # as the council's form prints it
    required_for_approval: bool = False

    @property
    def form_label(self) -> str:
        # GOV.UK form labels are in sentence case: "Contact officer".
        return self.title.capitalize()


# On the cover, above the numbered sections.
COVER_FIELDS = ("title", "report_of", "wards_affected")

# Sections 1 to 7, numbered in this order.
NUMBERED_SECTIONS = (
    Section("purpose", "Purpose of Report", required_for_approval=True),
    Section("executive_summary", "Executive Summary", required_for_approval=True),
    Section("recommendations", "Recommendations", required_for_approval=True),
    Section("reasons", "Reasons for Recommendations", required_for_approval=True),
    Section("other_options", "Other Options Considered"),
    Section("background", "Background"),
    Section("consultation", "Consultation and Engagement"),
)
# Section 8, Implications, follows them: one subsection per ImplicationArea, stored apart.
IMPLICATIONS_NUMBER = len(NUMBERED_SECTIONS) + 1

# Access to Information closes the report: one item per line.
ACCESS_TO_INFORMATION = (
    Section("contact_officer", "Contact Officer", required_for_approval=True),
    Section("appendices", "Appendices"),
    Section("background_papers", "Background Papers"),
)

# Every section whose text is stored on the report itself, in the form's order.
TEXT_SECTIONS = (*NUMBERED_SECTIONS, *ACCESS_TO_INFORMATION)
# Every text an author writes on the report: the cover's, then the sections'.
AUTHORED_FIELDS = (*COVER_FIELDS, *(section.field for section in TEXT_SECTIONS))
REQUIRED_FOR_APPROVAL = tuple(section for section in TEXT_SECTIONS if section.required_for_approval)
