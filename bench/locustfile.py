"""Load on the person page: each simulated user signs in as a demo persona, then opens people.

Run by bench/national.py; MAPPA_BENCH_IDS names a file of nominal ids (one a line) and
MAPPA_BENCH_PATH is "person" (the person page) or "search" (the baseline: the search page with
no query, the lightest signed-in page, whose cost is what every page pays);
MAPPA_BENCH_THINK is "0" (each client asks again at once) or "LOW-HIGH" seconds of
reading time between pages.

The clients are FastHttpUser (geventhttpclient): the load generator shares the server's
cores, and this client takes less of them than the requests-based HttpUser.
"""

import os
import random
import re

from locust import between, constant, task
from locust.contrib.fasthttp import FastHttpUser

IDS = open(os.environ["MAPPA_BENCH_IDS"]).read().split()
TARGET = os.environ.get("MAPPA_BENCH_PATH", "person")
USERNAME = os.environ.get("MAPPA_BENCH_USER", "probation.om")
THINK = os.environ.get("MAPPA_BENCH_THINK", "0")


class Practitioner(FastHttpUser):
    wait_time = constant(0) if THINK == "0" else between(*map(float, THINK.split("-")))

    def on_start(self):
        page = self.client.get("/sign-in/", name="sign-in")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        self.client.post(
            "/sign-in/",
            {"username": USERNAME, "password": f"demo-{USERNAME}", "csrfmiddlewaretoken": token},
            name="sign-in",
            # Not the page it redirects to: only the pages below are measured, and the
            # dashboard at national scale is slow enough to delay the start of the load.
            allow_redirects=False,
        )

    @task
    def open_page(self):
        if TARGET == "person":
            self.client.get(f"/people/{random.choice(IDS)}/", name="person page")
        else:
            self.client.get("/people/", name="search page")
