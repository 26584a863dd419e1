"""The desk's one write: loading the demo area, its agencies, personas and cases (`mappa demo`).

Loading is idempotent and refuses to touch a database that holds real data.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from mappa.agencies.models import Agency, ApiToken, Area, User
from mappa.agencies.services import token_digest
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import queries as case_queries
from mappa.cases import services as cases
from mappa.cases.models import MappaCase
from mappa.custody import services as custody
from mappa.desk.demo import (
    AGENCIES,
    AREAS,
    DEMO_NOMINALS,
    PERSONAS,
    Persona,
    RealDataPresent,
    demo_secret,
)
from mappa.people import services as register
from mappa.people.models import Nominal


def _refuse_if_real_data() -> None:
    real = [
        name
        for name, model in (("areas", Area), ("agencies", Agency), ("users", User))
        if model.objects.filter(is_demo=False).exists()
    ]
    if real:
        raise RealDataPresent(
            f"this database holds non-demo {', '.join(real)}; "
            "demo data is loaded only into a demo database"
        )


def _load_persona(
    persona: Persona, areas: dict[str, Area], agencies: dict[tuple[str, str], Agency]
) -> User:
    user, _ = User.objects.get_or_create(
        username=persona.username, defaults={"role": persona.role, "is_demo": True}
    )
    user.role = persona.role
    user.area = areas[persona.area] if persona.area else None
    user.agency = agencies[(persona.area, persona.agency)] if persona.agency else None
    user.first_name, user.last_name, user.job_title = (
        persona.first_name,
        persona.last_name,
        persona.job_title,
    )
    user.email = f"{persona.username}@demo.mappa.invalid"
    user.is_active = True
    if not user.check_password(demo_secret(persona.username)):
        user.set_password(demo_secret(persona.username))
    user.save()
    digest = token_digest(demo_secret(persona.username))
    if not ApiToken.objects.filter(digest=digest).exists():
        ApiToken.objects.create(
            user=user,
            name="Demo token",
            digest=digest,
            prefix=demo_secret(persona.username)[:8],
            created_at=timezone.now(),
        )
    return user


def load_demo(*, nominals: bool = True) -> list[User]:
    """Create or refresh the demo areas, agencies and personas, and (unless told not to) demo cases."""
    with transaction.atomic():
        _refuse_if_real_data()
        areas = {}
        for code, (name, population) in AREAS.items():
            areas[code], _ = Area.objects.update_or_create(
                code=code, defaults={"name": name, "population": population, "is_demo": True}
            )
        agencies = {}
        for code, entries in AGENCIES.items():
            for name, kind in entries:
                agencies[(code, name)], _ = Agency.objects.update_or_create(
                    area=areas[code], name=name, defaults={"kind": kind, "is_demo": True}
                )
        users = [_load_persona(persona, areas, agencies) for persona in PERSONAS]
        if nominals:
            _load_nominals()
        audit.record(
            actor=None,
            event_type=EventType.DEMO_DATA_LOADED,
            payload={"areas": sorted(areas), "users": len(users)},
        )
    return users


def _load_nominals() -> None:
    """Demo cases: a few people on each area's register, imported like any other data."""
    register.import_nominals(
        actor=None, open_lines=lambda: DEMO_NOMINALS.open(encoding="utf-8"), source="demo data"
    )
    _name_officers()
    _custody_records()


def _name_officers() -> None:
    """Each open demo case without a responsible officer gets the lead agency's first
    practitioner in its area, named as anyone would name one (`cases.services`)."""
    unnamed = MappaCase.objects.filter(
        nominal__area__is_demo=True, closed_on__isnull=True, responsible_officer__isnull=True
    ).select_related("nominal")
    for case in unnamed:
        officer = case_queries.officers_for(case).first()
        if officer is not None:
            cases.name_responsible_officer(
                actor=None, case=case, version=case.nominal.version, officer=officer
            )


# The demo's person in custody (Gary Cole, serving an IPP) has a parole hearing this many days
# ahead, so the releases queue shows him (docs/custody.md).
DEMO_PAROLE_HEARING_DAYS = 120


def _custody_records() -> None:
    """The demo's people in custody get a custody record: the prison and a parole hearing date,
    recorded as anyone would record them (`custody.services`)."""
    hearing = timezone.localdate() + timedelta(days=DEMO_PAROLE_HEARING_DAYS)
    for nominal in Nominal.objects.filter(
        area__is_demo=True, crn="X567890", custody_periods__ended_on__isnull=True
    ).prefetch_related("custody_periods"):
        record = getattr(nominal, "custody_record", None)
        custody.save_custody_record(
            actor=None,
            nominal=nominal,
            version=record.version if record else None,
            establishment="HMP Bedford",
            expected_release_on=None,
            parole_hearing_on=hearing,
        )
