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
STAFF_CONTACT_HINT = "Used only to arrange to talk to the applicant about the application"


def _text(label: str, required: bool = True, **kwargs) -> forms.CharField:
    return text_field(label, required=required, **kwargs)


def worded(field: forms.Field, name: str, missing: str = "") -> forms.Field:
    """Give a field GOV.UK error messages that read as sentences (GOV.UK Design System, error
    message: "Enter [whatever it is]", "[Whatever it is] must be 200 characters or fewer"):
    `name` is how a message names the field, `missing` the message when it is left empty. A
    label put as a question ("Who is at risk?") cannot simply follow "Enter"."""
    if missing:
        field.error_messages["required"] = missing
    max_length = getattr(field, "max_length", None)
    if max_length:
        too_long = f"{name} must be {max_length} characters or fewer"
        field.error_messages["max_length"] = too_long
        for validator in field.validators:
            if getattr(validator, "code", "") == "max_length":
                validator.message = too_long
    if "invalid_choice" in field.error_messages and missing:
        field.error_messages["invalid_choice"] = missing
    if isinstance(field, forms.DateField):
        field.error_messages["invalid"] = f"{name} must be a real date, for example 27/3/2007"
    return field


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
    applicant_name = worded(_text("Your full name", max_length=200), "Your full name")
    applicant_phone = forms.RegexField(
        label="Your phone number",
        regex=r"^[0-9 +()-]{7,20}$",
        required=False,
        help_text=CONTACT_HINT,
        error_messages={"invalid": "Enter a phone number, like 01632 960 001 or 07700 900 982"},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    applicant_email = worded(
        forms.EmailField(
            label="Your email address",
            required=False,
            max_length=254,
            help_text=CONTACT_HINT,
            error_messages={
                "invalid": "Enter an email address in the correct format, like name@example.com"
            },
            widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        ),
        "Your email address",
    )
    safe_contact = worded(
        long_text(
            "How can we contact you safely?",
            required=False,
            help_text="For example, times to avoid, or whether we may leave a message",
        ),
        "How we can contact you safely",
    )
    subject_name = worded(
        _text("Name of the person you are worried about", max_length=200),
        "The name of the person you are worried about",
        "Enter the name of the person you are worried about",
    )
    subject_other_names = worded(
        _text("Other names they use", required=False, max_length=300), "Other names they use"
    )
    subject_date_of_birth = worded(
        date_of_birth_field("Their date of birth, if you know it", name="Their date of birth"),
        "Their date of birth",
    )
    subject_address = worded(
        long_text("Their address, if you know it", required=False), "Their address"
    )
    concern = worded(
        long_text("Why are you worried?"),
        "Why you are worried",
        "Enter why you are worried about the person",
    )

    NO_CONTACT = "Enter a phone number or an email address so we can reach you"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if not self.has_error("applicant_phone") and not self.has_error("applicant_email"):
            if not data.get("applicant_phone") and not data.get("applicant_email"):
                self.add_error("applicant_phone", self.NO_CONTACT)
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
    applicant_relationship = worded(
        long_text("Applicant's relationship to the person at risk", required=False),
        "The applicant's relationship to the person at risk",
    )
    at_risk = worded(
        long_text("Who is at risk", help_text="The child or children, or the person at risk"),
        "Who is at risk",
        "Enter who is at risk",
    )
    subject_contact = worded(
        long_text("The subject's contact or relationship with them"),
        "The subject's contact or relationship with them",
        "Enter the subject's contact or relationship with the person at risk",
    )

    field_order = ["kind"]

    # Staff record someone else's application: the questions name the applicant, not "you".
    STAFF_WORDING = {
        "applicant_phone": ("Applicant's phone number", STAFF_CONTACT_HINT),
        "applicant_email": ("Applicant's email address", STAFF_CONTACT_HINT),
        "safe_contact": (
            "How to contact the applicant safely",
            "For example, times to avoid, or whether a message may be left",
        ),
        "subject_name": ("Name of the person the application is about", None),
        "subject_other_names": ("Other names the person uses", None),
        "subject_date_of_birth": ("The person's date of birth, if known", None),
        "subject_address": ("The person's address, if known", None),
        "concern": ("Why the applicant is worried", None),
    }
    NO_CONTACT = "Enter the applicant's phone number or email address"
    STAFF_MESSAGES = {
        "subject_name": "Enter the name of the person the application is about",
        "concern": "Enter why the applicant is worried about the person",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["area"]
        self.fields[
            "applicant_name"
        ].label = "Applicant's name (or, for right to know, the person police propose to tell)"
        self.fields["applicant_name"].error_messages["required"] = "Enter the applicant's name"
        for name, (label, hint) in self.STAFF_WORDING.items():
            self.fields[name].label = label
            if hint is not None:
                self.fields[name].help_text = hint
        for name, message in self.STAFF_MESSAGES.items():
            self.fields[name].error_messages["required"] = message

    def scheme_and_route(self) -> tuple[str, str]:
        return KINDS[self.cleaned_data["kind"]]

    def application_details(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("kind")
        return data
