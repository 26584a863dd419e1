"""Forms for meeting series, meetings, agendas, invitations and attendance."""

from __future__ import annotations

from django import forms

from mappa.kit.forms import YES_NO, GovukForm, date_field, long_text, radios, text_field, time_field
from mappa.meetings.constants import AttendanceStatus, Frequency, Response, Weekday
from mappa.meetings.models.meetings import MEETING_LEVELS
from mappa.versions import VersionField


def level_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="Level",
        choices=MEETING_LEVELS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level of the meetings"},
    )


class PlaceForm(GovukForm):
    venue = text_field("Venue", max_length=300, help_text="For example, Probation head office")
    video_link = forms.URLField(
        label="Video link",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Leave blank if the meeting is only in person",
        error_messages={"invalid": "Enter the video link as a web address"},
    )


class SeriesForm(PlaceForm):
    name = text_field("Name", required=True, help_text="For example, Demoshire level 2 meeting")
    level = level_field()
    frequency = radios("How often", Frequency.choices)
    weekday = forms.TypedChoiceField(
        label="Day of the week",
        choices=Weekday.choices,
        coerce=int,
        error_messages={"required": "Select the day of the week"},
    )
    starts_on = date_field("First meeting on or after", required=True)
    start_time = time_field("Start time")
    end_time = time_field("End time")
    field_order = [
        "name",
        "level",
        "frequency",
        "weekday",
        "starts_on",
        "start_time",
        "end_time",
        "venue",
        "video_link",
    ]


class StandingMembersForm(GovukForm):
    """Who is invited to every meeting of a series, and receives its minutes."""

    members = forms.MultipleChoiceField(
        label="Standing members",
        required=False,
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Select everyone to invite to every case at every meeting of the series",
    )
    version = VersionField()

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(user.uuid): user for user in people}
        self.fields["members"].choices = [
            (key, f"{user.display_name}, {user.agency.name if user.agency else ''}")
            for key, user in self.people.items()
        ]

    def clean(self):
        data = super().clean()
        data["members"] = [self.people[key] for key in data.get("members", [])]
        return data


class MeetingForm(PlaceForm):
    """A one-off meeting outside a series."""

    level = level_field()
    date = date_field("Date", required=True)
    start_time = time_field("Start time")
    end_time = time_field("End time")
    field_order = ["level", "date", "start_time", "end_time", "venue", "video_link"]


class MeetingDetailsForm(PlaceForm):
    """Times, place and chairs of a scheduled meeting."""

    start_time = time_field("Start time")
    end_time = time_field("End time")
    chair = forms.ChoiceField(
        label="Chair's account",
        required=False,
        choices=(),
        help_text="Link the chair's account so that the meeting shows on their dashboard",
    )
    co_chair = forms.ChoiceField(label="Co-chair's account", required=False, choices=())
    chair_name = text_field("Chair's name")
    chair_agency = text_field("Chair's agency")
    chair_rank = text_field("Chair's rank or grade")
    co_chair_name = text_field("Co-chair's name")
    co_chair_agency = text_field("Co-chair's agency")
    co_chair_rank = text_field("Co-chair's rank or grade")
    version = VersionField()
    field_order = ["start_time", "end_time", "venue", "video_link", "chair"]

    def __init__(self, *args, chairs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.chairs = {str(user.uuid): user for user in chairs}
        choices = [("", "No account")] + [
            (key, f"{user.display_name}, {user.job_title}") for key, user in self.chairs.items()
        ]
        self.fields["chair"].choices = self.fields["co_chair"].choices = choices
        self.order_fields(
            ["start_time", "end_time", "venue", "video_link"]
            + ["chair", "chair_name", "chair_agency", "chair_rank"]
            + ["co_chair", "co_chair_name", "co_chair_agency", "co_chair_rank"]
        )

    def clean(self):
        data = super().clean()
        for role in ("chair", "co_chair"):
            user = self.chairs.get(data.get(role) or "")
            data[role] = user
            if user is not None and not data.get(f"{role}_name"):
                data[f"{role}_name"] = user.display_name
        return data


class UrgentItemForm(GovukForm):
    case = forms.ChoiceField(
        label="Case", error_messages={"required": "Choose the case to add"}, choices=()
    )
    reason = long_text("Why it cannot wait for its next review")

    def __init__(self, *args, cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [("", "Choose a case")] + [
            (str(case.id), f"{case.nominal.full_name} ({_level_or_kind(case)})") for case in cases
        ]


def _level_or_kind(case) -> str:
    """A MAPPA case's level, or that it is a potentially dangerous person's (no level)."""
    return case.get_kind_display() if case.is_pdp else f"level {case.level}"


class InviteForm(GovukForm):
    person = forms.ChoiceField(label="A named person", required=False, choices=())
    agency = forms.ChoiceField(label="Or an agency", required=False, choices=())

    def __init__(self, *args, people=(), agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "No one by name")] + [
            (str(user.uuid), f"{user.display_name}, {user.agency.name if user.agency else ''}")
            for user in people
        ]
        self.fields["agency"].choices = [("", "No agency")] + [
            (str(agency.id), agency.name) for agency in agencies
        ]

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("agency")):
            raise forms.ValidationError("Choose either a named person or an agency, not both")
        return data


class ResponseForm(GovukForm):
    response = radios(
        "Will you attend?",
        [(value, label) for value, label in Response.choices if value != Response.AWAITING],
    )
    note = long_text(
        "Anything the chair should know",
        required=False,
        help_text="If you are sending a report, say what it covers and when it will arrive",
    )
    version = VersionField()


class AttendeeForm(GovukForm):
    person = forms.ChoiceField(
        label="Someone with an account",
        required=False,
        choices=(),
        help_text="Choose them here so the minutes reach them; leave blank for someone without one",
    )
    name = text_field("Name", help_text="For someone without an account")
    agency_name = text_field("Agency", help_text="For someone without an account")
    role_title = text_field("Role, rank or grade")
    status = radios("Attendance", AttendanceStatus.choices)
    report_received = forms.BooleanField(label="A report was received from them", required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(user.uuid): user for user in people}
        self.fields["person"].choices = [("", "No one with an account")] + [
            (key, f"{user.display_name}, {user.agency.name if user.agency else ''}")
            for key, user in self.people.items()
        ]

    def clean(self):
        data = super().clean()
        data["user"] = self.people.get(data.pop("person", "") or "")
        if data["user"] is None:
            if not (data.get("name") or "").strip():
                self.add_error("name", "Enter the person's name, or choose someone with an account")
            if not (data.get("agency_name") or "").strip():
                self.add_error("agency_name", "Enter the person's agency")
        return data


class StatementForm(GovukForm):
    read = radios("Was the confidentiality and diversity statement read?", YES_NO)
