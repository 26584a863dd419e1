"""Filling in referrals for tests: every section of a MAPPA A with plausible answers."""

from __future__ import annotations

from mappa.referrals import services
from mappa.referrals.sections import SECTIONS

ANSWERS = {
    "category": {"level": "2", "category": "3"},
    "offender": {
        "forenames": "Dale",
        "surname": "Fenwick",
        "date_of_birth": "1984-05-02",
        "aliases_and_nicknames": "",
        "ethnicity": "White British",
        "current_address": "Flat 2, 10 Mill Lane",
        "no_fixed_abode": False,
        "area_of_closest_links": "",
        "approved_release_address": "",
        "pnc": "",
        "crn": "",
        "noms": "",
        "visor": "",
        "other_references": "Housing ref H-2231",
    },
    "conviction": {
        "index_offences": "Wounding with intent",
        "sentence": "4 years' imprisonment",
        "details": "Attack on a neighbour",
        "previous_related_offences": "",
    },
    "dates": {
        "in_custody": "no",
        "release_date": None,
        "licence_end_date": None,
        "sentence_expiry_date": None,
        "other_dates": "",
    },
    "hospital": {"detained": "no", "details": ""},
    "reason": {"reason": "Threats to a housing officer and neighbours since moving in"},
    "risk": {
        "who_is_at_risk": "Neighbours; housing staff",
        "nature_of_harm": "Serious physical violence",
        "imminence": "imminent",
        "increasing_factors": "Alcohol",
        "reducing_factors": "",
    },
    "victims": {"victim_issues": "Previous victim lives two streets away"},
    "diversity": {"diversity_and_needs": "None known"},
    "plan": {"current_plan": "Tenancy warning; police marker on the address"},
    "input": {"input_needed": "Police and housing joint plan", "why_not_level_2": ""},
}


def fill_in(referral, actor, **changes):
    """Save every section; `changes` maps a section key to answers that override the defaults."""
    for section in SECTIONS:
        data = ANSWERS[section.key] | changes.get(section.key, {})
        services.save_section(actor=actor, referral=referral, key=section.key, data=data)
    return referral


def submitted(actor, nominal=None, **changes):
    referral = services.start_referral(actor=actor, nominal=nominal)
    fill_in(referral, actor, **changes)
    return services.submit(actor=actor, referral=referral)
