"""Forms for the disclosure team: each stage of an application, linking a person, the
decision (standalone or on an application), the disclosure made and the letter sent."""

from __future__ import annotations

from django import forms

from mappa.disclosures.constants import Decision, Method, Relationship
from mappa.kit.forms import YES_NO, GovukForm, date_field, long_text, radios, text_field

TEST_FIELDS = ("reasonable", "necessary", "lawful", "proportionate")
CONTACT_METHODS = [
    ("telephone", "By telephone"),
    ("in_person", "In person"),
    ("email", "By email"),
    ("letter", "By letter"),
]


def _yes(data: dict, *names: str) -> dict:
    for name in names:
        if name in data:
            data[name] = data[name] == "yes"
    return data


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
        return _yes(super().clean(), "immediate_risk")


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


class DecisionForm(GovukForm):
    decision = radios("Is information to be disclosed?", Decision.choices)
    rationale = long_text("Reasons for the decision")
    recipient = text_field("To whom", max_length=300, help_text="Their name and role")
    relationship = forms.ChoiceField(
        label="Their relationship to the risk",
        choices=[("", "Choose a relationship")] + list(Relationship.choices),
        required=False,
    )
    what_to_disclose = long_text("What is to be disclosed", required=False)
    risk_protected_against = long_text("The risk the disclosure protects against", required=False)
    reasonable = long_text("Why it is reasonable", required=False)
    necessary = long_text("Why it is necessary", required=False)
    lawful = long_text("Why it is lawful", required=False, help_text="The legal basis")
    proportionate = long_text("Why it is proportionate", required=False)
    discloser = text_field("Who will disclose", max_length=300)
    method = forms.ChoiceField(
        label="How", choices=[("", "Choose how")] + list(Method.choices), required=False
    )
    disclose_by = date_field("Disclose by")

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["tests"] = {name: data.pop(name) for name in TEST_FIELDS}
        return data


class ApplicationDecisionForm(DecisionForm):
    nominal = forms.ChoiceField(
        label="The person on the register it is about", choices=(), required=False
    )
    recipient_is_applicant = radios("Is the recipient the applicant?", YES_NO, required=False)
    why_best_placed = long_text("Why the recipient is best placed to protect", required=False)
    field_order = ["decision", "rationale", "nominal", "recipient", "recipient_is_applicant"]

    def __init__(self, *args, links, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominal"].choices = [("", "No one on the register")] + [
            (str(link.nominal.id), link.nominal.full_name) for link in links
        ]
        self.links = {str(link.nominal.id): link.nominal for link in links}

    def service_arguments(self) -> dict:
        data = super().service_arguments()
        data["nominal"] = self.links.get(data.pop("nominal") or "")
        answer = data.pop("recipient_is_applicant")
        data["recipient_is_applicant"] = {"yes": True, "no": False}.get(answer)
        return data


class MadeForm(GovukForm):
    made_on = date_field("Date the disclosure was made", required=True)
    made_by = text_field("Who made it", required=True, max_length=300)
    method = radios("How it was made", Method.choices)
    recipient = text_field("Who it was made to", required=True, max_length=300)
    what_was_said = long_text("What was said")
    undertaking_signed = radios(
        "Did the recipient sign the undertaking to keep it confidential?", YES_NO
    )
    undertaking_reference = text_field(
        "Where the signed undertaking is kept",
        max_length=300,
        help_text="For example, scanned to the ViSOR record",
    )
    no_undertaking_reason = long_text("If not signed, why not", required=False)
    offender_told = radios("Was the person told the disclosure was made?", YES_NO)
    offender_told_on = date_field("Date they were told")
    offender_not_told_reason = long_text(
        "If not, why not",
        required=False,
        help_text="For example, telling them would increase the risk",
    )

    def clean(self):
        return _yes(super().clean(), "undertaking_signed", "offender_told")


class LetterForm(GovukForm):
    sent_on = date_field("Date the letter was given or sent", required=True)
    sent_how = radios(
        "How", [("post", "By post"), ("in_person", "In person"), ("email", "By secure email")]
    )


def posted(request):
    """The submitted data on a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None
