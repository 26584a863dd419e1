"""Every page: security headers, the protective marking, error pages in the design system."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_pages_carry_the_security_headers():
    response = Client().get("/sign-in/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert (
        "default-src 'self'" in csp
        and "frame-ancestors 'none'" in csp
        and "'unsafe-inline'" not in csp
    )
    assert "X-Request-Id" in response


def test_the_inline_script_carries_the_csp_nonce():
    response = Client().get("/sign-in/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">'.encode() in response.content


def test_every_staff_page_shows_the_protective_marking(signed_in):
    client = signed_in("coordinator")
    for url in (
        "/sign-in/",
        "/dashboard/",
        "/audit-log/",
        "/account/api-tokens/",
        "/no-such-page/",
    ):
        assert b'data-testid="protective-marking">OFFICIAL-SENSITIVE<' in client.get(url).content, (
            url
        )


def test_the_demo_banner_shows_only_in_demo_mode(settings):
    settings.MAPPA_DEMO = True
    assert b'data-testid="demo-banner"' in Client().get("/sign-in/").content
    settings.MAPPA_DEMO = False
    assert b'data-testid="demo-banner"' not in Client().get("/sign-in/").content


def test_a_missing_page_is_a_design_system_404():
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content and b"govuk-heading-l" in response.content


def test_a_missing_api_resource_is_a_json_404():
    response = Client().get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"errors": [{"field": None, "message": "Page not found"}]}


def test_a_forged_form_post_is_refused_with_a_design_system_403(demo):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "coordinator", "password": "demo-coordinator"})
    assert response.status_code == 403
    assert b"You do not have permission" in response.content
    assert "_auth_user_id" not in client.session


def test_a_server_error_is_a_design_system_500(rf, demo):
    from mappa.errors import server_error

    request = rf.get("/dashboard/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = server_error(request)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def test_the_api_schema_is_openapi_json():
    response = Client().get("/api/v1/schema/")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/me/" in schema["paths"]
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_moj_frontend_icons_are_served_where_its_stylesheet_asks_for_them(client):
    response = client.get("/assets/images/icon-tag-remove-cross.svg")
    assert response.status_code == 200
    assert b"<svg" in b"".join(response.streaming_content)
    assert client.get("/assets/images/../../../settings.py").status_code in (400, 404)


# Every response may hold OFFICIAL-SENSITIVE data, or (on the public site) what an applicant
# told us, so none is kept in a browser's or proxy's cache. Only the assets are cached.
ASSETS = ("static/", "assets/")


def _sample_urls() -> list[str]:
    """Every route in the URL table, its parameters filled with demo records where they name
    one (so the page itself is fetched) and with unknown values otherwise (a 404 or a refusal)."""
    from mappa.cases.models import MappaCase
    from mappa.people.models import Nominal
    from tests import structure

    known = {
        "nominal_id": str(Nominal.objects.filter(area__code="DEMO").first().id),
        "case_id": str(MappaCase.objects.filter(nominal__area__code="DEMO").first().id),
    }
    fillers = {"uuid": "00000000-0000-4000-8000-000000000000", "int": "1"}

    def fill(match) -> str:
        kind, name = match.group(1) or "str", match.group(2)
        return known.get(name) or fillers.get(kind, "x")

    return [
        "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)
        for route, _ in structure.url_patterns()
        if not route.startswith(ASSETS)
    ]


def test_every_route_tells_browsers_not_to_store_the_response(signed_in):
    from mappa.desk.services import load_demo

    load_demo()
    staff = signed_in("coordinator")
    staff.raise_request_exception = False
    anonymous = Client(raise_request_exception=False)
    urls = [*_sample_urls(), "/admin/", "/no-such-page/"]
    assert len(urls) > 150
    stored = [
        (who, url, response.status_code, response.get("Cache-Control"))
        for who, client in (("coordinator", staff), ("anonymous", anonymous))
        for url in urls
        for response in [client.get(url)]
        if "no-store" not in response.get("Cache-Control", "")
    ]
    assert stored == []


def test_api_responses_are_not_stored(demo):
    for token in ("Token demo-coordinator", "Token not-a-token"):
        response = Client().get("/api/v1/me/", HTTP_AUTHORIZATION=token)
        assert response["Cache-Control"] == "no-store", token


def test_static_assets_keep_their_cache(client):
    from django.contrib.staticfiles import finders

    assert finders.find("govuk/govuk-frontend.min.css")
    response = client.get("/static/govuk/govuk-frontend.min.css")
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
