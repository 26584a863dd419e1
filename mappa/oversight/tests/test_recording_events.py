"""The events the annual tables count are recorded on the person's record through the register's
own write path, with the import's kinds; a serious further offence charge then awaits
notification to the board."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.agencies.models import User
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.oversight import queries
from mappa.people.constants import EventKind
from mappa.people.import_format import NominalRecord
from mappa.people.models import Nominal, RecordedEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def smith(db):
    from mappa.desk.services import load_demo

    load_demo()
    return Nominal.objects.get(crn="X123456")


def test_every_kind_the_tables_count_is_an_import_kind():
    kinds = NominalRecord.model_json_schema()["$defs"]
    names = {
        value
        for definition in kinds.values()
        for value in definition.get("enum", [])
        if value in EventKind.values
    }
    assert names == set(EventKind.values)


def test_a_practitioner_records_a_charge_on_the_person_page(signed_in, demo_mode, smith):
    client = signed_in("probation.om")
    page = client.get(f"/people/{smith.id}/")
    assert f"/people/{smith.id}/event/".encode() in page.content
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        f"/people/{smith.id}/event/",
        {"kind": "sfo_charged", "date": day.strftime("%d/%m/%Y"), "version": smith.version},
    )
    assert response.status_code == 302
    assert RecordedEvent.objects.filter(nominal=smith, kind="sfo_charged", occurred_on=day).exists()
    assert RecordedEvent.objects.filter(nominal=smith, kind="shpo_imposed").exists()  # kept
    update = AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED).last()
    assert update.payload == {"via": "web", "fields": ["events"]}
    assert b"Charged with a serious further offence" in client.get(f"/people/{smith.id}/").content
    coordinator = User.objects.get(username="coordinator")
    [charge] = queries.charges_awaiting_notification(coordinator, timezone.localdate())
    assert charge["case"].nominal == smith and charge["charged_on"] == day


def test_an_event_needs_its_kind_and_a_real_date(signed_in, demo_mode, smith):
    response = signed_in("probation.om").post(
        f"/people/{smith.id}/event/", {"kind": "", "date": "31/02/2026"}
    )
    assert response.status_code == 200
    assert b"Choose what happened" in response.content
    assert b"Date must be a real date" in response.content
    assert RecordedEvent.objects.filter(nominal=smith).count() == 1
