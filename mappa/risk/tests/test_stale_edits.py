"""Two practitioners edit the same risk management plan: the second save, made from the
version both started from, is refused naming who saved the newer one, with the input kept."""

import pytest

from mappa.risk.models import RiskManagementPlan
from mappa.risk.tests.records import PLAN_SECTIONS, create_plan, smith_case
from tests.stale import assert_refused

pytestmark = pytest.mark.django_db


def test_a_plan_saved_from_an_old_version_is_refused_and_keeps_its_input(users, signed_in):
    case = smith_case()
    create_plan(actor=users["probation.om"], case=case)
    url = f"/cases/{case.id}/risk/plan/edit/"
    first, second = signed_in("probation.om"), signed_in("police.ppu")
    for client in (first, second):
        assert 'name="based_on" value="1"' in client.get(url).content.decode()

    saved = first.post(url, PLAN_SECTIONS | {"based_on": "1", "contingency": "Recall at once"})
    assert saved.status_code == 302
    refused = second.post(
        url, PLAN_SECTIONS | {"based_on": "1", "contingency": "Emergency level 3 meeting"}
    )

    assert_refused(refused, by=users["probation.om"], kept=["Emergency level 3 meeting"])
    assert RiskManagementPlan.objects.filter(case=case).count() == 2
    assert RiskManagementPlan.objects.filter(case=case).first().created_by == users["probation.om"]
