"""The demo areas, agencies and personas of the contract (shared/contracts/README.md).

Loading is idempotent and refuses to touch a database that holds real data.
For every persona the password and the API token are both `demo-<username>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from mappa.agencies.constants import AgencyKind, Role
from mappa.agencies.models import Agency, ApiToken, Area, User
from mappa.agencies.services import token_digest
from mappa.audit import services as audit
from mappa.audit.events import EventType


class RealDataPresent(Exception):
    pass


AREAS = {
    "DEMO": ("Demoshire MAPPA area", 1_200_000),
    "OTHER": ("Otherford MAPPA area", 900_000),
}

COORDINATION_UNIT = "MAPPA co-ordination unit (probation)"
DEMO_NOMINALS = Path(__file__).resolve().parent / "demo_data" / "nominals.jsonl"

AGENCIES = {
    "DEMO": [
        (COORDINATION_UNIT, AgencyKind.PROBATION),
        ("Police", AgencyKind.POLICE),
        ("Probation", AgencyKind.PROBATION),
        ("Prison", AgencyKind.PRISON),
        ("Children's social care", AgencyKind.CHILDRENS_SOCIAL_CARE),
        ("Adult social care", AgencyKind.ADULT_SOCIAL_CARE),
        ("Housing authority", AgencyKind.HOUSING_AUTHORITY),
        ("Youth offending team", AgencyKind.YOUTH_OFFENDING),
        ("Mental health trust", AgencyKind.MENTAL_HEALTH),
        ("Jobcentre Plus", AgencyKind.DWP),
    ],
    "OTHER": [
        ("Police", AgencyKind.POLICE),
        ("Probation", AgencyKind.PROBATION),
    ],
}


@dataclass(frozen=True)
class Persona:
    username: str
    role: str
    agency: str | None
    area: str | None
    first_name: str
    last_name: str
    job_title: str


PERSONAS = [
    Persona(
        "coordinator",
        Role.COORDINATOR,
        COORDINATION_UNIT,
        "DEMO",
        "Priya",
        "Shah",
        "MAPPA co-ordinator",
    ),
    Persona("chair.police", Role.CHAIR, "Police", "DEMO", "Gareth", "Evans", "Detective Inspector"),
    Persona(
        "police.ppu",
        Role.RA_PRACTITIONER,
        "Police",
        "DEMO",
        "Dana",
        "Whitfield",
        "Detective Constable, public protection unit",
    ),
    Persona(
        "probation.om",
        Role.RA_PRACTITIONER,
        "Probation",
        "DEMO",
        "Tom",
        "Adeyemi",
        "Probation officer",
    ),
    Persona(
        "prison.pom",
        Role.RA_PRACTITIONER,
        "Prison",
        "DEMO",
        "Rachel",
        "Moss",
        "Prison offender manager",
    ),
    Persona(
        "mash.manager",
        Role.MASH_NAMED_PERSON,
        "Children's social care",
        "DEMO",
        "Helen",
        "Carter",
        "MASH manager",
    ),
    Persona(
        "housing.officer",
        Role.DTC_PRACTITIONER,
        "Housing authority",
        "DEMO",
        "Imran",
        "Malik",
        "Housing options officer",
    ),
    Persona(
        "disclosure.officer",
        Role.DISCLOSURE_OFFICER,
        "Police",
        "DEMO",
        "Claire",
        "Hughes",
        "Disclosure officer",
    ),
    Persona(
        "marac.coordinator",
        Role.MARAC_COORDINATOR,
        "Police",
        "DEMO",
        "Lena",
        "Novak",
        "MARAC co-ordinator",
    ),
    Persona(
        "smb.member",
        Role.SMB_MEMBER,
        "Police",
        "DEMO",
        "Martin",
        "Reid",
        "Detective Superintendent, SMB member",
    ),
    Persona("lay.adviser", Role.LAY_ADVISER, None, "DEMO", "Joan", "Ellis", "Lay adviser"),
    Persona(
        "outsider.police",
        Role.RA_PRACTITIONER,
        "Police",
        "OTHER",
        "Owen",
        "Price",
        "Detective Constable",
    ),
    Persona("sysadmin", Role.SYSADMIN, None, None, "Sys", "Admin", "System administrator"),
]


def demo_secret(username: str) -> str:
    return f"demo-{username}"


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
    from mappa.people import services as register

    register.import_nominals(
        actor=None, open_lines=lambda: DEMO_NOMINALS.open(encoding="utf-8"), source="demo data"
    )
