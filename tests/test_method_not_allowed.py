"""An address that only takes a form's POST, opened by GET, gives the design system's "page not
available" page (405) rather than the browser's bare error."""

import uuid

import pytest

pytestmark = pytest.mark.django_db

POST_ONLY = [
    ("chair.police", "/meetings/{meeting}/minutes/approve/"),
    ("marac.coordinator", "/marac/dash/new/"),
]


@pytest.mark.parametrize(("persona", "address"), POST_ONLY)
def test_opening_a_post_only_address_gives_the_page_not_available_page(signed_in, persona, address):
    response = signed_in(persona).get(address.format(meeting=uuid.uuid4()))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    page = response.content.decode()
    assert "Page not available" in page and "govuk-heading-l" in page
    assert "OFFICIAL-SENSITIVE" in page


def test_the_api_keeps_its_json_errors_for_a_wrong_method(signed_in):
    response = signed_in("coordinator").delete("/api/v1/schema/")
    assert response.status_code == 405
    assert "govuk-heading-l" not in response.content.decode()
