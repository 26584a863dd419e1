"""One nominal in the API: the whole record out, the whole record (PUT) or some of it (PATCH) back."""

import json
from datetime import date

import pytest
from django.test import Client

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import services as cases
from mappa.cases.constants import DecisionSource
from mappa.cases.models import LevelChange
from mappa.offences.models import Conviction
from mappa.people import services
from mappa.people.import_format import NominalRecord
from mappa.people.models import Address, Nominal
from mappa.people.tests.records import record

pytestmark = pytest.mark.django_db


def api(username: str = "probation.om") -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def saved(demo, n: int = 1, **changes) -> Nominal:
    data = NominalRecord.model_validate_json(json.dumps(record(n, **changes)))
    return services.save_nominal(actor=demo["coordinator"], record=data, via="test")


def url(nominal) -> str:
    return f"/api/v1/nominals/{nominal.id}/"


def send(method: str, nominal, body, etag: str | None, client=None, **headers):
    client = client or api()
    if etag is not None:
        headers["If-Match"] = etag
    call = getattr(client, method)
    content_type = "application/merge-patch+json" if method == "patch" else "application/json"
    return call(url(nominal), json.dumps(body), content_type=content_type, headers=headers)


def test_get_returns_the_whole_record_in_the_import_format_with_an_etag(demo):
    smith = saved(demo)
    response = api().get(url(smith))
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    body = response.json()
    assert set(body) == {"id", "eligibility", *NominalRecord.model_fields}
    expected = record(1)
    for key in ("aliases", "associations", "events", "custody", "date_of_birth", "area"):
        assert body[key] == expected[key], key
    assert body["addresses"][0]["postcode"] == "MK42 8PP"
    assert body["offences"][0]["offence"] == "SOA2003/s3"
    assert body["external_ids"] == expected["external_ids"]
    assert body["mappa"]["level_history"] == [{"level": 2, "from": "2022-06-01"}]


def test_putting_back_what_get_gave_changes_nothing(demo):
    smith = saved(demo)
    got = api().get(url(smith))
    digest = Nominal.objects.get().record_digest
    rows = set(Address.objects.values_list("pk", flat=True))
    response = send("put", smith, got.json(), got["ETag"])
    assert response.status_code == 200, response.content
    assert response.json() == got.json() and response["ETag"] == got["ETag"]
    assert Nominal.objects.get().record_digest == digest
    assert set(Address.objects.values_list("pk", flat=True)) == rows
    assert not AuditEvent.objects.filter(event_type=EventType.NOMINAL_UPDATED).exists()


def test_a_put_changes_what_it_changes_and_moves_the_etag_on(demo):
    smith = saved(demo)
    got = api().get(url(smith))
    body = got.json() | {"ethnicity": "White Irish"}
    response = send("put", smith, body, got["ETag"])
    assert response.status_code == 200, response.content
    assert response["ETag"] == '"2"'
    assert response.json()["ethnicity"] == "White Irish"
    assert response.json()["eligibility"]["category"] == 1
    assert Conviction.objects.filter(nominal=smith).count() == 1


def test_a_patch_changes_only_the_keys_it_names(demo):
    smith = saved(demo)
    got = api().get(url(smith))
    alias = {"forenames": "Jack", "surname": "Smithson", "kind": "alias"}
    response = send("patch", smith, {"aliases": [alias], "ethnicity": None}, got["ETag"])
    assert response.status_code == 200, response.content
    after = response.json()
    assert after["aliases"] == [alias]
    assert after["ethnicity"] == ""  # null clears a key to its default
    for key in ("addresses", "offences", "associations", "custody", "mappa", "name"):
        assert after[key] == got.json()[key], key


def test_a_patch_naming_an_unknown_key_is_refused_naming_it(demo):
    smith = saved(demo)
    response = send("patch", smith, {"nickname": "JP"}, '"1"')
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "nickname", "message": "unknown field"}]


