"""The link between a MARAC case and MAPPA: finding the perpetrator on the register, alerting the
MAPPA co-ordinators, and the facts the MARAC chooses to share with the MAPPA case.

`raise_link` is the one way in: it is called when a DASH names identifiers that are on the
register, and is there for the linkage engine (mappa.linkage) to call with `FoundBy.LINKAGE`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases.models import MappaCase
from mappa.marac import notices
from mappa.marac.models import MappaLink, SharedFact
from mappa.people.constants import IDENTIFIER_LABELS
from mappa.people.models import Nominal

# The perpetrator's identifiers a DASH records, strongest first.
MATCHED_IDENTIFIERS = ("pnc", "crn", "noms")


def find_on_register(area_id, person: dict) -> tuple[Nominal | None, str]:
    """The area's nominal with one of the person's identifiers, and which identifier matched.

    A match by identifier is the system's, not the user's: the DASH's author does not see the
    register through it (they see only that the MAPPA co-ordinator was alerted).
    """
    for kind in MATCHED_IDENTIFIERS:
        value = (person.get(kind) or "").strip()
        if not value:
            continue
        nominal = Nominal.objects.filter(area_id=area_id, **{f"{kind}__iexact": value}).first()
        if nominal is not None:
            return nominal, f"{IDENTIFIER_LABELS[kind]} {value}"
    return None, ""


def raise_link(*, actor, case, nominal: Nominal, found_by: str, matched_on: str = "") -> MappaLink:
    """Link the MARAC case to the nominal (and their open MAPPA case) and alert the co-ordinators."""
    if nominal.area_id != case.area_id:
        raise ValidationError("The person is on another area's register")
    existing = MappaLink.objects.filter(marac_case=case, nominal=nominal).first()
    if existing is not None:
        return existing
    coordinators = notices.mappa_coordinators(case.area_id)
    with transaction.atomic():
        link = MappaLink.objects.create(
            marac_case=case,
            nominal=nominal,
            mappa_case=MappaCase.objects.filter(nominal=nominal, closed_on__isnull=True).first(),
            found_by=found_by,
            matched_on=matched_on,
            raised_at=timezone.now(),
            coordinators_alerted=len([user for user in coordinators if user.email]),
        )
        case.perpetrator_nominal = nominal
        case.save(update_fields=["perpetrator_nominal"])
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_MAPPA_LINK_RAISED,
            subject=case.id,
            payload={
                "case": str(case.id),
                "nominal": str(nominal.id),
                "mappa_case": str(link.mappa_case_id) if link.mappa_case_id else None,
                "found_by": str(found_by),
            },
        )
        transaction.on_commit(lambda: notices.alert_mappa_coordinators(link, coordinators))
    return link


def share_fact(*, actor, link: MappaLink, text: str) -> SharedFact:
    """Record a fact the MARAC agreed to share with the perpetrator's MAPPA case."""
    if not text.strip():
        raise ValidationError({"text": "Enter the fact to share with MAPPA"})
    with transaction.atomic():
        fact = SharedFact.objects.create(
            link=link, text=text.strip(), shared_by=actor, shared_at=timezone.now()
        )
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_FACT_SHARED,
            subject=link.marac_case_id,
            payload={
                "case": str(link.marac_case_id),
                "fact": str(fact.id),
                "mappa_case": str(link.mappa_case_id) if link.mappa_case_id else None,
            },
        )
    return fact
