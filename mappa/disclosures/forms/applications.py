"""An application recorded by staff: the public form's questions (without the area: the
officer's own) and which scheme and route it is under."""

from __future__ import annotations

from mappa.kit.forms import long_text, radios
from mappa.public.forms import ApplicationForm

KINDS = {
    "csods": ("csods", "right_to_ask"),
    "dvds_ask": ("dvds", "right_to_ask"),
    "dvds_know": ("dvds", "right_to_know"),
}


class StaffApplicationForm(ApplicationForm):
    kind = radios(
        "Scheme",
        [
            ("csods", "Child Sex Offender Disclosure Scheme"),
            ("dvds_ask", "Domestic Violence Disclosure Scheme: right to ask"),
            ("dvds_know", "Domestic Violence Disclosure Scheme: right to know (police-initiated)"),
        ],
    )
    applicant_relationship = long_text(
        "Applicant's relationship to the person at risk", required=False
    )
    at_risk = long_text("Who is at risk", help_text="The child or children, or the person at risk")
    subject_contact = long_text("The subject's contact or relationship with them")

    field_order = ["kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["area"]
        self.fields[
            "applicant_name"
        ].label = "Applicant's name (or, for right to know, the person police propose to tell)"

    def scheme_and_route(self) -> tuple[str, str]:
        return KINDS[self.cleaned_data["kind"]]

    def application_details(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("kind")
        return data
