"""The simulated staff for bench/load_check.py (a locustfile; run by it, not by hand).

Each client signs in as one of the demo personas below, then works through staff pages
with a reading pause before each: the dashboard, a name search, a person page, a case page
and the meetings list, in the proportions 1:2:3:2:1. MAPPA_LOAD_PAGES is "mixed" (that work) or "baseline" (the search
page with no query, the lightest signed-in page, whose cost every page pays).

A page counts as an error unless it is a 200 with the protective marking: a redirect to
the sign-in page, a 404 for a record the persona should see, or a 500 is an error.
Requests go to 127.0.0.1 only, and stop after MAPPA_LOAD_MAX_REQUESTS whatever the time.
"""

import itertools
import json
import os
import random
import re
from urllib.parse import urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

# Personas who see the DEMO area's cases (desk/demo.py): their password is demo-<name>.
PERSONAS = ("coordinator", "probation.om", "police.ppu", "prison.pom", "chair.police")
# What to open: {"nominals": [id, ...], "cases": [id, ...], "surnames": [...]}, all in DEMO.
RECORDS = json.loads(open(os.environ["MAPPA_LOAD_RECORDS"]).read())
NOMINALS, CASES, SURNAMES = RECORDS["nominals"], RECORDS["cases"], RECORDS["surnames"]
PAGES = os.environ.get("MAPPA_LOAD_PAGES", "mixed")
THINK = tuple(map(float, os.environ.get("MAPPA_LOAD_THINK", "1-3").split("-")))
MAX_REQUESTS = int(os.environ["MAPPA_LOAD_MAX_REQUESTS"])
MARKING = b'data-testid="protective-marking"'
_persona = itertools.cycle(PERSONAS)
_sent = itertools.count(1)


@events.test_start.add_listener
def _loopback_only(environment, **kwargs):
    if urlsplit(environment.host).hostname != "127.0.0.1":
        raise SystemExit(f"load check: only 127.0.0.1 may be loaded, not {environment.host}")


class Staff(FastHttpUser):
    wait_time = between(*THINK)
    # The baseline asks for its one page wherever the mixed work would ask for another.
    baseline = "/people/" if PAGES == "baseline" else None
    label = "baseline: empty search page" if PAGES == "baseline" else None

    def on_start(self):
        self.username = next(_persona)
        page = self.client.get("/sign-in/", name="sign-in page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        with self.client.post(
            "/sign-in/",
            {
                "username": self.username,
                "password": f"demo-{self.username}",
                "csrfmiddlewaretoken": token,
            },
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"{self.username} could not sign in: {response.status_code}")

    def page(self, path: str, name: str) -> None:
        if next(_sent) > MAX_REQUESTS:
            self.environment.runner.quit()
            return
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {self.username}")
            elif MARKING not in response.content:
                response.failure(f"no protective marking for {self.username}")

    @task(1)
    def dashboard(self):
        self.page(self.baseline or "/dashboard/", self.label or "dashboard")

    @task(2)
    def name_search(self):
        surname = random.choice(SURNAMES)
        self.page(self.baseline or f"/people/?name={surname}", self.label or "name search")

    @task(3)
    def person_page(self):
        nominal = random.choice(NOMINALS)
        self.page(self.baseline or f"/people/{nominal}/", self.label or "person page")

    @task(2)
    def case_page(self):
        case = random.choice(CASES)
        self.page(self.baseline or f"/cases/{case}/", self.label or "case page")

    @task(1)
    def meetings(self):
        self.page(self.baseline or "/meetings/", self.label or "meetings")
