"""The API keeps the contract its OpenAPI schema states, for every operation and persona.

schemathesis reads the schema the app serves at /api/v1/schema/ and, for each operation,
generates requests from it, valid ones and invalid ones, and sends them through the app's WSGI
handler as several personas with the demo data loaded. Every response must be something the
schema promises (status, content type, body), no request may be a server error, and a request
the schema calls invalid must be refused with a 4xx.

The demo data is loaded once for the module inside a transaction that is rolled back at its
end; each generated request runs in a savepoint of its test's transaction, rolled back after
it, so a POST changes nothing another request or another test can see.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo

# The co-ordinator (the whole DEMO area), a DTC practitioner on no case, a lay adviser
# (aggregates only: case content is a 404) and an RA practitioner from the OTHER area.
PERSONAS = ["coordinator", "housing.officer", "lay.adviser", "outsider.police"]
# The co-ordinator may change the register, the disclosure officer record decisions; these
# two may make none of the changes the API offers.
REFUSED_CHANGES = {"housing.officer": 403, "lay.adviser": 404}
BOUNDED = {
    "phases": [Phase.explicit, Phase.generate],
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": list(HealthCheck),
}

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", WSGIHandler())


@pytest.fixture(scope="module")
def demo_area(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def in_the_tests_transaction(db, demo_area):
    """Requests through the WSGI handler use the test's connection and leave it open (Django
    closes a connection in a transaction when a request starts or ends; the test client does
    not, and neither may this)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def call(case, persona: str, **kwargs) -> None:
    """Send `case` as `persona` and check the response, changing nothing for the next one."""
    with transaction.atomic():
        case.call_and_validate(headers={"Authorization": f"Token {demo_secret(persona)}"}, **kwargs)
        transaction.set_rollback(True)


@schema.include(method="GET").parametrize()
@pytest.mark.parametrize("persona", PERSONAS)
@settings(max_examples=5, **BOUNDED)
def test_every_read_answers_as_its_schema_says(case, persona, in_the_tests_transaction):
    call(case, persona)


@schema.exclude(method="GET").parametrize()
@pytest.mark.parametrize("persona", ["coordinator", "disclosure.officer"])
@settings(max_examples=3, **BOUNDED)
def test_every_change_answers_as_its_schema_says(case, persona, in_the_tests_transaction):
    # A body the schema allows may still break a rule of the record (a date of birth after a
    # conviction, another area): for a change, 400 is a fair answer to schema-valid data.
    call(case, persona, excluded_checks=[positive_data_acceptance])


# The schema's own examples and edge cases are many for a whole nominal record; a refusal does
# not read the body, so a few generated requests show it.
@schema.exclude(method="GET").parametrize()
@pytest.mark.parametrize("persona", REFUSED_CHANGES)
@settings(max_examples=3, **(BOUNDED | {"phases": [Phase.generate]}))
def test_a_role_that_may_not_change_is_refused_whatever_it_sends(
    case, persona, in_the_tests_transaction
):
    with transaction.atomic():
        response = case.call(headers={"Authorization": f"Token {demo_secret(persona)}"})
        case.validate_response(response)
        transaction.set_rollback(True)
    # 404 too where a generated path names no record (or is not a UUID at all).
    assert response.status_code in {REFUSED_CHANGES[persona], 404}, response.text


# Generated ids name no record, so each record the demo holds is also asked for by its id.
RECORD_READS = {
    "/api/v1/nominals/": ["/api/v1/nominals/{nominal_id}/"],
    "/api/v1/cases/": [
        "/api/v1/cases/{case_id}/",
        "/api/v1/cases/{case_id}/risk/assessments/",
        "/api/v1/cases/{case_id}/risk/plans/",
        "/api/v1/cases/{case_id}/risk/conditions/",
        "/api/v1/cases/{case_id}/whereabouts/",
    ],
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_record_the_demo_holds_is_answered_as_the_schema_says(
    persona, in_the_tests_transaction
):
    asked = 0
    for listing, paths in RECORD_READS.items():
        for owner in ("coordinator", "outsider.police"):
            found = schema[listing]["GET"].Case(query={"page_size": 200})
            records = found.call(headers={"Authorization": f"Token {demo_secret(owner)}"})
            for record in records.json()["results"]:
                for path in paths:
                    operation = schema[path]["GET"]
                    (name,) = (p.name for p in operation.path_parameters)
                    call(operation.Case(path_parameters={name: record["id"]}), persona)
                    asked += 1
    assert asked >= 30
