"""The pages: reporting from the case page, the report with its search log and the urgent
meeting offer, the banners, the person's timeline and the dashboards' panel. Scoped (404
outside), each read audited, bad input shown on the form with nothing changed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.models import Meeting
from mappa.whereabouts.constants import Ending
from mappa.whereabouts.models import SearchAction, WhereaboutsReport
from mappa.whereabouts.tests.records import KNOWN, case_of, report, smith

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(demo):
    return smith()


def moment(when) -> dict:
    local = timezone.localtime(when)
    return {"on": f"{local:%d/%m/%Y}", "time": f"{local:%H:%M}"}


def report_form(when, **overrides) -> dict:
    at = moment(when)
    return {
        "kind": "missing",
        "started_on": at["on"],
        "started_time": at["time"],
        "what_is_known": KNOWN,
        "police_reference": "MISPER/2026/0412",
    } | overrides


def reads_of(subject) -> int:
    return AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, subject=subject
    ).count()


def test_the_case_page_offers_the_report_to_those_who_may_make_it(case, signed_in):
    address = f"/whereabouts/report/for-case/{case.id}/"
    assert address in signed_in("probation.om").get(f"/cases/{case.id}/").text
    assert address in signed_in("coordinator").get(f"/cases/{case.id}/").text
    page = signed_in("police.ppu").get(f"/cases/{case.id}/").text
    assert "Their whereabouts have not been reported unknown." in page
    assert address not in page
    assert signed_in("police.ppu").get(address).status_code == 403


def test_probation_reports_and_lands_on_the_report_with_a_banner_on_the_case(case, signed_in):
    client = signed_in("probation.om")
    started = timezone.now() - timedelta(hours=5)
    response = client.post(f"/whereabouts/report/for-case/{case.id}/", report_form(started))
    made = WhereaboutsReport.objects.get()
    assert response.status_code == 302
    assert response.url == f"/whereabouts/{made.id}/"
    page = client.get(response.url).text
    assert "The chair and co-ordinator have been told." in page
    assert KNOWN in page and "MISPER/2026/0412" in page
    assert "whereabouts unknown for 5 hours" in page
    # The responsible officer does not manage meetings: the co-ordinator is offered them.
    assert "The MAPPA co-ordinator has been told" in page
    case_page = client.get(f"/cases/{case.id}/").text
    assert 'data-testid="whereabouts-banner"' in case_page
    assert f"/whereabouts/{made.id}/" in case_page


def test_bad_input_is_shown_on_the_form_and_nothing_is_recorded(case, signed_in):
    client = signed_in("probation.om")
    address = f"/whereabouts/report/for-case/{case.id}/"
    future = report_form(timezone.now() + timedelta(days=1))
    page = client.post(address, future).text
    assert "must not be in the future" in page and "Error:" in page
    page = client.post(address, report_form(timezone.now(), kind="", what_is_known="")).text
    assert "Select whether they are missing, wanted or absconded" in page
    assert "Enter what is known" in page
    assert not WhereaboutsReport.objects.exists()


def test_with_a_report_open_the_form_leads_to_it(case, demo, signed_in):
    made = report(case, demo["probation.om"])
    response = signed_in("coordinator").get(f"/whereabouts/report/for-case/{case.id}/")
    assert response.status_code == 302 and response.url == f"/whereabouts/{made.id}/"


@pytest.mark.parametrize("username", ["outsider.police", "lay.adviser"])
def test_every_page_is_a_404_outside_the_case(case, demo, signed_in, username):
    made = report(case, demo["probation.om"])
    client = signed_in(username)
    for address in (
        f"/whereabouts/{made.id}/",
        f"/whereabouts/{made.id}/search-actions/new/",
        f"/whereabouts/{made.id}/end/",
        f"/whereabouts/report/for-case/{case.id}/",
    ):
        assert client.get(address).status_code == 404, address
    assert client.post(f"/whereabouts/{made.id}/end/", {}).status_code == 404
    assert WhereaboutsReport.objects.get().is_open


def test_a_housing_officer_not_on_the_case_finds_no_report(case, demo, signed_in):
    made = report(case, demo["probation.om"])
    client = signed_in("housing.officer")
    assert client.get(f"/whereabouts/{made.id}/").status_code == 404
    # The pages that change a report need a permission the role never holds, whatever the
    # record: refused as such (403), which says nothing of whether the report exists.
    assert client.get(f"/whereabouts/{made.id}/end/").status_code == 403
    assert client.get(f"/cases/{case.id}/").status_code == 404


def test_the_urgent_meeting_offer_posts_only_for_the_coordinator(case, demo, signed_in):
    made = report(case, demo["probation.om"])
    address = f"/whereabouts/{made.id}/urgent-meeting/"
    assert signed_in("probation.om").post(address, {"version": 1}).status_code == 403
    assert signed_in("outsider.police").post(address, {"version": 1}).status_code == 403
    client = signed_in("coordinator")
    assert client.get(address).status_code == 405
    page = client.get(f"/whereabouts/{made.id}/").text
    assert 'data-testid="urgent-meeting-offer"' in page
    response = client.post(address, {"version": made.version})
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == f"/meetings/{meeting.id}/"
    page = client.get(f"/whereabouts/{made.id}/").text
    assert f"/meetings/{meeting.id}/" in page and 'data-testid="urgent-meeting-offer"' not in page


def test_a_police_officer_logs_a_search_action_and_it_is_in_the_log(case, demo, signed_in):
    made = report(case, demo["probation.om"])
    client = signed_in("police.ppu")
    form = client.get(f"/whereabouts/{made.id}/search-actions/new/")
    assert form.status_code == 200 and 'name="version" value="1"' in form.text
    done = moment(timezone.now() - timedelta(hours=1))
    response = client.post(
        f"/whereabouts/{made.id}/search-actions/new/",
        {
            "version": 1,
            "done_on": done["on"],
            "done_time": done["time"],
            "what_was_done": "Visited his last known address",
            "outcome": "Neighbours saw him leave by car",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/whereabouts/{made.id}/").text
    assert "Visited his last known address" in page and "Neighbours saw him leave" in page


def test_a_stale_search_action_form_is_refused_naming_who_saved_first(case, demo, signed_in):
    made = report(case, demo["probation.om"])
    done = moment(timezone.now())
    form = {
        "done_on": done["on"],
        "done_time": done["time"],
        "what_was_done": "Rang his mobile",
        "outcome": "Switched off",
    }
    address = f"/whereabouts/{made.id}/search-actions/new/"
    assert signed_in("police.ppu").post(address, form | {"version": 1}).status_code == 302
    page = signed_in("probation.om").post(address, form | {"version": 1}).text
    assert "was changed by" in page and demo["police.ppu"].get_full_name() in page
    assert SearchAction.objects.count() == 1


def test_the_end_before_the_start_is_refused_on_the_form(case, demo, signed_in):
    made = report(case, demo["probation.om"], hours_ago=2)
    early = moment(timezone.now() - timedelta(hours=5))
    page = (
        signed_in("probation.om")
        .post(
            f"/whereabouts/{made.id}/end/",
            {
                "version": 1,
                "ending": "found",
                "ended_on": early["on"],
                "ended_time": early["time"],
                "note": "At the station",
            },
        )
        .text
    )
    assert "must not be before the time their whereabouts became unknown" in page
    assert WhereaboutsReport.objects.get().is_open


def test_the_person_page_warns_and_its_timeline_shows_the_report_and_its_end(case, demo, signed_in):
    made = report(case, demo["probation.om"], hours_ago=30)
    client = signed_in("probation.om")
    page = client.get(f"/people/{case.nominal_id}/").text
    assert 'data-testid="whereabouts-banner"' in page
    assert "Whereabouts unknown: absconded" in page
    from mappa.whereabouts import services

    services.end_whereabouts_unknown(
        actor=demo["probation.om"],
        report=made,
        version=made.version,
        ending=Ending.ARRESTED,
        ended_at=timezone.now() - timedelta(hours=1),
        note="Arrested in Leeds on the recall warrant",
    )
    page = client.get(f"/people/{case.nominal_id}/").text
    assert 'data-testid="whereabouts-banner"' not in page
    timeline = page[page.index('data-testid="case-timeline"') :]
    assert timeline.index("Whereabouts known: arrested") < timeline.index(
        "Whereabouts unknown: absconded"
    )
    assert "Arrested in Leeds" in timeline


def test_the_dashboards_list_open_reports_missing_longest_first(case, demo, signed_in):
    report(case, demo["probation.om"], hours_ago=2)
    report(case_of("X234567"), demo["probation.om"], hours_ago=50)  # Darren Hughes
    report(case_of("X456789"), demo["police.ppu"], hours_ago=10)  # Kieran Walsh, police-led
    page = signed_in("coordinator").get("/dashboard/").text
    panel = page[page.index('data-testid="whereabouts-unknown"') :]
    assert (
        panel.index("Darren Hughes") < panel.index("Kieran Walsh") < panel.index("John Paul Smith")
    )
    assert "2 days 2 hours" in panel
    # The responsible officer sees the cases they manage, not the police-led one.
    page = signed_in("probation.om").get("/dashboard/").text
    panel = page[page.index('data-testid="whereabouts-unknown"') :].split("</section>")[0]
    assert "Darren Hughes" in panel and "John Paul Smith" in panel
    assert "Kieran Walsh" not in panel
    # Other roles have no such panel.
    assert (
        'data-testid="whereabouts-unknown"' not in signed_in("chair.police").get("/dashboard/").text
    )


def test_each_page_records_the_read_of_the_case(case, demo, signed_in):
    made = report(case, demo["probation.om"])
    client = signed_in("coordinator")
    for address in (
        f"/whereabouts/{made.id}/",
        f"/whereabouts/{made.id}/search-actions/new/",
        f"/whereabouts/{made.id}/end/",
    ):
        before = reads_of(case.id)
        assert client.get(address).status_code == 200
        assert reads_of(case.id) == before + 1, address
