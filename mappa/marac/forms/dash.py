"""The DASH risk checklist, section by section (SafeLives Dash risk checklist; domain.md §7.2)."""

from __future__ import annotations

from datetime import date

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.conf import settings

from mappa.kit.forms import (
    DATE_FORMATS,
    YES_NO,
    GovukForm,
    date_field,
    long_text,
    radios,
    text_field,
)
from mappa.marac import checklist, rules
from mappa.marac.constants import Answer, ChildRelationship, PerpetratorRelationship
from mappa.people.constants import IDENTIFIER_LABELS
from mappa.people.forms import date_of_birth_field


class VictimForm(GovukForm):
    forenames = text_field("Forenames")
    surname = text_field("Surname", required=True)
    date_of_birth = date_of_birth_field()
    address = long_text("Address", required=False)
    safe_contact = long_text(
        "Safe contact details",
        required=False,
        help_text="A telephone number or address that is safe to use, and when it is safe",
    )


class PerpetratorForm(GovukForm):
    forenames = text_field("Forenames")
    surname = text_field("Surname", required=True)
    date_of_birth = date_of_birth_field()
    relationship = radios("Relationship to the victim", PerpetratorRelationship.choices)
    pnc = text_field(IDENTIFIER_LABELS["pnc"], max_length=40)
    crn = text_field(
        IDENTIFIER_LABELS["crn"],
        max_length=40,
        help_text="Identifiers find the perpetrator on the MAPPA register if they are on it",
    )
    noms = text_field(IDENTIFIER_LABELS["noms"], max_length=40)


class ChildForm(GovukForm):
    full_name = text_field("Child's full name", required=True)
    date_of_birth = date_of_birth_field("Child's date of birth", name="Child's date of birth")
    relationship = radios("Whose child are they?", ChildRelationship.choices)


class ChecklistForm(GovukForm):
    """A checklist page: each question's answers in a row under a bold legend, then its notes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parts = []
        for name in self.fields:
            if name.endswith("_notes"):
                parts.append(name)
            else:
                parts.append(Field.radios(name, legend_size=Size.SMALL, inline=True))
        self.helper.layout = Layout(*parts)


def checklist_form(first: int, last: int) -> type[GovukForm]:
    """A form for questions `first` to `last`: each yes, no or not known, with optional notes."""
    fields = {}
    for question in checklist.questions_between(first, last):
        fields[question.key] = forms.ChoiceField(
            label=f"{question.number}. {question.text}",
            choices=Answer.choices,
            widget=forms.RadioSelect,
            error_messages={"required": f"Answer question {question.number}: yes, no or not known"},
        )
        fields[f"{question.key}_notes"] = forms.CharField(
            label=f"Notes on question {question.number} (optional)",
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
    return type(f"Questions{first}To{last}Form", (ChecklistForm,), fields)


def parse_dates(text: str) -> list[date]:
    """Dates written one to a line as day/month/year; raises ValidationError naming the line."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        field = forms.DateField(input_formats=DATE_FORMATS)
        try:
            found.append(field.clean(line.strip()))
        except forms.ValidationError as error:
            raise forms.ValidationError(
                f"Line {number} ({line.strip()}) must be a real date, for example 27/3/2026"
            ) from error
    return found


class IncidentForm(GovukForm):
    incident_on = date_field("Date of the current incident", required=True)
    police_callouts = long_text(
        "Dates of police call-outs",
        required=False,
        help_text="One date a line, for example 27/3/2026. "
        f"{settings.MAPPA_MARAC_ESCALATION_CALLOUTS} or more in "
        f"{settings.MAPPA_MARAC_ESCALATION_MONTHS} months is potential escalation",
    )
    last_referral_on = date_field(
        "Date of the victim's last MARAC referral, if you know it",
        hint="The service also finds earlier referrals of the same victim",
    )
    professional_judgement = radios(
        "Are you referring on professional judgement?",
        YES_NO,
        help_text="Refer on judgement when you are seriously worried, whatever the score",
    )
    judgement_reason = long_text("Reasons for your professional judgement", required=False)

    def clean_police_callouts(self) -> list[str]:
        return [day.isoformat() for day in parse_dates(self.cleaned_data["police_callouts"])]

    def clean(self):
        data = super().clean()
        problem = rules.judgement_problem(
            professional_judgement=data.get("professional_judgement") == "yes",
            reason=data.get("judgement_reason", ""),
        )
        if problem:
            self.add_error("judgement_reason", problem)
        return data

    @staticmethod
    def as_initial(saved: dict) -> dict:
        """Saved data back into the form: the call-outs as lines of day/month/year."""
        callouts = [date.fromisoformat(day) for day in saved.get("police_callouts", [])]
        return saved | {"police_callouts": "\n".join(f"{d:%-d/%-m/%Y}" for d in callouts)}
