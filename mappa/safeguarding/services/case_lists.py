"""Every change to named persons and case lists, and the case list's export.

Each function takes keyword-only arguments and a required `actor`, runs in one
transaction with its audit event, and leaves e-mail until the transaction commits.
"""

from __future__ import annotations

import io
from datetime import date
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from mappa import csv_cells
from mappa.agencies import permissions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.kit import links
from mappa.linkage import files as linkage_files
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import AgendaItem
from mappa.people.constants import AddressKind
from mappa.safeguarding import queries, rules
from mappa.safeguarding.models import CaseList, CaseListEntry, NamedPerson

SUBJECT = "MAPPA case list published"


def designate_named_person(*, actor, user, position: str) -> NamedPerson:
    """Name a MASH named person for the actor's area, up to the area's limit."""
    area = actor.area
    if user.area_id != area.pk or not permissions.role_has(user, permissions.MASH_CHECKS):
        raise ValidationError({"user": "Choose a MASH named-person account in your area"})
    with transaction.atomic():
        active = queries.named_persons(area).select_for_update()
        if active.filter(user=user).exists():
            raise ValidationError({"user": f"{user.display_name} is already a named person"})
        limit = settings.MAPPA_MASH_NAMED_PERSONS_PER_AREA
        if not rules.may_designate(active.count(), limit):
            raise ValidationError(
                f"This area already has {limit} named persons: end one designation first"
            )
        designation = NamedPerson.objects.create(
            area=area,
            user=user,
            position=position,
            designated_by=actor,
            designated_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.MASH_NAMED_PERSON_DESIGNATED,
            payload={
                "designation": str(designation.id),
                "user": user.username,
                "position": position,
            },
        )
    return designation


def end_designation(*, actor, designation: NamedPerson) -> NamedPerson:
    with transaction.atomic():
        designation.ended_at = timezone.now()
        designation.ended_by = actor
        designation.save(update_fields=["ended_at", "ended_by"])
        audit.record(
            actor=actor,
            event_type=EventType.MASH_NAMED_PERSON_ENDED,
            payload={"designation": str(designation.id), "user": designation.user.username},
        )
    return designation


def items_for_case_list(area, today: date):
    """Agenda items of the area's planned meetings in the case list's window, first first."""
    first, last = rules.case_list_window(today, settings.MAPPA_MASH_CASE_LIST_DAYS)
    return (
        AgendaItem.objects.filter(
            meeting__area=area,
            meeting__status=MeetingStatus.PLANNED,
            meeting__date__range=(first, last),
        )
        .select_related("meeting", "case__nominal")
        .prefetch_related("case__nominal__aliases", "case__nominal__addresses")
        .order_by("meeting__date", "starts_at")
    )


def _addresses(nominal):
    current = [a for a in nominal.addresses.all() if a.valid_to is None]
    proposed = [a for a in current if a.kind == AddressKind.PROPOSED_RELEASE]
    home = [a for a in current if a.kind != AddressKind.PROPOSED_RELEASE]
    main = (home or proposed or [None])[0]
    others = [a for a in current if a is not main]
    return main, others


def _address_fields(address) -> dict:
    if address is None:
        return {"address_line_1": "", "address_line_2": "", "town": "", "postcode": ""}
    return {
        "address_line_1": address.line_1,
        "address_line_2": address.line_2,
        "town": address.town,
        "postcode": address.postcode,
    }


def _entry_for(case_list: CaseList, item: AgendaItem) -> CaseListEntry:
    nominal = item.case.nominal
    main, others = _addresses(nominal)
    aliases = "; ".join(
        f"{alias.forenames} {alias.surname}".strip() for alias in nominal.aliases.all()
    )
    return CaseListEntry(
        case_list=case_list,
        case=item.case,
        agenda_item=item,
        meeting=item.meeting,
        forenames=nominal.forenames,
        surname=nominal.surname,
        date_of_birth=nominal.date_of_birth,
        aliases=aliases,
        other_addresses=[_address_fields(address) for address in others],
        category=item.case.category,
        level=item.case.level,
        meeting_date=item.meeting.date,
        **_address_fields(main),
    )


