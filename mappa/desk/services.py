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
from mappa.cases.constants import CaseKind
from mappa.cases.models import MappaCase
from mappa.cases.services import pdp
from mappa.custody import queries as custody_queries
from mappa.custody import services as custody
from mappa.custody.constants import ScreeningStatus
from mappa.desk.demo import (
    AGENCIES,
    AREAS,
    DEMO_NOMINALS,
    DEMO_SHOWCASE,
    PERSONAS,
    Persona,
    RealDataPresent,
    demo_secret,
)
from mappa.people import services as register
from mappa.people.eligibility import for_nominal
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


# Paul Reeve (showcase) is due for release this many days ahead: on the releases queue in green,
# his level decided at screening.
DEMO_RELEASE_DAYS = 75


def load_showcase(users: dict[str, User]) -> None:
    """`mappa demo`'s showcase, beyond `load_demo`: a second person in custody (Paul Reeve, his
    level decided at screening, so green on the releases queue) and a potentially dangerous
    person (Craig Dunn, managed by the police). Everything goes through the services anyone
    would use, and a second run finds it done and changes nothing but the dates kept ahead."""
    register.import_nominals(
        actor=None, open_lines=lambda: DEMO_SHOWCASE.open(encoding="utf-8"), source="demo data"
    )
    _showcase_release(users, Nominal.objects.get(crn="X789012", area__is_demo=True))
    _showcase_pdp(users, Nominal.objects.get(crn="X890123", area__is_demo=True))


def _showcase_release(users, nominal: Nominal) -> None:
    today = timezone.localdate()
    record = getattr(nominal, "custody_record", None)
    nominal = custody_queries.get_person(users["prison.pom"], nominal.id)
    if custody_queries.open_period(nominal) is None:
        return  # released since (someone used the demo): leave it as it is
    custody.save_custody_record(
        actor=users["prison.pom"],
        nominal=nominal,
        version=record.version if record else None,
        establishment="HMP Bedford",
        expected_release_on=today + timedelta(days=DEMO_RELEASE_DAYS),
        parole_hearing_on=None,
    )
    screening = custody_queries.screenings_of(nominal).first()
    if screening is None:
        screening = custody.record_screening(
            actor=users["prison.pom"],
            nominal=nominal,
            category=1,
            proposed_level=2,
            rationale="Sexual offence against a 15-year-old; the victim's family lives near the "
            "proposed release address",
            information_to_share="Letters to the victim's school friends stopped by security",
            report_requested=False,
            report_due_on=None,
            offender_manager=users["probation.om"],
        )
    if screening.status == ScreeningStatus.AWAITING_DECISION:
        custody.decide_level(
            actor=users["coordinator"],
            screening=screening,
            version=screening.version,
            level=2,
            rationale="Level 2 agreed: a pre-release meeting to plan the exclusion zone",
        )


def _showcase_pdp(users, nominal: Nominal) -> None:
    if MappaCase.objects.filter(nominal=nominal, kind=CaseKind.PDP).exists():
        return
    today = timezone.localdate()
    officer = users["police.ppu"]
    case = pdp.propose(
        actor=officer,
        nominal=nominal,
        version=nominal.version,
        eligibility=for_nominal(nominal, today),
        grounds="Repeated threats to kill a former partner and her new partner, and a knife "
        "found in his car outside her home; no conviction",
    )
    case = MappaCase.objects.select_related("nominal").get(id=case.id)
    pdp.decide(
        actor=officer,
        case=case,
        version=case.nominal.version,
        eligibility=for_nominal(case.nominal, today),
        manage=True,
        rank="inspector",
        rationale="A present likelihood of serious harm to his former partner: managed as a PDP "
        "with a police-led plan and a disclosure decision to consider",
        decided_on=today,
    )
