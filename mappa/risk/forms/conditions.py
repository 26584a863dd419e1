"""Forms for licence conditions: choose the type, then a form with that type's fields; the day
one ends."""

from __future__ import annotations

from django import forms

from mappa.kit.forms import TIME_FORMATS, GovukForm, date_field, long_text, text_field
from mappa.risk import rules
from mappa.risk.constants import ConditionKind, Monitoring

ZONE_HINT = (
    "Paste the zone from a map tool as a GeoJSON Polygon. Each position is "
    "[longitude, latitude] in decimal degrees, and the last position is the same as the first. "
    'For example: {"type": "Polygon", "coordinates": [[[-0.4685, 52.1345], [-0.4650, 52.1345], '
    "[-0.4650, 52.1390], [-0.4685, 52.1390], [-0.4685, 52.1345]]]}"
)


class ConditionKindForm(GovukForm):
    kind = forms.ChoiceField(
        label="Type of licence condition",
        choices=ConditionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of licence condition"},
    )


def _time(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=TIME_FORMATS,
        help_text="On the 24-hour clock, for example 19:00",
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input govuk-input--width-5"}),
        error_messages={"invalid": f"{label} must be a time on the 24-hour clock, like 19:00"},
    )


def _fields(kind: str) -> dict[str, forms.Field]:
    details = long_text("Other details", required=False, rows=3)
    return {
        ConditionKind.RESIDENCE: {
            "address": long_text("Address they must live at", rows=3),
            "approved_premises": forms.BooleanField(
                label="The address is approved premises (a probation hostel)", required=False
            ),
            "description": details,
        },
        ConditionKind.NO_CONTACT: {
            "named_person": text_field("Name of the person they must not contact"),
            "description": long_text(
                "Other details",
                required=False,
                rows=3,
                help_text="For example, directly or indirectly, including online",
            ),
        },
        ConditionKind.EXCLUSION_ZONE: {
            "description": long_text(
                "Describe the zone in words",
                rows=3,
                help_text="As the licence describes it, for example the streets that bound it",
            ),
            "zone": long_text(
                "Boundary of the zone (GeoJSON)", rows=8, max_length=200_000, help_text=ZONE_HINT
            ),
        },
        ConditionKind.CURFEW: {
            "curfew_from": _time("Curfew starts at"),
            "curfew_to": _time("Curfew ends at"),
            "description": long_text(
                "Other details", required=False, rows=3, help_text="For example, where they stay"
            ),
        },
        ConditionKind.ELECTRONIC_MONITORING: {
            "monitoring": forms.ChoiceField(
                label="What is monitored", choices=Monitoring.choices, widget=forms.RadioSelect
            ),
            "description": details,
        },
        ConditionKind.POLYGRAPH: {"description": details},
        ConditionKind.PROGRAMME_ATTENDANCE: {
            "programme": text_field("Programme they must attend"),
            "description": details,
        },
        ConditionKind.OTHER: {"description": long_text("Wording of the condition", rows=4)},
    }[kind]


class ConditionForm(GovukForm):
    starts_on = date_field("Starts on", required=True)
    ends_on = date_field(
        "Ends on",
        hint="Leave blank if it lasts until the licence ends. For example, 27/3/2027",
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name, field in _fields(kind).items():
            required = rules.REQUIRED_FOR_KIND[kind].get(name)
            field.required = bool(required)
            if required:
                field.error_messages["required"] = required
            self.fields[name] = field


class EndConditionForm(GovukForm):
    ends_on = date_field("Last day the condition applies", required=True)
