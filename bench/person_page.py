"""The person page at saturation, beside the empty search page; results to docs/benchmarks.md.

    DATABASE_URL=postgres://... python -m bench.person_page [--rounds 2] [--seconds 30]

needs a database loaded as `bench/national.py` loads it (`mappa demo`, then the synthetic
nominals; bench/run.sh runs this after it). It serves the production posture under gunicorn
(`mappa serve`, 4 workers of one thread, as bench/national.py does) and runs locust
(bench/locustfile.py) with 20 clients that never pause, first on the empty search page (the
baseline: session, user, permissions and layout, what every signed-in page pays), then on the
person page, for each round. Each round's person page is compared with the baseline measured
just before it; the section reports every round and the median ratio. It also counts the
statements one person page and one audit append make, in one process, on the same database.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.national import ROOT, VENV, _locust, machine
from bench.results import RESULTS, write_section

TARGET_MS = 150
BASELINE_RATIO = 1.5

# Where one person page's time goes: cProfile of 150 person pages in one process, production
# settings (the cached template loader, no debug), on a database of 20,000 nominals loaded by
# bench/national.py, 2026-12-04 (load average 3.8, other work on the same two cores). Read
# from `python -m bench.profile_person_page`; kept by hand.
PROFILE = """Where the time goes (cProfile of 150 person pages in one process, production
settings with the cached template loader, 20,000 nominals, 2026-12-04, load average 3.8).
Processor time per page without the profiler: the person page 37–39 ms, the empty search page
11–12 ms (3.3×). Of the person page's profiled time:

| part | share |
|---|---|
| the nominal's query and its record's prefetches (`people.queries.get_nominal`) | 48% |
| of which Django's prefetch machinery (seven or eight more queries, each compiled) | 31% |
| Django's SQL compilation, all queries of the page (`SQLCompiler.as_sql`) | 24% |
| template rendering (`desk/person.html` and its includes) | 21% |
| the user's load (`auth.get_user`, through django-otp's middleware) | 8% |
| the session's load | 6% |
| the audit append (`audit.services.record_read`) | 7% |
| timeline, eligibility, risk, PDP offer, custody and whereabouts sections together | < 2% |

So the page's cost is Python building queries and model rows for the record's parts, then the
template; the session, user and audit append, which the empty page shares in part, are a fifth.
The cuts that would reach 1.5× are the record's parts in one query (rows, not models) and a
lighter template; neither is made yet.
"""


def _environment() -> dict:
    audit_key = Path(tempfile.mkdtemp()) / "audit.key"
    audit_key.write_text("bench-audit-key-" + "x" * 48)
    return os.environ | {
        "MAPPA_ENV": "production",
        "SECRET_KEY": "bench-" + "x" * 50,
        "MAPPA_AUDIT_KEY_FILE": str(audit_key),
        "ALLOWED_HOSTS": "127.0.0.1",
        "MAPPA_HTTPS": "false",
        "MAPPA_DEMO": "true",
        # This checkout's code, whichever checkout the virtualenv's `mappa` was installed from.
        "PYTHONPATH": str(ROOT),
    }


def _load() -> float:
    return os.getloadavg()[0]


def _wait_for(port: int, seconds: int = 900) -> None:
    """Until the server answers its sign-in page (the first start may collect static files)."""
    from urllib.error import URLError
    from urllib.request import urlopen

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urlopen(f"http://127.0.0.1:{port}/sign-in/", timeout=5) as page:
                if page.status == 200:
                    return
        except (URLError, OSError):
            if time.monotonic() > deadline:
                raise
        time.sleep(1)


def saturation(port: int, ids: list[str], users: int, seconds: int, rounds: int) -> list[dict]:
    env = _environment()
    # `mappa serve` collects the static files itself when its manifest is out of date.
    server = subprocess.Popen(
        [str(VENV / "mappa"), "serve", "--port", str(port), "--workers", "4", "--threads", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    results = []
    try:
        _wait_for(port)
        with tempfile.TemporaryDirectory() as scratch:
            id_file = Path(scratch) / "ids.txt"
            id_file.write_text("\n".join(ids))
            for number in range(rounds):
                load = _load()
                out = Path(scratch) / str(number)
                out.mkdir()
                base = _locust(port, "search", id_file, users, seconds, out, "0")
                person = _locust(port, "person", id_file, users, seconds, out, "0")
                results.append({"load": load, "search": base, "person": person})
                print(f"bench: round {number + 1}: {results[-1]}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def statements(ids: list[str]) -> dict:
    """Statements for one person page and one audit append, counted in this process."""
    import re

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from mappa.agencies.models import User
    from mappa.audit import services as audit

    client = Client(HTTP_HOST="127.0.0.1")
    page = client.get("/sign-in/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    client.post(
        "/sign-in/",
        {
            "username": "probation.om",
            "password": "demo-probation.om",
            "csrfmiddlewaretoken": token,
        },
    )
    client.get(f"/people/{ids[0]}/")
    with CaptureQueriesContext(connection) as person:
        assert client.get(f"/people/{ids[1]}/").status_code == 200
    with CaptureQueriesContext(connection) as search:
        assert client.get("/people/").status_code == 200
    reader = User.objects.select_related("agency", "area").get(username="probation.om")
    with CaptureQueriesContext(connection) as append:
        audit.record_read(actor=reader, subject=reader.agency_id, content="bench")
    return {"person": len(person), "search": len(search), "append": len(append)}


def report(rounds: list[dict], counts: dict, users: int, seconds: int, started: float) -> str:
    rows = []
    for number, run in enumerate(rounds, start=1):
        person, base = run["person"], run["search"]
        ratio = person["p95"] / max(base["p95"], 1)
        rows.append(
            f"| {number} | {run['load']:.1f} "
            f"| {person['p95']:.0f} ms (p50 {person['p50']:.0f} ms, {person['rps']:.0f} req/s, "
            f"{person['failures']} failures of {person['requests']}) "
            f"| p95 {base['p95']:.0f} ms (p50 {base['p50']:.0f} ms, {base['rps']:.0f} req/s) "
            f"| {ratio:.2f}× |"
        )
    p95 = statistics.median(run["person"]["p95"] for run in rounds)
    ratio = statistics.median(run["person"]["p95"] / max(run["search"]["p95"], 1) for run in rounds)
    met = p95 <= TARGET_MS and ratio <= BASELINE_RATIO
    table = "\n".join(rows)
    return f"""## Person page at saturation (issue 19, item 1)

