from django import forms

from mappa.audit.events import EventType
from mappa.kit.forms import GovukForm

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
DATE_WIDGET = {"class": "govuk-input govuk-input--width-10", "inputmode": "numeric"}


class AuditSearchForm(GovukForm):
    person = forms.UUIDField(
        label="Person or record ID",
        required=False,
        help_text="The ID shown on the person's or record's page",
        error_messages={"invalid": "Enter an ID in the form 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"},
    )
    username = forms.CharField(label="Username", required=False, max_length=150)
    event_type = forms.ChoiceField(
        label="Event", required=False, choices=[("", "Any event"), *EventType.choices]
    )
    date_from = forms.DateField(
        label="From",
        required=False,
        help_text="For example, 27/3/2026",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs=DATE_WIDGET),
        error_messages={"invalid": "Enter a real date, for example 27/3/2026"},
    )
    date_to = forms.DateField(
        label="To",
        required=False,
        help_text="For example, 3/4/2026",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs=DATE_WIDGET),
        error_messages={"invalid": "Enter a real date, for example 3/4/2026"},
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data
