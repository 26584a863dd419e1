"""Linking a referral to the register at screening: likely matches, or adding the person."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from pydantic import ValidationError as PydanticError

from mappa.people import editing
from mappa.people import queries as people
from mappa.people import services as register
from mappa.people.constants import IDENTIFIERS
from mappa.referrals.forms import ADD_TO_REGISTER

CANDIDATE_LIMIT = 10


def candidates(user, referral) -> list:
    """People in the screener's scope who match the referral's identifiers, or name and birth date."""
    offender = referral.sections.get("offender", {})
    found = {}
    for kind in ("pnc", "crn", "noms", "visor"):
        if offender.get(kind):
            for nominal in people.search(user, people.Criteria(identifier=offender[kind])):
                found.setdefault(nominal.id, nominal)
    name = f"{offender.get('forenames', '')} {offender.get('surname', '')}".strip()
    if name:
        dob = offender.get("date_of_birth")
        criteria = people.Criteria(name=name, date_of_birth=dob and date.fromisoformat(dob))
        for nominal in people.search(user, criteria):
            found.setdefault(nominal.id, nominal)
    return list(found.values())[:CANDIDATE_LIMIT]


def person_for(user, referral, choice: str):
    """The nominal the screener chose (in their scope), ADD_TO_REGISTER, or None."""
    if referral.nominal_id or not choice or choice == ADD_TO_REGISTER:
        return choice or None
    return people.get_nominal(user, choice)


def add_to_register(user, referral):
    """A new nominal from the referral's offender information (screening's single write path)."""
    offender = referral.sections.get("offender", {})
    identity = {
        "forenames": offender.get("forenames", ""),
        "surname": offender.get("surname", ""),
        "date_of_birth": offender.get("date_of_birth"),
        "gender": "not_known",
        "ethnicity": offender.get("ethnicity", ""),
        **{kind: offender.get(kind, "") for kind in IDENTIFIERS},
    }
    try:
        record = editing.apply(
            editing.SECTIONS["identity"], editing.new_record(user.area.code), identity
        )
        return register.save_nominal(actor=user, record=record, nominal=None, via="referral")
    except PydanticError as error:
        raise ValidationError(
            {"person": "The referral's offender information is not a valid register record"}
        ) from error
    except register.RecordRejected as rejected:
        raise ValidationError(
            {"person": [f"{field}: {reason}" for field, reason in rejected.problems]}
        ) from rejected
