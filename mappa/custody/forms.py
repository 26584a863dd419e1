from __future__ import annotations

from django import forms

from mappa.cases.constants import Category, Level
from mappa.custody.constants import ReturnReason
from mappa.kit.forms import GovukForm, date_field, long_text, radios, text_field, yes_no
from mappa.versions import VersionField


def _int_radios(label: str, choices, required: bool = True) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        required=required,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": f"Select the {label.lower()}"},
    )


class CustodyRecordForm(GovukForm):
    version = VersionField(required=False)
    establishment = text_field("Prison (establishment)")
    expected_release_on = date_field(
        "Expected release date",
        hint="Leave empty to use the release date on the person record. For example, 27/3/2027",
    )
    parole_hearing_on = date_field("Parole hearing date", hint="For example, 27/3/2027")


class ScreeningForm(GovukForm):
    """The pre-release screening (the "MAPPA Q" screening)."""

    version = VersionField(required=False)
    category = _int_radios("Category confirmed", Category.choices)
    proposed_level = _int_radios("Proposed level", Level.choices)
    rationale = long_text("Rationale for the proposed level")
    information_to_share = long_text(
        "Information to share",
        required=False,
        help_text="What the prison holds that the meeting or the community needs: behaviour in "
        "custody, security intelligence, programmes, contacts",
    )
    report_requested = yes_no(
        "Is the prison's report to the meeting requested?",
        "Select whether the prison's report is requested",
    )
    report_due_on = date_field(
        "Report due by", hint="Needed when a report is requested. For example, 27/3/2027"
    )
    offender_manager = forms.ModelChoiceField(
        label="Community offender manager",
        queryset=None,
        required=False,
        to_field_name="uuid",
        empty_label="Not named yet",
    )

    def __init__(self, *args, offender_managers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offender_manager"].queryset = offender_managers
        self.fields["offender_manager"].label_from_instance = lambda user: (
            f"{user.display_name}, {user.agency.name}"
        )


class DecisionForm(GovukForm):
    version = VersionField()
    level = _int_radios("Level", Level.choices)
    rationale = long_text("Reason for the decision")


class ReleaseForm(GovukForm):
    version = VersionField()
    on = date_field("Date of release", required=True)


class ReturnForm(GovukForm):
    version = VersionField()
    on = date_field("Date of the return to custody", required=True)
    reason = radios("Why did the person return to custody?", ReturnReason.choices)
