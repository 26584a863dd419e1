"""The GOV.UK form base and the fields every app's forms are built from.

Errors appear in the GOV.UK error summary with links to their fields (`{% error_summary form %}`), and each helper
writes its own "Enter …" or "Select …" message from its label.
"""

from __future__ import annotations

from datetime import date

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"]
DATE_HINT = "For example, 27/3/2007"
# A date shown in an input reads as the hint asks it to be typed: 1/1/2026, not 2026-01-01.
DATE_INPUT_FORMAT = "%-d/%-m/%Y"
TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]
YES_NO = [("yes", "Yes"), ("no", "No")]


class GovukFormMixin:
    """Give a form the crispy helper that `{% error_summary form %}` needs.

    Every form rendered in a page uses it, so errors appear in the GOV.UK
    error summary with links to their fields.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def full_clean(self):
        """A hidden field's error (the page's version) has no field to show beside: put it in
        the error summary, above the form, instead."""
        super().full_clean()
        for name, field in self.fields.items():
            if field.widget.is_hidden and name in self._errors:
                for problem in self._errors.pop(name):
                    self.add_error(None, problem)


class GovukForm(GovukFormMixin, forms.Form):
    pass


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when the form has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def _lower_first(label: str) -> str:
    return f"{label[0].lower()}{label[1:]}"


class DayMonthYearInput(forms.DateInput):
    """A date input that shows its date as day/month/year, as the hint asks it to be typed:
    a date, or a date kept as ISO text (a saved section's answer), reads 1/1/2026. What the
    user typed is shown back as they typed it."""

    def format_value(self, value):
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return value
        return super().format_value(value)


def date_field(label: str, required: bool = False, hint: str = DATE_HINT) -> forms.DateField:
    """A date typed as day/month/year, with a specific message for an impossible date."""
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        input_formats=DATE_FORMATS,
        widget=DayMonthYearInput(
            format=DATE_INPUT_FORMAT,
            attrs={"class": "govuk-input govuk-input--width-10", "inputmode": "numeric"},
        ),
        error_messages={
            "invalid": f"{label} must be a real date, for example 27/3/2007",
            "required": f"Enter {label.lower()}",
        },
    )


def time_field(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=TIME_FORMATS,
        help_text="24-hour clock, for example 10:00 or 13:30",
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input govuk-input--width-5"}),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as hours and minutes, for example 10:00",
        },
    )


def text_field(
    label: str, required: bool = False, max_length: int = 200, **kwargs
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={"required": f"Enter {label.lower()}"},
        **kwargs,
    )


def long_text(
    label: str, required: bool = True, rows: int = 5, max_length: int = 10000, **kwargs
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {_lower_first(label)}"},
        **kwargs,
    )


def radios(label: str, choices, required: bool = True, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": f"Select {_lower_first(label)}"},
        **kwargs,
    )


def yes_no(label: str, missing: str) -> forms.TypedChoiceField:
    """Yes or no as radios, cleaned to a bool; `missing` is the message when neither is chosen."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": missing},
    )
