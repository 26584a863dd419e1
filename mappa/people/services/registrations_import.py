"""Importing nDelius-coded MAPPA registrations onto the open cases of the nominals they name."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import registrations
from mappa.cases.models import LevelChange, MappaCase
from mappa.people.models import Nominal
from mappa.people.services import pdp_guard


class RegistrationsRejected(Exception):
    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


def import_registrations(*, actor, text: str, source: str) -> dict[str, int]:
    """Apply nDelius-coded registrations to the open cases of the nominals they name, all or nothing."""
    rows, problems = registrations.read(text)
    nominals = {
        n.crn.upper(): n
        for n in Nominal.objects.filter(crn__isnull=False).only("id", "crn", "area_id")
    }
    named = (nominals[row.crn.upper()].id for row in rows if row.crn.upper() in nominals)
    pdps = pdp_guard.open_pdps(named)
    for line, row in enumerate(rows, start=2):
        if row.crn.upper() not in nominals:
            problems.append(f"line {line}: crn: no nominal on the register has the CRN {row.crn!r}")
        elif case := pdps.get(nominals[row.crn.upper()].id):
            problems.append(f"line {line}: crn: {row.crn}: {pdp_guard.managed_as_pdp(case)}")
    if problems:
        raise RegistrationsRejected(sorted(problems, key=lambda p: int(p.split(":")[0].split()[1])))
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    today = timezone.localdate()
    with transaction.atomic():
        for row in rows:
            counts[_apply(nominals[row.crn.upper()], row, today)] += 1
        audit.record(
            actor=actor,
            event_type=EventType.REGISTRATIONS_IMPORTED,
            payload={"source": source, **counts},
        )
    return counts


def _apply(nominal: Nominal, row: registrations.Registration, today) -> str:
    case = MappaCase.objects.filter(nominal=nominal, closed_on__isnull=True).first()
    fields = {
        "category": row.category,
        "level": row.level,
        "start_date": row.start_date,
        "next_review_due": row.review_date,
    }
    if case is None:
        case = MappaCase.objects.create(nominal=nominal, **fields)
        if row.level:
            LevelChange.objects.create(
                case=case, level=row.level, effective_from=row.start_date or today
            )
        return "created"
    if all(getattr(case, name) == value for name, value in fields.items()):
        return "unchanged"
    if row.level and row.level != case.level:
        LevelChange.objects.create(case=case, level=row.level, effective_from=today)
    for name, value in fields.items():
        setattr(case, name, value)
    case.save(update_fields=list(fields))
    return "updated"
