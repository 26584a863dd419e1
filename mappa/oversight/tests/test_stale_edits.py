"""Two board members edit a serious case review's report or one of its actions: the second
save is refused, naming the first, and the second's input stays on the form."""

from datetime import timedelta

import pytest

from mappa.oversight.models import ReviewAction, SeriousCaseReview
from mappa.oversight.services import reviews
from tests.stale import assert_refused, colleague, loaded_version, signed_in_client

from .test_serious_case_reviews import TODAY, charged, decide, notify  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(demo, charged):  # noqa: F811
    return decide(demo, notify(demo, charged))


@pytest.fixture
def editors(demo, signed_in):
    member = demo["smb.member"]
    other = colleague(member, first_name="Ruth", last_name="Osei")
    return member, signed_in("smb.member"), signed_in_client(other)


def test_a_second_save_of_the_report_is_refused_and_keeps_its_input(review, editors):
    member, first, second = editors
    url = f"/oversight/reviews/{review.id}/report/"
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))

    saved = first.post(url, {"findings": "Supervision gaps", "version": first_version})
    assert saved.status_code == 302
    refused = second.post(url, {"findings": "Information not shared", "version": second_version})

    assert_refused(refused, by=member, kept=["Information not shared"])
    assert SeriousCaseReview.objects.get(id=review.id).findings == "Supervision gaps"


def test_a_second_save_of_an_action_is_refused_and_keeps_its_input(demo, review, editors):
    member, first, second = editors
    action = reviews.save_action(
        actor=member,
        review=review,
        action="Train chairs",
        owner="DCI, police",
        due_on=TODAY + timedelta(days=90),
    )
    url = f"/oversight/reviews/{review.id}/actions/{action.id}/"
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))
    fields = {"action": "Train chairs", "due_on": (TODAY + timedelta(days=90)).strftime("%d/%m/%Y")}

    saved = first.post(
        url, fields | {"owner": "DCI, police", "status": "open", "version": first_version}
    )
    assert saved.status_code == 302
    refused = second.post(
        url, fields | {"owner": "Head of probation", "status": "open", "version": second_version}
    )

    assert_refused(refused, by=member, kept=["Head of probation"])
    assert ReviewAction.objects.get(id=action.id).owner == "DCI, police"


def test_adding_an_action_needs_no_version(demo, review, editors):
    _, first, _ = editors
    due = (TODAY + timedelta(days=90)).strftime("%d/%m/%Y")
    response = first.post(
        f"/oversight/reviews/{review.id}/actions/add/",
        {"action": "Audit", "owner": "Co-ordinator", "due_on": due, "status": "open"},
    )
    assert response.status_code == 302 and review.action_plan.count() == 1
