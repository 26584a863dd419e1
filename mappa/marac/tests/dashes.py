"""Completing DASH risk checklists for tests: every section with plausible answers."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from mappa.marac import checklist
from mappa.marac.sections import CHECKLIST_KEYS
from mappa.marac.services import dash as services

VICTIM = {
    "forenames": "Nadia",
    "surname": "Brooks",
    "date_of_birth": date(1991, 4, 9),
    "address": "3 Orchard Close, Demoshire DS1 4AB",
    "safe_contact": "Mobile 07700 900123, weekdays 9 to 3",
}
PERPETRATOR = {
    "forenames": "Wayne",
    "surname": "Dobbs",
    "date_of_birth": date(1985, 1, 30),
    "relationship": "partner",
    "pnc": "",
    "crn": "",
    "noms": "",
}


def incident(**changes) -> dict:
    return {
        "incident_on": timezone.localdate() - timedelta(days=2),
        "police_callouts": [],
        "last_referral_on": None,
        "professional_judgement": "no",
        "judgement_reason": "",
    } | changes


def checklist_pages(yes: int) -> dict[str, dict]:
    """The three checklist pages with the first `yes` questions answered yes, the rest no."""
    pages = {}
    for key, (first, last) in zip(CHECKLIST_KEYS, checklist.PAGES, strict=True):
        page = {}
        for question in checklist.questions_between(first, last):
            page[question.key] = "yes" if question.number <= yes else "no"
            page[f"{question.key}_notes"] = ""
        pages[key] = page
    return pages


def fill_in(dash, actor, *, yes=15, victim=None, perpetrator=None, children=(), **incident_changes):
    services.save_section(actor=actor, dash=dash, key="victim", data=VICTIM | (victim or {}))
    services.save_section(
        actor=actor, dash=dash, key="perpetrator", data=PERPETRATOR | (perpetrator or {})
    )
    for child in children:
        services.add_child(actor=actor, dash=dash, data=child)
    services.confirm_children(actor=actor, dash=dash)
    for key, page in checklist_pages(yes).items():
        services.save_section(actor=actor, dash=dash, key=key, data=page)
    services.save_section(actor=actor, dash=dash, key="incident", data=incident(**incident_changes))
    return dash


def referred(actor, **changes):
    """A completed DASH that meets a criterion (15 yes by default), and its MARAC case."""
    dash = fill_in(services.start_dash(actor=actor), actor, **changes)
    return services.complete(actor=actor, dash=dash)


CHILD = {"full_name": "Amy Brooks", "date_of_birth": date(2015, 6, 1), "relationship": "both"}
