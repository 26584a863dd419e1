"""The public site: no account needed, no caching, no referrer, Exit this page everywhere."""

import pytest
from django.test import Client
from django.urls import reverse

from mappa.public.urls import PAGES

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [f"/public/{route}" for route, _, _ in PAGES] + [
    "/public/apply/child-sex-offender-disclosure/",
    "/public/apply/domestic-violence-disclosure/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_page_is_open_uncached_and_carries_exit_this_page(url, settings):
    settings.MAPPA_EXIT_PAGE_URL = "https://www.bbc.co.uk/weather"
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    content = response.content.decode()
    assert 'data-module="govuk-exit-this-page"' in content
    assert 'href="https://www.bbc.co.uk/weather"' in content
    assert "govuk-js-exit-this-page-skiplink" in content
    assert "999" in content
    assert "OFFICIAL-SENSITIVE" not in content


def test_the_public_site_does_not_clash_with_the_staff_start_page():
    assert reverse("public-index") == "/public/"
    assert reverse("start") == "/"


def test_the_confirmation_page_without_an_application_goes_to_how_to_apply():
    response = Client().get("/public/apply/sent/")
    assert response.status_code == 302 and response["Location"] == "/public/apply/"
