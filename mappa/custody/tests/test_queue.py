"""The releases queue: who is on it, in which order, red, amber or green; and who sees it."""

import json
from datetime import date

import pytest

from mappa.custody import queries, rules, services
from mappa.custody.tests.conftest import TODAY, days, fresh, screening_data
from mappa.people import records
from mappa.people.import_format import NominalRecord
from mappa.people.models import Nominal
from mappa.people.services import save_nominal

pytestmark = pytest.mark.django_db


def put_in_custody(users, nominal, started: date, release_on: date | None) -> Nominal:
    """Through the register, as a prison's update would arrive."""
    held = records.exportable(Nominal.objects.filter(id=nominal.id)).get()
    record = json.loads(records.to_record(held).to_json())
    record["custody"] = {
        "periods": [
            *(record.get("custody") or {}).get("periods", []),
            {"from": started.isoformat(), "to": None},
        ],
        "release_date": release_on and release_on.isoformat(),
        "licence_end_date": None,
    }
    return save_nominal(
        actor=users["prison.pom"],
        record=NominalRecord.model_validate_json(json.dumps(record)),
        nominal=held,
        version=held.version,
        via="test",
    )


def queue(users, who="coordinator", today=TODAY):
    return queries.releases_queue(users[who], today)


def test_the_queue_holds_the_area_s_eligible_people_in_custody_due_out_within_the_window(
    users, cole
):
    rows = queue(users)
    assert [(row.nominal.surname, row.due.kind, row.due.on) for row in rows] == [
        ("Cole", "parole", days(120))
    ]
    # lead time 6 months: the level was due two months before today
    assert rows[0].status == rules.RED and rows[0].category == 1


def test_most_urgent_first(users, cole, settings):
    settings.MAPPA_RELEASES_MONTHS = 12
    rahman = Nominal.objects.get(crn="X345678")  # category 1, not in custody
    put_in_custody(users, rahman, date(2026, 1, 1), days(300))  # deadline ~4 months ahead: green
    walsh = Nominal.objects.get(crn="X456789")  # category 3
    put_in_custody(users, walsh, date(2026, 10, 1), days(200))  # deadline ~20 days ahead: amber
    rows = queue(users)
    assert [(row.nominal.surname, row.status) for row in rows] == [
        ("Cole", rules.RED),
        ("Walsh", rules.AMBER),
        ("Rahman", rules.GREEN),
    ]


def test_beyond_the_window_is_not_yet_on_the_queue(users, cole, settings):
    settings.MAPPA_RELEASES_MONTHS = 3
    assert queue(users) == []


def test_a_level_decided_in_custody_turns_the_row_green(users, cole):
    screening = services.record_screening(
        actor=users["prison.pom"], nominal=fresh(cole), **screening_data(users)
    )
    assert queue(users)[0].screening == screening
    services.decide_level(
        actor=users["coordinator"],
        screening=screening,
        version=screening.version,
        level=2,
        rationale="Set",
    )
    (row,) = queue(users)
    assert (row.status, row.level_decided) == (rules.GREEN, True)


def test_a_released_person_leaves_the_queue(users, cole):
    held = fresh(cole)
    services.record_release(actor=users["prison.pom"], nominal=held, version=held.version, on=TODAY)
    assert queue(users) == []


@pytest.mark.parametrize("who", ["coordinator", "prison.pom", "probation.om", "police.ppu"])
def test_the_area_s_coordinators_and_practitioners_see_the_queue(users, cole, who):
    assert [row.nominal.id for row in queue(users, who)] == [cole.id]


@pytest.mark.parametrize("who", ["outsider.police", "housing.officer", "lay.adviser", "sysadmin"])
def test_no_one_outside_the_area_s_responsible_authority_sees_it(users, cole, who):
    assert queue(users, who) == []


def test_the_queue_takes_a_fixed_number_of_queries_however_many_are_on_it(users, cole, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.MAPPA_RELEASES_MONTHS = 12
    with CaptureQueriesContext(connection) as one:
        assert len(queue(users)) == 1
    put_in_custody(users, Nominal.objects.get(crn="X345678"), date(2026, 1, 1), days(300))
    put_in_custody(users, Nominal.objects.get(crn="X456789"), date(2026, 10, 1), days(200))
    with CaptureQueriesContext(connection) as three:
        assert len(queue(users)) == 3
    assert len(three) == len(one)
