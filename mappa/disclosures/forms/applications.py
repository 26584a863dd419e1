"""The schemes' questions (Child Sex Offender and Domestic Violence Disclosure Schemes): what
both ask, put to the public by `mappa.public`'s forms and to staff recording an application
(without the area: the officer's own), with which scheme and route it is under. They collect
what the schemes' initial contact needs and nothing more."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from mappa.agencies.models import Area
from mappa.kit.forms import GovukForm, long_text, radios, text_field
from mappa.people.forms import date_of_birth_field

CONTACT_HINT = "We will use it only to arrange to talk to you about your application"


def _text(label: str, required: bool = True, **kwargs) -> forms.CharField:
    return text_field(label, required=required, **kwargs)


class AreaField(forms.ModelChoiceField):
    """A choice of area whose every bad value (even one that is not a UUID) gets one message."""

    def label_from_instance(self, obj) -> str:
        return obj.name

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class ApplicationForm(GovukForm):
    """What both schemes ask: who you are and how to reach you safely, the person you are
    worried about and why, and the area (police force) the application goes to."""

    area = AreaField(
        label="Which area does this concern?",
        queryset=Area.objects.none(),
        empty_label="Choose an area",
        help_text="Where the person at risk lives",
        error_messages={
            "required": "Choose the area the application is about",
            "invalid_choice": "Choose the area the application is about",
        },
    )
    applicant_name = _text("Your full name", max_length=200)
    applicant_phone = forms.RegexField(
        label="Your phone number",
        regex=r"^[0-9 +()-]{7,20}$",
        required=False,
        help_text=CONTACT_HINT,
        error_messages={"invalid": "Enter a phone number, like 01632 960 001 or 07700 900 982"},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    applicant_email = forms.EmailField(
        label="Your email address",
        required=False,
        max_length=254,
        help_text=CONTACT_HINT,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    safe_contact = long_text(
        "How can we contact you safely?",
        required=False,
        help_text="For example, times to avoid, or whether we may leave a message",
    )
    subject_name = _text("Name of the person you are worried about", max_length=200)
    subject_other_names = _text("Other names they use", required=False, max_length=300)
    subject_date_of_birth = date_of_birth_field(
        "Their date of birth, if you know it", name="Their date of birth"
    )
    subject_address = long_text("Their address, if you know it", required=False)
    concern = long_text("Why are you worried?")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if not self.has_error("applicant_phone") and not self.has_error("applicant_email"):
            if not data.get("applicant_phone") and not data.get("applicant_email"):
                self.add_error(
                    "applicant_phone",
                    "Enter a phone number or an email address so we can reach you",
                )
        return data

    def application_details(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("area", None)
        return data


KINDS = {
    "csods": ("csods", "right_to_ask"),
    "dvds_ask": ("dvds", "right_to_ask"),
    "dvds_know": ("dvds", "right_to_know"),
}


class StaffApplicationForm(ApplicationForm):
    kind = radios(
        "Scheme",
        [
            ("csods", "Child Sex Offender Disclosure Scheme"),
            ("dvds_ask", "Domestic Violence Disclosure Scheme: right to ask"),
            ("dvds_know", "Domestic Violence Disclosure Scheme: right to know (police-initiated)"),
        ],
    )
    applicant_relationship = long_text(
        "Applicant's relationship to the person at risk", required=False
    )
    at_risk = long_text("Who is at risk", help_text="The child or children, or the person at risk")
    subject_contact = long_text("The subject's contact or relationship with them")

    field_order = ["kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["area"]
        self.fields[
            "applicant_name"
        ].label = "Applicant's name (or, for right to know, the person police propose to tell)"

    def scheme_and_route(self) -> tuple[str, str]:
        return KINDS[self.cleaned_data["kind"]]

    def application_details(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("kind")
        return data
