"""Forms for working a scheme application: each stage, the search of the register, linking a
person and the letter sent."""

from __future__ import annotations

from django import forms

from mappa.disclosures.forms.answers import yes_as_true
from mappa.kit.forms import YES_NO, GovukForm, date_field, long_text, radios, text_field

CONTACT_METHODS = [
    ("telephone", "By telephone"),
    ("in_person", "In person"),
    ("email", "By email"),
    ("letter", "By letter"),
]


class InitialContactForm(GovukForm):
    contacted_on = date_field("Date of contact", required=True)
    how = radios("How was contact made?", CONTACT_METHODS)
    scheme_explained = forms.BooleanField(
        label="The scheme, its confidentiality and who may be told were explained",
        required=False,
    )
    notes = long_text("Notes", required=False)


class ImmediateRiskForm(GovukForm):
    checks = long_text("What was checked", help_text="For example, PNC and ViSOR priority checks")
    immediate_risk = radios("Is anyone at immediate risk of harm?", YES_NO)
    action_taken = long_text(
        "Safeguarding action taken",
        required=False,
        help_text="If anyone is at immediate risk: the application then leaves the scheme",
    )

    def clean(self):
        return yes_as_true(super().clean(), "immediate_risk")


class FaceToFaceForm(GovukForm):
    met_on = date_field("Date of the meeting", required=True)
    identity_checked = forms.BooleanField(
        label="The applicant's identity was checked", required=False
    )
    identity_documents = long_text("Documents seen", help_text="For example, passport and a bill")
    notes = long_text("Notes", required=False)


class ResearchForm(GovukForm):
    checks_made = long_text(
        "What was checked", help_text="For example, PNC, ViSOR, children's social care"
    )
    findings = long_text("What the checks found")


STAGE_FORMS = {
    "initial_contact": InitialContactForm,
    "immediate_risk": ImmediateRiskForm,
    "face_to_face": FaceToFaceForm,
    "research": ResearchForm,
}


class SearchForm(GovukForm):
    name = text_field("Name", required=True)
    date_of_birth = date_field("Date of birth")


class LinkForm(GovukForm):
    nominal = forms.UUIDField(widget=forms.HiddenInput)
    reason = text_field(
        "Why is this the person?",
        required=True,
        max_length=1000,
        help_text="For example, same name, date of birth and address",
    )


class LetterForm(GovukForm):
    sent_on = date_field("Date the letter was given or sent", required=True)
    sent_how = radios(
        "How", [("post", "By post"), ("in_person", "In person"), ("email", "By secure email")]
    )