@pytest.mark.parametrize("method", ["put", "patch"])
def test_removing_offences_from_an_open_case_needs_confirming(demo, method):
    smith = saved(demo)
    got = api().get(url(smith))
    body = {"offences": []} if method == "patch" else got.json() | {"offences": []}
    refused = send(method, smith, body, got["ETag"])
    assert refused.status_code == 400
    [error] = refused.json()["errors"]
    assert error["field"] == "offences"
    assert "SOA2003/s3 (conviction, 2021-09-14)" in error["message"]
    assert '"confirm_removing_offences": true' in error["message"]
    assert Conviction.objects.filter(nominal=smith).exists()
    confirmed = send(method, smith, body | {"confirm_removing_offences": True}, got["ETag"])
    assert confirmed.status_code == 200, confirmed.content
    assert not Conviction.objects.filter(nominal=smith).exists()


def test_removing_offences_of_a_person_with_no_case_needs_no_confirmation(demo):
    smith = saved(demo, mappa=None)
    response = send("patch", smith, {"offences": []}, '"1"')
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_change_without_if_match_is_a_428_and_changes_nothing(demo, method):
    smith = saved(demo)
    response = send(method, smith, {"ethnicity": "White Irish"}, None)
    assert response.status_code == 428
    assert "If-Match" in response.json()["errors"][0]["message"]
    assert Nominal.objects.get().ethnicity == "White British"


def test_an_if_match_that_is_no_etag_is_a_412(demo):
    smith = saved(demo)
    response = send("patch", smith, {"ethnicity": "White Irish"}, "yesterday")
    assert response.status_code == 412
    assert response.json()["errors"][0]["field"] is None


def test_two_clients_change_the_same_version_and_the_second_is_refused(demo):
    smith = saved(demo)
    first, second = api("probation.om"), api("police.ppu")
    etag = first.get(url(smith))["ETag"]
    assert second.get(url(smith))["ETag"] == etag
    assert send("patch", smith, {"ethnicity": "White Irish"}, etag, first).status_code == 200
    refused = send("patch", smith, {"gender": "not_known"}, etag, second)
    assert refused.status_code == 412
    message = refused.json()["errors"][0]["message"]
    assert f"changed by {demo['probation.om'].get_full_name()} (Probation)" in message
    assert 'its ETag is now "2"' in message
    nominal = Nominal.objects.get()
    assert (nominal.ethnicity, nominal.gender, nominal.version) == ("White Irish", "male", 2)


def test_a_stale_etag_is_refused_even_when_nothing_would_change(demo):
    smith = saved(demo)
    got = api().get(url(smith))
    send("patch", smith, {"ethnicity": "White Irish"}, got["ETag"])
    again = send("patch", smith, {"ethnicity": "White Irish"}, got["ETag"])
    assert again.status_code == 412


def test_an_id_that_is_not_this_nominals_is_refused(demo):
    smith, other = saved(demo, 1), saved(demo, 2)
    got = api().get(url(smith)).json()
    response = send("put", smith, got | {"id": str(other.id)}, '"1"')
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "id"


def test_a_put_keeps_the_level_history_and_its_decisions(demo):
    smith = saved(demo)
    history = list(LevelChange.objects.values_list("pk", "source"))
    got = api().get(url(smith))
    send("put", smith, got.json() | {"ethnicity": "Irish"}, got["ETag"])
    assert list(LevelChange.objects.values_list("pk", "source")) == history


@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_role_without_edit_rights_cannot_change_a_nominal(demo, method):
    smith = saved(demo)
    assert send(method, smith, {}, '"1"', api("chair.police")).status_code == 403


def test_a_nominal_outside_the_scope_is_a_404_for_a_change(demo):
    smith = saved(demo)
    assert send("patch", smith, {}, '"1"', api("outsider.police")).status_code == 404


def test_a_change_through_the_api_keeps_a_level_decided_here(demo):
    smith = saved(demo)
    case = smith.mappa_cases.get()
    cases.change_level(
        actor=demo["chair.police"],
        case=case,
        level=3,
        source=DecisionSource.MEETING,
        rationale="Escalated after the breach",
        decided_on=date(2026, 2, 1),
    )
    got = api().get(url(smith)).json()
    assert got["mappa"]["level"] == 3
    stale_case = record(1)["mappa"]  # level 2, the imported history only
    response = send("patch", smith, {"mappa": stale_case, "ethnicity": "Irish"}, '"1"')
    assert response.status_code == 200, response.content
    assert response.json()["ethnicity"] == "Irish"
    assert response.json()["mappa"]["level"] == 3
    assert LevelChange.objects.filter(case=case, source="meeting", level=3).exists()
