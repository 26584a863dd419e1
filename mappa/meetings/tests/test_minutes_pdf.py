"""The minutes as a PDF: the marking, the recipient and the time on every page; only the cases
the reader may see; each download audited; only for approved minutes."""

import os
import shutil
import subprocess

import pytest
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.services import approval, circulation, minutes

from .minutes_setup import case_minutes, hold_meeting, ready_to_approve

# poppler-utils (pdftotext, pdftoppm) is installed by `make test` (scripts/ensure-test-tools).
pytestmark = pytest.mark.django_db


def pages_of(document: bytes, tmp_path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    path = tmp_path / "minutes.pdf"
    path.write_bytes(document)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.fixture
def approved(world):
    meeting = hold_meeting(world)
    ready_to_approve(world, meeting)
    chair = world.users["chair.police"]
    long_text = "\n".join(f"Point {n}: information shared by an agency." for n in range(120))
    smith = case_minutes(meeting, "X123456")
    minutes.save_case_minutes(
        actor=chair, case_minutes=smith, version=smith.version, relevant_information=long_text
    )
    approval.approve_minutes(actor=chair, meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def test_every_page_carries_the_marking_the_recipient_and_the_time(world, approved, tmp_path):
    reader = world.users["probation.om"]
    document = circulation.export_minutes(actor=reader, meeting=approved)
    pages = pages_of(document, tmp_path)
    assert len(pages) >= 2
    today = timezone.localdate().strftime("%d %B %Y")
    for number, text in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in text, f"page {number} lacks the marking"
        assert "Issued to Tom Adeyemi, Probation" in text, f"page {number} lacks the recipient"
        assert today in text, f"page {number} lacks the date"
        assert f"Page {number} of {len(pages)}" in text
    assert "John Paul Smith" in "".join(pages) and "Kieran Walsh" in "".join(pages)


def test_the_pdf_renders_to_images_with_pdftoppm(world, approved, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(circulation.export_minutes(actor=world.users["coordinator"], meeting=approved))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) >= 2 and all(image.stat().st_size > 0 for image in images)
    keep = os.environ.get("MAPPA_KEEP_PDF_PAGES")
    if keep:
        for image in images:
            shutil.copy(image, keep)


def test_a_dtc_reader_gets_only_their_case(world, approved, tmp_path):
    circulation.circulate(actor=world.users["coordinator"], meeting=approved)
    approved.refresh_from_db()
    pages = pages_of(
        circulation.export_minutes(actor=world.users["housing.officer"], meeting=approved), tmp_path
    )
    text = "\n".join(pages)
    assert "Kieran Walsh" in text and "John Paul Smith" not in text
    assert "Restricted" in text
    assert all("Issued to Imran Malik, Housing authority" in page for page in pages)


def test_each_download_is_audited(world, approved, signed_in):
    client = signed_in("probation.om")
    response = client.get(f"/meetings/{approved.id}/minutes/minutes.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.get(f"/meetings/{approved.id}/minutes/minutes.pdf")
    events = AuditEvent.objects.filter(event_type=EventType.MINUTES_EXPORTED)
    assert events.count() == 2
    assert events.first().actor == world.users["probation.om"]


def test_draft_minutes_have_no_pdf(world, signed_in):
    meeting = hold_meeting(world)
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    response = signed_in("chair.police").get(f"/meetings/{meeting.id}/minutes/minutes.pdf")
    assert response.status_code == 404
