"""Forms for a disclosure decision (standalone or on an application), with its tests, and the
record of the disclosure made."""

from __future__ import annotations

from django import forms

from mappa.disclosures.constants import Decision, Method, Relationship
from mappa.disclosures.forms.answers import yes_as_true
from mappa.kit.forms import YES_NO, GovukForm, date_field, long_text, radios, text_field

TEST_FIELDS = ("reasonable", "necessary", "lawful", "proportionate")


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
        return yes_as_true(super().clean(), "undertaking_signed", "offender_told")
