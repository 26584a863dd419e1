"""The results page shows how many candidates fall near the threshold, and the named person
reviews them, most likely first (issue 20, item 4)."""

import pytest

from mappa.audit.models import AuditEvent
from mappa.linkage import engine, files
from mappa.safeguarding import queries
from mappa.safeguarding.models import Candidate
from mappa.safeguarding.services import matching
from mappa.safeguarding.tests.factories import published_list, upload
from mappa.safeguarding.tests.test_named_persons import client_for


@pytest.fixture
def run(users, django_capture_on_commit_callbacks):
    case_list = published_list(users)
    with django_capture_on_commit_callbacks(execute=True):
        started = matching.start_matching(
            actor=users["mash.manager"], case_list=case_list, upload=upload()
        )
    started.refresh_from_db()
    entry = case_list.entries.get()
    for record_id, probability in (("N-1", 0.62), ("N-2", 0.41), ("N-3", 0.33), ("N-4", 0.12)):
        Candidate.objects.create(
            run=started,
            entry=entry,
            record_id=record_id,
            kind="person",
            probability=probability,
            forenames="John",
            surname=f"Smith {record_id}",
        )
    return started


def test_the_candidates_near_the_threshold_are_those_within_the_margin_most_likely_first(run):
    near = queries.near_threshold(run, 0.2)
    assert [c.record_id for c in near] == ["N-1", "N-2", "N-3"]
    assert "N-2" not in {c.record_id for c in queries.reported(run)}
    assert {"SC-1", "SC-2", "N-1"} <= {c.record_id for c in queries.reported(run)}


def test_a_candidate_below_the_threshold_is_not_one_to_decide(run, users):
    pending = {c.record_id for c in queries.pending_candidates(users["mash.manager"])}
    assert "N-1" in pending and "N-2" not in pending and "N-4" not in pending


def test_the_results_page_counts_them_and_lists_only_those_at_or_above(run, users, settings):
    settings.MAPPA_MASH_NEAR_THRESHOLD = 0.2
    page = client_for("mash.manager", settings).get(f"/mash/runs/{run.id}/").content.decode()
    assert (
        "3 candidates between 30% and 70%: 1 at or above the threshold of 50%, 2 below it" in page
    )
    assert "Smith N-1" in page and "Smith N-2" not in page
    assert f"/mash/runs/{run.id}/near/" in page


def test_the_review_page_lists_them_most_likely_first_and_is_audited(run, users, settings):
    settings.MAPPA_MASH_NEAR_THRESHOLD = 0.2
    response = client_for("mash.manager", settings).get(f"/mash/runs/{run.id}/near/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Smith N-1") < page.index("Smith N-2") < page.index("Smith N-3")
    assert "Smith N-4" not in page
    read = AuditEvent.objects.filter(event_type="mash.record_read").latest("id")
    assert read.payload == {"record": str(run.id), "view": "candidates near the threshold"}


def test_the_review_page_is_not_found_for_anyone_but_a_named_person(run, users, settings):
    for username in ("coordinator", "housing.officer"):
        response = client_for(username, settings).get(f"/mash/runs/{run.id}/near/")
        assert response.status_code == 404


def test_the_engine_keeps_candidates_below_the_threshold_only_when_asked():
    cases = files.Table(
        "caselist.csv",
        {
            "case_id": ["C1"],
            "forenames": ["John Paul"],
            "surname": ["Smith"],
            "date_of_birth": ["1984-03-02"],
            "address_line_1": ["12 Mill Lane"],
            "postcode": ["MK42 8PP"],
        },
    )
    extract = files.Table(
        "socialcare.csv",
        {
            "record_id": ["R1", "R2"],
            "forenames": ["John", "John"],
            "surname": ["Smyth", "Smith"],
            "date_of_birth": ["1985-03-02", "1984-03-02"],
            "address_line_1": ["9 Elm Road"] * 2,
            "postcode": ["LU2 2BB"] * 2,
        },
    )
    wide = engine.run(cases, extract, engine.Options(below=0.5))
    assert [c.record_id for c in wide.reported] == ["R2"]
    assert {c.record_id for c in wide.candidates} == {"R1", "R2"}
    assert [c.record_id for c in engine.match(cases, extract)] == ["R2"]
