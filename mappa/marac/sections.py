"""The sections of a DASH, in the order its task list shows them, and how answers read back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms as django_forms

from mappa.marac import checklist
from mappa.marac.constants import Answer, ChildRelationship
from mappa.marac.forms import dash as forms

CHILDREN = "children"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    form: type[django_forms.Form] | None


SECTIONS = [
    Section("victim", "The victim", forms.VictimForm),
    Section("perpetrator", "The perpetrator", forms.PerpetratorForm),
    Section(CHILDREN, "Children in the household", None),
    *[
        Section(
            f"questions-{first}-{last}",
            f"Questions {first} to {last}",
            forms.checklist_form(first, last),
        )
        for first, last in checklist.PAGES
    ],
    Section("incident", "Incident, call-outs and judgement", forms.IncidentForm),
]
BY_KEY = {section.key: section for section in SECTIONS}
CHECKLIST_KEYS = [f"questions-{first}-{last}" for first, last in checklist.PAGES]


def stored(cleaned: dict) -> dict:
    """Cleaned form data as JSON: dates as ISO 8601 text."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in cleaned.items()}


def missing(dash) -> list[str]:
    return [section.title for section in SECTIONS if section.key not in dash.sections]


def checklist_answers(dash) -> dict[str, str]:
    """Each question's answer (q1 … q24) from the checklist pages saved so far."""
    found = {}
    for key in CHECKLIST_KEYS:
        saved = dash.sections.get(key, {})
        found |= {q: v for q, v in saved.items() if not q.endswith("_notes")}
    return found


def children(dash) -> list[dict]:
    return dash.sections.get(CHILDREN, {}).get("children", [])


@dataclass(frozen=True)
class Answers:
    section: Section
    rows: list[tuple[str, str]]
    completed: bool


def answers(dash) -> list[Answers]:
    """Each section's saved answers as (question, answer) pairs, labelled as the form labels them."""
    found = []
    for section in SECTIONS:
        saved = dash.sections.get(section.key)
        if section.key == CHILDREN:
            rows = [child_row(child) for child in children(dash)]
            if saved is not None and not rows:
                rows = [("Children", "No children in the household")]
        elif saved is None:
            rows = []
        elif section.key in CHECKLIST_KEYS:
            rows = _checklist_rows(saved)
        else:
            rows = [
                (str(f.label), _shown(f, saved.get(n))) for n, f in section.form.base_fields.items()
            ]
        found.append(Answers(section, rows, saved is not None))
    return found


def child_row(child: dict) -> tuple[str, str]:
    born = child.get("date_of_birth")
    about = dict(ChildRelationship.choices).get(child.get("relationship"), "")
    born_text = f"born {date.fromisoformat(born):%-d %B %Y}" if born else "date of birth not known"
    return child["full_name"], f"{about}, {born_text}"


def _checklist_rows(saved: dict) -> list[tuple[str, str]]:
    rows = []
    for key, value in saved.items():
        if key.endswith("_notes"):
            continue
        question = checklist.BY_NUMBER[int(key[1:])]
        notes = saved.get(f"{key}_notes", "")
        answer = dict(Answer.choices).get(value, value)
        rows.append(
            (f"{question.number}. {question.text}", f"{answer}. {notes}" if notes else answer)
        )
    return rows


def _shown(field, value) -> str:
    if value in (None, "", []):
        return "Not given"
    if isinstance(value, list):
        return "\n".join(f"{date.fromisoformat(day):%-d %B %Y}" for day in value)
    choices = dict(getattr(field, "choices", []) or [])
    if choices:
        return str(choices.get(value, value))
    if isinstance(field, django_forms.DateField):
        return date.fromisoformat(value).strftime("%-d %B %Y")
    return str(value)
