"""The weekly case list: built from the agendas, told by e-mail (a link only), exported as CSV."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.models import AuditEvent
from mappa.linkage import files
from mappa.safeguarding.services import case_lists as services
from mappa.safeguarding.tests.factories import meeting_with_smith, name_named_person, published_list


def test_the_list_holds_the_people_on_the_next_meetings_agendas(users):
    case_list = published_list(users)
    entry = case_list.entries.get()
    assert (entry.forenames, entry.surname, entry.category, entry.level) == (
        "John Paul",
        "Smith",
        1,
        2,
    )
    assert entry.meeting_date == timezone.localdate()
    assert (entry.address_line_1, entry.postcode) == ("12 Mill Lane", "MK42 8PP")
    assert entry.aliases == "Johnny Smith"


def test_a_meeting_beyond_the_week_is_not_on_it(users):
    name_named_person(users["coordinator"], users["mash.manager"])
    meeting_with_smith(users["coordinator"], on=timezone.localdate() + timedelta(days=10))
    with pytest.raises(ValidationError, match="No planned meeting"):
        services.publish_case_list(actor=users["coordinator"])


def test_it_needs_named_persons_to_send_to(users):
    meeting_with_smith(users["coordinator"])
    with pytest.raises(ValidationError, match="named persons"):
        services.publish_case_list(actor=users["coordinator"])


def test_the_named_persons_are_emailed_a_link_and_no_case_detail(
    users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        published_list(users)
    assert [message.to for message in mail.outbox] == [["mash.manager@demo.mappa.invalid"]]
    body = mail.outbox[0].body
    assert "/mash/" in body
    for detail in ("Smith", "Mill Lane", "MK42", "1984"):
        assert detail not in body and detail not in mail.outbox[0].subject


def test_the_export_follows_the_contract_and_is_marked_and_audited(users):
    case_list = published_list(users)
    text = services.export_case_list(actor=users["mash.manager"], case_list=case_list, via="web")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["case_id"] == str(case_list.entries.get().case_id)
    assert rows[0]["protective_marking"] == "OFFICIAL-SENSITIVE"
    assert rows[0]["exported_for"] == "Helen Carter"
    parsed = files.read_case_list(text.encode(), "export.csv")
    assert parsed.columns["date_of_birth"] == ["1984-03-02"]
    event = AuditEvent.objects.get(event_type="mash.case_list_exported")
    assert event.payload == {"case_list": str(case_list.id), "rows": 1, "via": "web"}


def test_the_web_download_is_the_same_csv(users, settings):
    from mappa.safeguarding.tests.test_named_persons import client_for

    case_list = published_list(users)
    response = client_for("mash.manager", settings).get(
        f"/mash/case-lists/{case_list.id}/export.csv"
    )
    assert response["Content-Type"].startswith("text/csv")
    assert b"OFFICIAL-SENSITIVE" in response.content


def test_the_command_line_exports_the_latest_list(users, tmp_path):
    from django.core.management import call_command

    published_list(users)
    out = tmp_path / "list.csv"
    call_command("case_list", "export", "--user", "mash.manager", "--out", str(out))
    assert "John Paul" in out.read_text()
    assert AuditEvent.objects.filter(
        event_type="mash.case_list_exported", payload__via="command line"
    ).exists()


def test_the_command_line_refuses_anyone_but_a_named_person(users, tmp_path):
    from django.core.management import CommandError, call_command

    published_list(users)
    with pytest.raises(CommandError, match="not a MASH named person"):
        call_command("case_list", "export", "--user", "coordinator", "--out", str(tmp_path / "x"))


def test_the_api_gives_the_list_to_named_persons_only_and_audits_the_read(users):
    from rest_framework.test import APIClient

    case_list = published_list(users)
    named = APIClient()
    named.credentials(HTTP_AUTHORIZATION="Token demo-mash.manager")
    listing = named.get("/api/v1/mash/case-lists/").json()
    assert [item["id"] for item in listing] == [str(case_list.id)]
    detail = named.get(f"/api/v1/mash/case-lists/{case_list.id}/").json()
    assert detail["entries"][0]["surname"] == "Smith"
    assert AuditEvent.objects.filter(payload__view="case list (API)").exists()
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION="Token demo-coordinator")
    assert other.get("/api/v1/mash/case-lists/").json() == []
    assert other.get(f"/api/v1/mash/case-lists/{case_list.id}/").status_code == 404
