"""Category 4: CT MAPPA or local MAPPA, and who decided (MAPPA Guidance ch.24, para 24.25).

Para 24.25 (MAPPA Guidance, March 2023, updated 13 September 2023): "Most TACT/TACT connected
individuals will be managed under CT MAPPA but they may be managed under local MAPPA where the
primary risk does not relate to terrorism. The Lead Agency will determine whether a TACT/TACT
connected [individual] is managed under CT MAPPA or local MAPPA."
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from mappa.agencies.models import User
from mappa.cases import rules
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

CT, LOCAL = rules.CT_MAPPA, rules.LOCAL_MAPPA


# Para 24.25: only category 4; CT or local; the lead agency decides; local needs its reason
@pytest.mark.parametrize(
    "category, management, rationale, lead, problem",
    [
        (4, CT, "", True, None),
        (4, CT, "Attack planning", True, None),
        (4, LOCAL, "Primary risk is domestic abuse of a partner", True, None),
        (4, LOCAL, "  ", True, ("rationale", "the primary risk does not relate to terrorism")),
        (4, CT, "", False, ("management", "lead agency decides")),
        (4, "", "", True, ("management", "Choose CT MAPPA or local MAPPA")),
        (4, "national", "", True, ("management", "Choose CT MAPPA or local MAPPA")),
        (2, CT, "", True, ("management", "Only a category 4 case")),
        (None, LOCAL, "Why", True, ("management", "Only a category 4 case")),
    ],
)
def test_a_ct_mappa_decision_is_checked_against_para_24_25(
    category, management, rationale, lead, problem
):
    found = rules.terrorism_management_problem(
        category=category, management=management, rationale=rationale, decider_is_lead_agency=lead
    )
    if problem is None:
        assert found is None
    else:
        assert found[0] == problem[0] and problem[1] in found[1]


@pytest.mark.parametrize("category, needs", [(1, False), (2, False), (3, False), (4, True)])
def test_a_case_knows_whether_it_needs_terrorism_clearance(category, needs):
    assert MappaCase(category=category).needs_terrorism_clearance is needs
    assert MappaCase(category=None).needs_terrorism_clearance is False


@pytest.mark.django_db
def test_the_case_page_shows_where_a_category_4_case_is_managed_and_who_decided(signed_in):
    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.filter(closed_on__isnull=True).select_related("nominal").first()
    reader = users["probation.om"]
    User.objects.filter(pk=reader.pk).update(terrorism_clearance=True)
    decider = users["chair.police"]
    MappaCase.objects.filter(pk=case.pk).update(category=4)
    client = signed_in("probation.om")
    undecided = client.get(f"/cases/{case.id}/").text
    assert "CT MAPPA or local MAPPA not yet decided by the lead agency" in undecided
    MappaCase.objects.filter(pk=case.pk).update(
        terrorism_management=LOCAL,
        terrorism_management_rationale="Primary risk is to a former partner",
        terrorism_management_decided_by=decider,
        terrorism_management_agency=decider.agency,
        terrorism_management_decided_on=timezone.localdate(),
    )
    decided = client.get(f"/cases/{case.id}/").text
    assert f"Local MAPPA, decided by {decider.display_name} ({decider.agency.name})" in decided
    assert "Primary risk is to a former partner" in decided


@pytest.mark.django_db
def test_the_row_is_not_shown_for_other_categories(signed_in):
    load_demo()
    case = MappaCase.objects.filter(closed_on__isnull=True).exclude(category=4).first()
    assert "Managed under" not in signed_in("probation.om").get(f"/cases/{case.id}/").text
