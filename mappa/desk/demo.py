"""The demo areas, agencies and personas of the contract (shared/contracts/README.md).

`services.load_demo` loads them: idempotently, and never into a database that holds real data.
For every persona the password and the API token are both `demo-<username>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mappa.agencies.constants import AgencyKind, Role


class RealDataPresent(Exception):
    pass


AREAS = {
    "DEMO": ("Demoshire MAPPA area", 1_200_000),
    "OTHER": ("Otherford MAPPA area", 900_000),
}

COORDINATION_UNIT = "MAPPA co-ordination unit (probation)"
DEMO_NOMINALS = Path(__file__).resolve().parent / "demo_data" / "nominals.jsonl"
# What `mappa demo` adds to show the custody queue and a PDP (docs/custody.md, docs/pdp.md): Paul
# Reeve, in custody with his level decided before release, and Craig Dunn, managed as a PDP. Not in
# `load_demo`, whose records the tests build on.
DEMO_SHOWCASE = Path(__file__).resolve().parent / "demo_data" / "showcase.jsonl"

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
        # Otherford's co-ordination unit: its co-ordinator receives transfers (docs/transfers.md).
        (COORDINATION_UNIT, AgencyKind.PROBATION),
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
    Persona(
        "coordinator.other",
        Role.COORDINATOR,
        COORDINATION_UNIT,
        "OTHER",
        "Nia",
        "Okafor",
        "MAPPA co-ordinator",
    ),
    Persona("sysadmin", Role.SYSADMIN, None, None, "Sys", "Admin", "System administrator"),
]


def demo_secret(username: str) -> str:
    return f"demo-{username}"
