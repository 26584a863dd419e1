"""The MAPPA A, section by section (MAPPA Guidance ch.14; shared/reference/domain.md §3.2).

Each section is a form; what the referrer saves is kept as that form's cleaned data.
"""

from __future__ import annotations

from django import forms

from mappa.cases.constants import Category, LeadAgency
from mappa.kit.forms import YES_NO, GovukForm, date_field, long_text, radios, text_field
from mappa.people.constants import IDENTIFIER_LABELS
from mappa.people.forms import date_of_birth_field
from mappa.referrals.constants import Imminence, Outcome
from mappa.referrals.rules import LOWEST_LEVEL_QUESTION

ADD_TO_REGISTER = "add"
TO_BE_DETERMINED = "tbd"


class CategoryForm(GovukForm):
    level = radios("Level you are referring to", [("2", "Level 2"), ("3", "Level 3")])
    category = radios(
        "Category of offender",
        [(str(value), label) for value, label in Category.choices]
        + [(TO_BE_DETERMINED, "To be determined")],
        help_text="Choose one category only",
    )


class OffenderForm(GovukForm):
    forenames = text_field("Forenames")
    surname = text_field("Surname", required=True)
    date_of_birth = date_of_birth_field()
    aliases_and_nicknames = long_text(
        "Aliases and nicknames",
        required=False,
        help_text="Include street or gang names where they are relevant",
    )
    ethnicity = text_field("Ethnicity", help_text="Write the ethnicity as text, not a code")
    current_address = long_text("Current address", required=False)
    no_fixed_abode = forms.BooleanField(label="No fixed abode before custody", required=False)
    area_of_closest_links = text_field(
        "Area of closest links", help_text="If of no fixed abode, where their closest links are"
    )
    approved_release_address = long_text(
        "Approved release address",
        required=False,
        help_text="Only an address that has been approved; leave blank if none is approved yet",
    )
    pnc = text_field(IDENTIFIER_LABELS["pnc"], max_length=40)
    crn = text_field(IDENTIFIER_LABELS["crn"], max_length=40)
    noms = text_field(IDENTIFIER_LABELS["noms"], max_length=40)
    visor = text_field(IDENTIFIER_LABELS["visor"], max_length=40)
    other_references = text_field("Other agency references")


class ConvictionForm(GovukForm):
    index_offences = long_text(
        "Index offence or offences", help_text="For category 3, the offence or caution"
    )
    sentence = text_field("Sentence or disposal", required=True)
    details = long_text(
        "Brief details of the offence",
        help_text="Short points in your own words; do not copy from the pre-sentence report",
    )
    previous_related_offences = long_text("Previous related offences", required=False)


class DatesForm(GovukForm):
    in_custody = radios("Is the person in custody now?", YES_NO)
    release_date = date_field("Expected release date")
    licence_end_date = date_field("Licence end date")
    sentence_expiry_date = date_field("Sentence expiry date")
    other_dates = long_text(
        "Other relevant dates",
        required=False,
        help_text="For example, mental health tribunal or review dates",
    )


class HospitalForm(GovukForm):
    detained = radios(
        "Is the person detained in hospital?",
        YES_NO,
        help_text="Mental health services complete this section",
    )
    details = long_text(
        "Details of detention",
        required=False,
        help_text="The Mental Health Act section, the hospital, and any restriction order",
    )

    def clean(self):
        data = super().clean()
        if data.get("detained") == "yes" and not data.get("details", "").strip():
            self.add_error("details", "Enter the details of detention")
        return data


class ReasonForm(GovukForm):
    reason = long_text(
        "Reason for referral",
        help_text="Behaviour and attitudes, patterns of offending, and what other agencies know",
    )


class RiskForm(GovukForm):
    who_is_at_risk = long_text("Who is at risk")
    nature_of_harm = long_text("Nature of the harm")
    imminence = radios("How imminent is the harm?", Imminence.choices)
    increasing_factors = long_text("Factors likely to increase the risk", required=False)
    reducing_factors = long_text("Factors likely to reduce the risk", required=False)


class VictimsForm(GovukForm):
    victim_issues = long_text(
        "Victim issues", help_text="Current and potential victims, and victim liaison input"
    )


class DiversityForm(GovukForm):
    diversity_and_needs = long_text(
        "Diversity and needs",
        help_text="Anything that affects how the person is managed or takes part",
    )


class PlanForm(GovukForm):
    current_plan = long_text("Current risk management plan")


class InputForm(GovukForm):
    input_needed = long_text("What multi-agency input is needed")
    why_not_level_2 = long_text(
        "What level 2 cannot deliver",
        required=False,
        help_text="For a level 3 referral: the parts of the plan level 2 cannot deliver",
    )


class ScreeningForm(GovukForm):
    outcome = radios("Decision", Outcome.choices)
    rationale = long_text(
        "Rationale",
        required=False,
        help_text=LOWEST_LEVEL_QUESTION,
    )
    missing_information = long_text(
        "What information is missing",
        required=False,
        help_text="Only when returning the referral: the referrer sees this",
    )
    lead_agency = radios(
        "Lead agency",
        LeadAgency.choices,
        required=False,
        help_text="Only when the person has no open MAPPA case yet",
    )
    person = forms.ChoiceField(
        label="Who is this on the register?",
        required=False,
        widget=forms.RadioSelect,
        help_text="Needed to decide a level: people you may see who match the referral's "
        "identifiers, or its name and date of birth",
    )

    def __init__(self, *args, people=(), linked=False, **kwargs):
        super().__init__(*args, **kwargs)
        if linked:
            del self.fields["person"]
            return
        self.fields["person"].choices = [(str(n.id), _described(n)) for n in people] + [
            (ADD_TO_REGISTER, "Not on the register: add them from the referral")
        ]

    def clean(self):
        data = super().clean()
        data.setdefault("person", "")
        return data


def _described(nominal) -> str:
    born = nominal.date_of_birth.strftime("%-d %B %Y") if nominal.date_of_birth else "not known"
    ids = ", ".join(
        f"{kind.upper()} {getattr(nominal, kind)}"
        for kind in ("crn", "pnc")
        if getattr(nominal, kind)
    )
    return f"{nominal.full_name}, born {born}" + (f", {ids}" if ids else "")
