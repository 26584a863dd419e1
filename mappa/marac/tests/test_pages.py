"""The MARAC pages: completing a DASH through the forms, the queue, meetings, research answers,
the co-ordinator's forms, the dashboard panels and the navigation item."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from mappa.agencies.models import Agency
from mappa.marac import checklist
from mappa.marac.models import DashAssessment, MaracCase
from mappa.marac.services import meetings
from mappa.marac.tests.dashes import referred

pytestmark = pytest.mark.django_db


def test_the_marac_navigation_item_shows_to_those_who_take_part(signed_in):
    for username, shown in [
        ("police.ppu", True),
        ("housing.officer", True),
        ("marac.coordinator", True),
        ("coordinator", False),
        ("lay.adviser", False),
    ]:
        page = signed_in(username).get("/dashboard/").content.decode()
        assert ('href="/marac/"' in page) is shown, username


def test_a_dash_is_completed_through_the_forms(signed_in, demo):
    client = signed_in("police.ppu")
    response = client.post("/marac/dash/new/")
    dash = DashAssessment.objects.get()
    assert response.url == f"/marac/dash/{dash.id}/"
    base = response.url
    victim = {"forenames": "Nadia", "surname": "Brooks", "date_of_birth": "9/4/1991"}
    assert client.post(base + "victim/", victim).status_code == 302
    perpetrator = {"surname": "Dobbs", "relationship": "partner", "crn": "X999999"}
    assert client.post(base + "perpetrator/", perpetrator).status_code == 302
    child = {"do": "add", "full_name": "Amy Brooks", "relationship": "both"}
    assert client.post(base + "children/", child).status_code == 302
    assert client.post(base + "children/", {"do": "done"}).status_code == 302
    for first, last in checklist.PAGES:
        answers = {f"q{n}": "yes" if n <= 15 else "not_known" for n in range(first, last + 1)}
        assert client.post(base + f"questions-{first}-{last}/", answers).status_code == 302
    incident = {"incident_on": "19/11/2026", "professional_judgement": "no"}
    assert client.post(base + "incident/", incident).status_code == 302
    check = client.get(base + "complete/").content.decode()
    assert '15 "yes" answers of 24' in check and "Visible high risk" in check
    response = client.post(base + "complete/")
    case = MaracCase.objects.get()
    assert response.url == f"/marac/cases/{case.id}/"
    assert case.dash.children_count == 1 and case.victim.date_of_birth == date(1991, 4, 9)


def test_a_checklist_page_needs_every_answer(signed_in):
    client = signed_in("police.ppu")
    base = client.post("/marac/dash/new/").url
    response = client.post(base + "questions-1-8/", {"q1": "yes"})
    assert response.status_code == 200
    assert "Answer question 2: yes, no or not known" in response.content.decode()


def test_professional_judgement_needs_reasons_on_the_form(signed_in):
    client = signed_in("police.ppu")
    base = client.post("/marac/dash/new/").url
    response = client.post(
        base + "incident/", {"incident_on": "19/11/2026", "professional_judgement": "yes"}
    )
    assert "Give the reasons for referring on professional judgement" in response.content.decode()


def test_call_out_dates_are_checked_line_by_line(signed_in):
    client = signed_in("police.ppu")
    base = client.post("/marac/dash/new/").url
    response = client.post(
        base + "incident/",
        {
            "incident_on": "19/11/2026",
            "professional_judgement": "no",
            "police_callouts": "1/10/2026\n31/2/2026",
        },
    )
    assert "Line 2 (31/2/2026) must be a real date" in response.content.decode()


def test_the_coordinator_lists_a_referral_and_asks_for_research(signed_in, demo):
    case = referred(demo["police.ppu"])
    client = signed_in("marac.coordinator")
    assert "List at the next meeting" not in client.get("/marac/queue/").content.decode()
    first = (timezone.localdate() + timedelta(days=14)).strftime("%d/%m/%Y")
    schedule = {
        "first_on": first,
        "frequency": "fortnightly",
        "start_time": "10:00",
        "end_time": "13:00",
        "venue": "Police HQ",
        "count": "4",
    }
    assert client.post("/marac/meetings/", schedule).status_code == 302
    assert "Nadia Brooks" in client.get("/marac/queue/").content.decode()
    response = client.post(f"/marac/cases/{case.id}/list/")
    item = case.agenda_items.get()
    assert response.url == f"/marac/meetings/{item.meeting_id}/"
    assert "Nadia Brooks" in client.get(response.url).content.decode()
    housing = Agency.objects.get(area=case.area, name="Housing authority")
    url = f"/marac/cases/{case.id}/items/{item.id}/research/"
    assert client.post(url, {"agencies": [str(housing.id)]}).status_code == 302
    request = case.research_requests.get()
    answer = signed_in("housing.officer").post(
        f"/marac/research/{request.id}/", {"response": "Tenant since 2019"}
    )
    assert answer.status_code == 302
    page = client.get(f"/marac/cases/{case.id}/").content.decode()
    assert 'data-testid="rag-housing-authority">Answered<' in page


def test_the_coordinators_forms_save(signed_in, demo):
    case = referred(demo["police.ppu"])
    client = signed_in("marac.coordinator")
    base = f"/marac/cases/{case.id}/"
    idva = {
        "name": "Sam Okafor",
        "organisation": "Women's Aid",
        "allocated_on": "20/11/2026",
        "version": case.version,
    }
    assert client.post(base + "idva/", idva).status_code == 302
    plan = {"measures": "Locks changed", "agreed_on": "21/11/2026"}
    assert client.post(base + "safety-plan/", plan).status_code == 302
    police = Agency.objects.get(area=case.area, name="Police")
    due = (timezone.localdate() + timedelta(days=5)).strftime("%d/%m/%Y")
    action = {"description": "Panic alarm", "owner_agency": str(police.id), "due_on": due}
    assert client.post(base + "actions/new/", action).status_code == 302
    page = client.get(base).content.decode()
    assert "Sam Okafor" in page and "Locks changed" in page and "Panic alarm" in page
    assert client.get(base + "share/").status_code == 404  # not linked to MAPPA
    assert signed_in("police.ppu").get(base + "idva/").status_code == 403


def test_the_coordinators_dashboard_shows_the_queue_and_the_next_meeting(signed_in, demo):
    coordinator = demo["marac.coordinator"]
    referred(demo["police.ppu"])
    meetings.schedule_meetings(
        actor=coordinator,
        first_on=timezone.localdate() + timedelta(days=3),
        start_time=time(10),
        end_time=time(12),
        count=1,
    )
    page = signed_in("marac.coordinator").get("/dashboard/").content.decode()
    assert "1 referral waiting to be listed" in page
    assert "0 cases on the agenda" in page
