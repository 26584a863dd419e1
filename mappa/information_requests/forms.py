from __future__ import annotations

from django import forms
from django.utils import timezone

from mappa.information_requests import rules
from mappa.information_requests.constants import Basis
from mappa.kit.forms import GovukForm, date_field, long_text, radios
from mappa.versions import VersionField


class RaiseForm(GovukForm):
    agency = forms.ModelChoiceField(
        label="Agency asked",
        queryset=None,
        empty_label="Choose an agency",
        error_messages={
            "required": "Select the agency asked",
            "invalid_choice": "Select an agency of the case's area",
        },
    )
    addressed_to = forms.ModelChoiceField(
        label="Named person at the agency",
        queryset=None,
        required=False,
        empty_label="No one named: anyone at the agency may answer",
        help_text="Must work for the agency asked",
        error_messages={"invalid_choice": "Select someone who works for the agency asked"},
    )
    basis = radios(
        "Basis for sharing",
        Basis.choices,
        help_text="The lawful basis on which the agency may share what is asked",
    )
    purpose = long_text(
        "Why the information is needed",
        help_text="The purpose: what it will help the MAPPA agencies assess or manage",
    )
    question = long_text(
        "What the agency is asked",
        help_text="For example, police call-outs to the address in the last 12 months",
    )
    due_on = date_field("Answer needed by", required=True)

    def __init__(self, *args, agencies, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["addressed_to"].queryset = people
        self.fields["addressed_to"].label_from_instance = lambda user: (
            f"{user.display_name}, {user.agency.name}"
        )

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        problem = rules.due_date_problem(due_on=due_on, today=timezone.localdate())
        if problem:
            raise forms.ValidationError(problem)
        return due_on


class AnswerForm(GovukForm):
    version = VersionField()
    answer = long_text("Your agency's answer", rows=8)


class DeclineForm(GovukForm):
    version = VersionField()
    decline_reason = long_text(
        "Why your agency declines",
        help_text="For example, the information is not held, or cannot lawfully be shared",
    )


class WithdrawForm(GovukForm):
    version = VersionField()
    withdrawal_reason = long_text(
        "Why the request is withdrawn",
        help_text="For example, the information has come from elsewhere, or the case has closed. "
        "The agency asked is told that it need not answer",
    )
