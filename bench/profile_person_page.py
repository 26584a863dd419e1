"""Where one person page's time goes: cProfile in one process, production settings.

    DATABASE_URL=postgres://... python -m bench.profile_person_page [--pages 150] [--top 40]

needs a database loaded as `bench/national.py` loads it. Signs in as probation.om through the
sign-in page, warms up, then prints the processor time per page of the person page and of the
empty search page (no profiler), and the profile of the person pages, by cumulative time. The
table in bench/person_page.py's PROFILE was read from this.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import time

from bench.person_page import _environment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    os.environ.update(_environment())
    os.environ["DJANGO_SETTINGS_MODULE"] = "mappa.settings"
    import django

    django.setup()
    from django.test import Client

    from mappa.people.models import Nominal

    wanted = 20 + 2 * args.pages
    ids = [
        str(i)
        for i in Nominal.objects.filter(area__code="DEMO").values_list("id", flat=True)[:wanted]
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    page = client.get("/sign-in/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    credentials = {"username": "probation.om", "password": "demo-probation.om"}
    client.post("/sign-in/", credentials | {"csrfmiddlewaretoken": token})
    for nominal_id in ids[:20]:
        assert client.get(f"/people/{nominal_id}/").status_code == 200
        client.get("/people/")

    def per_page(urls) -> float:
        started = time.process_time()
        for url in urls:
            client.get(url)
        return (time.process_time() - started) / len(urls) * 1000

    people = [f"/people/{i}/" for i in ids[20 : 20 + args.pages]]
    print(f"person page: {per_page(people):.1f} ms of processor time a page")
    print(f"empty search page: {per_page(['/people/'] * args.pages):.1f} ms a page")
    profile = cProfile.Profile()
    profile.enable()
    for nominal_id in ids[20 + args.pages :]:
        client.get(f"/people/{nominal_id}/")
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
