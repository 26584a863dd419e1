"""Forms for the MARAC co-ordinator's and participants' work on cases and meetings."""

from __future__ import annotations

from django import forms
from django.conf import settings

from mappa.kit.forms import GovukForm, date_field, long_text, radios, text_field, time_field
from mappa.marac.constants import ActionStatus
from mappa.meetings.constants import Frequency
from mappa.versions import VersionField


class ScheduleForm(GovukForm):
    first_on = date_field("Date of the first meeting", required=True)
    frequency = radios("How often MARAC meets", Frequency.choices)
    start_time = time_field("Start time")
    end_time = time_field("End time")
    venue = text_field("Venue", max_length=300)
    count = forms.IntegerField(
        label="How many meetings to add",
        min_value=1,
        max_value=26,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "frequency": settings.MAPPA_MARAC_MEETING_FREQUENCY,
                "count": settings.MAPPA_MARAC_MEETINGS_SCHEDULED_AHEAD,
            },
        )
        super().__init__(*args, **kwargs)


def _agency_choices(agencies):
    return [(str(agency.id), agency.name) for agency in agencies]


class ResearchForm(GovukForm):
    agencies = forms.MultipleChoiceField(
        label="Which agencies should research the case?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one agency"},
    )

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].choices = _agency_choices(agencies)


class AnswerForm(GovukForm):
    response = long_text(
        "What your agency knows",
        help_text="About the victim, the perpetrator and any children: contacts, risks, "
        "current involvement. Say so if your agency holds nothing.",
    )


class AgencyTextForm(GovukForm):
    agency = forms.ChoiceField(label="Agency", error_messages={"required": "Choose the agency"})
    text = long_text("Information shared")

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "Choose an agency")] + _agency_choices(agencies)


class ActionForm(GovukForm):
    description = long_text("What is to be done")
    owner_agency = forms.ChoiceField(
        label="Agency that owns the action", error_messages={"required": "Choose the agency"}
    )
    owner_name = text_field("Named owner", help_text="Optional: the person who will do it")
    due_on = date_field("Due date", required=True)

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].choices = [("", "Choose an agency")] + _agency_choices(agencies)


class ActionUpdateForm(GovukForm):
    status = radios("Status", ActionStatus.choices)
    update = long_text("Update", required=False)
    version = VersionField()


class IdvaForm(GovukForm):
    name = text_field("IDVA's name", required=True)
    organisation = text_field("Organisation")
    contact = text_field("Contact details", help_text="A telephone number or secure e-mail")
    allocated_on = date_field("Date allocated", required=True)
    version = VersionField()


class SafetyPlanForm(GovukForm):
    measures = long_text(
        "Safety measures agreed",
        help_text="For example target hardening, a safe contact plan, housing options, "
        "court orders, and what to do in an emergency",
    )
    agreed_on = date_field("Date agreed", required=True)
    based_on = VersionField(required=False)  # the plan's version the editor started from


class ShareFactForm(GovukForm):
    text = long_text(
        "Fact to share with the MAPPA case",
        help_text="Only what the MARAC agreed to share. Never the victim's address or contact details.",
    )
