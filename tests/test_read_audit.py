"""Every page and API response that shows case content records the read (issue 14 item 5).

The URL table is walked: each route is listed in `tests/read_audit.py` as a case-content read,
a POST-only change, or a route with no case content (and why). Each case-content route is
opened, as a persona who may see it, on real records, and must write its read event for the
right subject; a route in no table fails, so a new page cannot forget its read.
"""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

from mappa.agencies import permissions
from mappa.audit import services as audit
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo
from tests import read_audit_world, structure
from tests.read_audit import NO_CASE_CONTENT, POST_ONLY, READS, Read, walk

TABLES = {"READS": READS, "POST_ONLY": POST_ONLY, "NO_CASE_CONTENT": NO_CASE_CONTENT}


def remembering_view(request, thing_id):
    audit.record_read(actor=request.user, subject=thing_id, content="a thing")
    return HttpResponse("John Paul Smith")


def forgetful_view(request, thing_id):  # deliberately records no read
    return HttpResponse("John Paul Smith")


urlpatterns = [
    path("remembers/<uuid:thing_id>/", remembering_view, name="remembers"),
    path("forgets/<uuid:thing_id>/", forgetful_view, name="forgets"),
    path("new/<uuid:thing_id>/", forgetful_view, name="new-page"),
    path("unnamed/<uuid:thing_id>/", forgetful_view),
]


def clients():
    """A client per persona, signed in through the real form (or by token for the API)."""
    made: dict[tuple[str, bool], Client] = {}

    def client_for(persona: str, api: bool) -> Client:
        if (persona, api) not in made:
            if api:
                client = Client(HTTP_AUTHORIZATION=f"Token {demo_secret(persona)}")
            else:
                client = Client()
                form = {"username": persona, "password": demo_secret(persona)}
                assert client.post("/sign-in/", form).status_code == 302, persona
            made[persona, api] = client
        return made[persona, api]

    return client_for


@pytest.fixture
def world(db, demo_mode, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MAPPA_MASH_UPLOAD_DIR = tmp_path / "uploads"
    users = {user.username: user for user in load_demo()}
    return read_audit_world.build(users, django_capture_on_commit_callbacks)


def test_every_route_is_listed_by_whether_it_shows_case_content():
    problems = structure.routes_not_listed(TABLES)
    assert not problems, "List each route in tests/read_audit.py:\n" + "\n".join(problems)


def test_every_case_content_page_and_api_response_records_the_read(world):
    problems = walk(READS, world, clients())
    assert not problems, "Case content shown without its read audited:\n" + "\n".join(problems)


def test_every_post_only_route_answers_a_get_with_405(demo, demo_mode):
    patterns = dict(structure.url_patterns())
    by_name = {entry.name: route for route, entry in patterns.items()}
    client_for, problems = clients(), []
    for name in sorted(POST_ONLY):
        entry = patterns[by_name[name]]
        needed = permissions.declared_permission(entry.callback, "POST")
        persona = next(
            user.username
            for user in demo.values()
            if needed in permissions.MARKERS or permissions.role_has(user, needed)
        )
        kwargs = {key: uuid.uuid4() for key in entry.pattern.converters}
        status = client_for(persona, False).get(reverse(name, kwargs=kwargs)).status_code
        if status != 405:
            problems.append(f"{name} as {persona}: GET answered {status}, not 405")
    assert not problems, "\n".join(problems)


def test_the_route_check_names_a_new_route_an_unnamed_one_and_a_listed_name_that_is_gone():
    tables = {"READS": {"remembers", "forgets"}, "NO_CASE_CONTENT": {"gone-page"}}
    problems = structure.routes_not_listed(tables, urlconf=__name__)
    assert len(problems) == 3
    assert "'new-page'" in problems[0] and "none of READS, NO_CASE_CONTENT" in problems[0]
    assert "/unnamed/" in problems[1] and "has no name" in problems[1]
    assert problems[2] == "NO_CASE_CONTENT lists 'gone-page', which is no route"


def test_the_route_check_refuses_a_route_listed_twice():
    tables = {"READS": {"remembers", "forgets", "new-page"}, "POST_ONLY": {"forgets"}}
    problems = structure.routes_not_listed(tables, urlconf=__name__)
    assert any("'forgets'" in p and "more than one: READS, POST_ONLY" in p for p in problems)


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_the_walk_catches_a_page_that_shows_case_content_without_recording_the_read():
    thing = uuid.uuid4()
    reads = {
        name: Read("anyone", lambda w: {"thing_id": w.thing}, lambda w: w.thing)
        for name in ("remembers", "forgets")
    }
    problems = walk(reads, SimpleNamespace(thing=thing), lambda persona, api: Client())
    assert problems == [
        f"/forgets/{thing}/ (forgets, as anyone) wrote no access.case_content_read event for {thing}"
    ]


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_the_walk_catches_a_read_recorded_for_the_wrong_subject():
    thing, other = uuid.uuid4(), uuid.uuid4()
    reads = {"remembers": Read("anyone", lambda w: {"thing_id": thing}, lambda w: other)}
    [problem] = walk(reads, None, lambda persona, api: Client())
    assert problem.endswith(f"wrote no access.case_content_read event for {other}")