Measured {datetime.date.today().isoformat()} on {machine()}.
Load average (1 min) when the run started: {started:.1f}, when it ended: {_load():.1f}; other
work on the same two cores slows every figure. Reproduce with
`.venv/bin/python -m bench.person_page` on a database loaded by `bench/national.py` (part of
`bash bench/run.sh`).

{users} locust clients (FastHttpUser) with no pause, {seconds} s a run, against `mappa serve`
(gunicorn, production settings, 4 workers × 1 thread) on the same two cores as PostgreSQL and
locust; the person page reads 5,000 DEMO nominals at random as probation.om. The baseline is
the empty search page under the same load, measured just before each person page run.

| round | load | person page | empty search page (baseline) | ratio of p95s |
|---|---|---|---|---|
{table}

Median person page p95 {p95:.0f} ms (target ≤ {TARGET_MS} ms), median ratio {ratio:.2f}×
(target ≤ {BASELINE_RATIO}×): {"met" if met else "**not met**"}.

Statements, counted in one process on the same database (psycopg's BEGIN and COMMIT
included): a person page {counts["person"]} (the empty search page {counts["search"]}); one
audit append on its own {counts["append"]} (BEGIN, the head's claim, the entry with the head's
new hash, COMMIT; inside a service's transaction only the middle two).

{PROFILE}"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--no-write", action="store_true", help="print, do not write the docs")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench: DATABASE_URL must name a PostgreSQL database loaded by bench/national.py")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mappa.settings")
    os.environ.setdefault("MAPPA_ENV", "development")
    os.environ.setdefault("MAPPA_DEMO", "true")
    import django

    django.setup()
    from mappa.people.models import Nominal

    ids = [
        str(i)
        for i in Nominal.objects.filter(area__code="DEMO").values_list("id", flat=True)[:5000]
    ]
    if len(ids) < 2:
        sys.exit("bench: load the register first (bench/national.py)")
    started = _load()
    counts = statements(ids)
    rounds = saturation(args.port, ids, args.users, args.seconds, args.rounds)
    section = report(rounds, counts, args.users, args.seconds, started)
    if args.no_write:
        print(section)
    else:
        write_section("person-page", section)
        print(f"bench: wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
