"""Removing an entry (alias, address, associated person, conviction, event) from a record."""

import json

import pytest

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.offences.models import Conviction
from mappa.people import services
from mappa.people.import_format import NominalRecord
from mappa.people.models import Alias, Nominal
from mappa.people.tests.pages import with_version
from mappa.people.tests.records import record

pytestmark = pytest.mark.django_db


def saved(demo, **changes) -> Nominal:
    data = NominalRecord.model_validate_json(json.dumps(record(1, **changes)))
    return services.save_nominal(actor=demo["coordinator"], record=data, via="test")


def remove_url(nominal, section, item) -> str:
    return f"/people/{nominal.id}/{section}/{item.pk}/remove/"


def test_asking_shows_the_entry_and_changes_nothing(signed_in, demo):
    smith = saved(demo)
    alias = smith.aliases.get()
    page = signed_in("probation.om").get(remove_url(smith, "alias", alias))
    assert page.status_code == 200
    assert "Remove this alias or nickname?" in page.content.decode()
    assert "Johnny Smith" in page.content.decode()
    assert Alias.objects.filter(nominal=smith).count() == 1


def test_the_person_page_links_each_entry_to_its_removal(signed_in, demo):
    smith = saved(demo)
    page = signed_in("probation.om").get(f"/people/{smith.id}/").content.decode()
    for section, item in [
        ("alias", smith.aliases.get()),
        ("address", smith.addresses.get()),
        ("association", smith.associations.get()),
        ("conviction", smith.convictions.get()),
        ("event", smith.events.get()),
    ]:
        assert remove_url(smith, section, item) in page


def test_removing_a_conviction_takes_it_off_the_record_and_audits_it(signed_in, demo):
    smith = saved(
        demo,
        offences=[
            record()["offences"][0],
            {"offence": "TA1968/s1", "outcome": "conviction", "date": "2019-01-01"},
        ],
    )
    theft = smith.convictions.get(offence_code="TA1968/s1")
    response = signed_in("probation.om").post(
        remove_url(smith, "conviction", theft), with_version(smith)
    )
    assert response.status_code == 302
    assert list(
        Conviction.objects.filter(nominal=smith).values_list("offence_code", flat=True)
    ) == ["SOA2003/s3"]
    event = AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED).last()
    assert event.subject == smith.id
    assert event.payload == {"via": "web", "fields": ["offences"]}


def test_removing_an_alias_stops_it_finding_the_person(signed_in, demo):
    smith = saved(demo)
    signed_in("probation.om").post(
        remove_url(smith, "alias", smith.aliases.get()), with_version(smith)
    )
    assert not smith.aliases.exists()
    assert not smith.name_keys.filter(token="johnny").exists()


def test_a_removal_that_would_leave_the_record_invalid_is_refused_and_changes_nothing(
    signed_in, demo
):
    # the only alias of a person with no forenames: the record needs one or the other
    smith = saved(demo, name={"surname": "Smith"})
    response = signed_in("probation.om").post(
        remove_url(smith, "alias", smith.aliases.get()), with_version(smith)
    )
    assert response.status_code == 200
    assert "give forenames or at least one alias" in response.content.decode()
    assert smith.aliases.count() == 1


@pytest.mark.parametrize(
    ("username", "status"), [("outsider.police", 404), ("housing.officer", 403)]
)
def test_people_who_may_not_change_the_record_cannot_remove_from_it(
    signed_in, demo, username, status
):
    smith = saved(demo)
    response = signed_in(username).post(
        remove_url(smith, "alias", smith.aliases.get()), with_version(smith)
    )
    assert response.status_code == status
    assert smith.aliases.count() == 1


@pytest.mark.parametrize("path", ["alias/9999/remove/", "identity/1/remove/"])
def test_an_unknown_entry_or_section_is_not_found(signed_in, demo, path):
    smith = saved(demo)
    assert signed_in("probation.om").post(f"/people/{smith.id}/{path}").status_code == 404


def test_one_of_two_consecutive_terms_cannot_be_removed_alone(signed_in, demo):
    grouped = {
        "offence": "SOA2003/s3",
        "outcome": "conviction",
        "date": "2021-09-14",
        "disposal": {"type": "imprisonment", "term_months": 18, "consecutive_group": "A"},
    }
    smith = saved(demo, offences=[grouped, grouped | {"date": "2021-09-15"}])
    response = signed_in("probation.om").post(
        remove_url(smith, "conviction", smith.convictions.first()), with_version(smith)
    )
    assert "no other offence in this record is in consecutive group" in response.content.decode()
    assert smith.convictions.count() == 2
