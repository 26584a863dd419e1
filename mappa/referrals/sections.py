"""The sections of a referral, in the order the task list shows them, and their pre-filling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms as django_forms

from mappa.offences import catalogue
from mappa.referrals import forms


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    form: type[django_forms.Form]


SECTIONS = [
    Section("category", "Category and level", forms.CategoryForm),
    Section("offender", "Offender information", forms.OffenderForm),
    Section("conviction", "Conviction or caution", forms.ConvictionForm),
    Section("dates", "Relevant dates", forms.DatesForm),
    Section("hospital", "Detention in hospital", forms.HospitalForm),
    Section("reason", "Reason for referral", forms.ReasonForm),
    Section("risk", "Risk of serious harm", forms.RiskForm),
    Section("victims", "Victim issues", forms.VictimsForm),
    Section("diversity", "Diversity and needs", forms.DiversityForm),
    Section("plan", "Current risk management plan", forms.PlanForm),
    Section("input", "Multi-agency input needed", forms.InputForm),
]
BY_KEY = {section.key: section for section in SECTIONS}


def stored(cleaned: dict) -> dict:
    """Cleaned form data as JSON: dates as ISO 8601 text."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in cleaned.items()}


def prefill(nominal, eligibility) -> dict[str, dict]:
    """Initial values for each section from the person's record (expects the whole record)."""
    if nominal is None:
        return {}
    current = next((a for a in nominal.addresses.all() if a.valid_to is None), None)
    convictions = list(nominal.convictions.all())
    index = [c for c in convictions if c.is_index] or convictions[:1]
    in_custody = any(p.ended_on is None for p in nominal.custody_periods.all())
    return {
        "category": {"category": str(eligibility.category) if eligibility.category else None},
        "offender": {
            "forenames": nominal.forenames,
            "surname": nominal.surname,
            "date_of_birth": nominal.date_of_birth,
            "aliases_and_nicknames": "\n".join(str(alias) for alias in nominal.aliases.all()),
            "ethnicity": nominal.ethnicity,
            "current_address": str(current) if current else "",
            **{kind: getattr(nominal, kind) or "" for kind in ("pnc", "crn", "noms", "visor")},
        },
        "conviction": {
            "index_offences": "\n".join(_offence(c) for c in index),
            "previous_related_offences": "\n".join(
                _offence(c) for c in convictions if c not in index
            ),
        },
        "dates": {
            "in_custody": "yes" if in_custody else "no",
            "release_date": nominal.release_date,
            "licence_end_date": nominal.licence_end_date,
        },
    }


def _offence(conviction) -> str:
    title = catalogue.get(conviction.offence_code).title
    return (
        f"{title} ({conviction.get_outcome_display().lower()}, {conviction.relevant_date:%d/%m/%Y})"
    )


@dataclass(frozen=True)
class Answers:
    section: Section
    rows: list[tuple[str, str]]

    @property
    def completed(self) -> bool:
        return bool(self.rows)


def answers(referral) -> list[Answers]:
    """Each section's saved answers as (question, answer) pairs, labelled as the form labels them."""
    found = []
    for section in SECTIONS:
        saved = referral.sections.get(section.key)
        rows = []
        if saved is not None:
            for name, field in section.form.base_fields.items():
                rows.append((str(field.label), _shown(field, saved.get(name))))
        found.append(Answers(section, rows))
    return found


def _shown(field, value) -> str:
    if value in (None, "", False):
        return "Not given" if value is not False else "No"
    if value is True:
        return "Yes"
    choices = dict(getattr(field, "choices", []) or [])
    if choices:
        return str(choices.get(value, value))
    if isinstance(field, django_forms.DateField):
        return date.fromisoformat(value).strftime("%-d %B %Y")
    return str(value)
