from __future__ import annotations

from django import forms

from mappa.kit.forms import GovukForm, long_text
from mappa.safeguarding.constants import Concern, Decision, Involvement, NamedPosition
from mappa.versions import VersionField


class DesignateForm(GovukForm):
    user = forms.ModelChoiceField(
        label="Person",
        queryset=None,
        empty_label="Choose a person",
        error_messages={"required": "Choose the person to name"},
    )
    position = forms.ChoiceField(
        label="Their position",
        choices=NamedPosition.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose their position"},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
        self.fields["user"].label_from_instance = lambda user: (
            f"{user.display_name}, {user.agency.name if user.agency else 'no agency'}"
        )


class UploadForm(GovukForm):
    extract = forms.FileField(
        label="Social-care extract (CSV)",
        help_text="Columns: record_id, forenames, surname, date_of_birth, address_line_1, "
        "postcode; optionally address_line_2, town, case_status, allocated_worker",
        error_messages={"required": "Choose the extract file to upload"},
    )


class DecideForm(GovukForm):
    decision = forms.ChoiceField(
        label="Is this a match?",
        choices=[
            (Decision.CONFIRMED, "Yes, confirm the match"),
            (Decision.REJECTED, "No, reject it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether this is a match"},
    )
    involvement = forms.ChoiceField(
        label="Social-care status",
        choices=Involvement.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Filled in from the extract's case status; change it if it is wrong",
    )
    version = VersionField()

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.CONFIRMED and not data.get("involvement"):
            self.add_error("involvement", "Choose the social-care status")
        return data


class InviteForm(GovukForm):
    worker_name = forms.CharField(
        label="Allocated social worker",
        max_length=200,
        error_messages={"required": "Enter the allocated social worker's name"},
    )
    manager_name = forms.CharField(label="Their manager", max_length=200, required=False)
    person = forms.ModelChoiceField(
        label="Their account, if they have one",
        queryset=None,
        required=False,
        empty_label="No account: invite children's social care",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda user: user.display_name


class SummaryForm(GovukForm):
    text = long_text("Relevant social-care information")


class FeedbackForm(GovukForm):
    subject_to_mappa = forms.TypedChoiceField(
        label="Was the person made subject to MAPPA level 2 or 3 management?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the person is subject to MAPPA"},
    )
    level = forms.TypedChoiceField(
        label="Level",
        choices=[("2", "Level 2"), ("3", "Level 3")],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    concerns = forms.MultipleChoiceField(
        label="Nature of the concern",
        choices=[(value, label.capitalize()) for value, label in Concern.choices],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    decisions = long_text("The meeting's decisions")
    actions_for_social_care = long_text("Actions for children's social care", required=False)


class OutcomeForm(GovukForm):
    text = long_text("What was done")


class ReferralForm(GovukForm):
    reason = long_text("What the assessment is for")


class ReferralOutcomeForm(GovukForm):
    outcome = long_text("Outcome of the assessment")
    version = VersionField()