def publish_case_list(*, actor, today: date | None = None) -> CaseList:
    """Build this week's case list from the agendas and tell the named persons (a link only)."""
    today = today or timezone.localdate()
    area = actor.area
    items = list(items_for_case_list(area, today))
    if not items:
        raise ValidationError(
            "No planned meeting in the next "
            f"{settings.MAPPA_MASH_CASE_LIST_DAYS} days has anyone on its agenda"
        )
    recipients = [designation.user for designation in queries.named_persons(area)]
    if not recipients:
        raise ValidationError("Name the MASH named persons for your area first")
    links.require_site("send e-mails")
    link = links.page("mash-home")
    first, last = rules.case_list_window(today, settings.MAPPA_MASH_CASE_LIST_DAYS)
    with transaction.atomic():
        case_list = CaseList.objects.create(
            area=area,
            week_starting=rules.week_starting(today),
            meetings_from=first,
            meetings_to=last,
            published_by=actor,
            published_at=timezone.now(),
        )
        seen, entries = set(), []
        for item in items:
            if item.case_id not in seen:
                seen.add(item.case_id)
                entries.append(_entry_for(case_list, item))
        CaseListEntry.objects.bulk_create(entries)
        audit.record(
            actor=actor,
            event_type=EventType.MASH_CASE_LIST_PUBLISHED,
            payload={
                "case_list": str(case_list.id),
                "entries": len(entries),
                "recipients": len(recipients),
            },
        )
        transaction.on_commit(partial(_tell, recipients, link))
    return case_list


def _tell(recipients, link: str) -> None:
    with get_connection() as connection:
        for user in recipients:
            if not user.email:
                continue
            body = render_to_string(
                "safeguarding/email/case_list_published.txt",
                {"name": user.display_name, "link": link},
            )
            send_mail(
                SUBJECT, body, settings.DEFAULT_FROM_EMAIL, [user.email], connection=connection
            )


def case_list_rows(case_list: CaseList) -> list[dict]:
    """The list in the contract's case-list columns (mash-check.md)."""
    rows = []
    for entry in case_list.entries.all():
        rows.append(
            {
                "case_id": str(entry.case_id),
                "forenames": entry.forenames,
                "surname": entry.surname,
                "date_of_birth": entry.date_of_birth.isoformat() if entry.date_of_birth else "",
                "aliases": entry.aliases,
                "address_line_1": entry.address_line_1,
                "address_line_2": entry.address_line_2,
                "town": entry.town,
                "postcode": entry.postcode,
                "category": entry.category or "",
                "level": entry.level or "",
                "meeting_date": entry.meeting_date.isoformat(),
            }
        )
    return rows


CASE_LIST_COLUMNS = linkage_files.CASE_LIST_REQUIRED + linkage_files.CASE_LIST_OPTIONAL


def export_case_list(*, actor, case_list: CaseList, via: str) -> str:
    """The list as CSV, every row marked with the marking, recipient and time; audited."""
    now = timezone.now()
    marking = {
        "protective_marking": settings.MAPPA_PROTECTIVE_MARKING,
        "exported_for": actor.display_name,
        "exported_at": now.isoformat(timespec="seconds"),
    }
    rows = case_list_rows(case_list)
    out = io.StringIO()
    writer = csv_cells.DictWriter(out, fieldnames=[*CASE_LIST_COLUMNS, *rules.MARKING_COLUMNS])
    writer.writeheader()
    writer.writerows({**row, **marking} for row in rows)
    with transaction.atomic():
        audit.record(
            actor=actor,
            event_type=EventType.MASH_CASE_LIST_EXPORTED,
            payload={"case_list": str(case_list.id), "rows": len(rows), "via": via},
        )
    return out.getvalue()


def record_read(*, actor, record, view: str) -> None:
    """Every read of the case list and the MASH records is audited."""
    audit.record(
        actor=actor,
        event_type=EventType.MASH_RECORD_READ,
        payload={"record": str(record.pk), "view": view},
    )
