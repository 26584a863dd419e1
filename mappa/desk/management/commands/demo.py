from django.core.management.base import BaseCommand, CommandError

from mappa.desk.demo import PERSONAS, RealDataPresent
from mappa.desk.services import load_demo, load_showcase
from mappa.safeguarding import queries as mash
from mappa.safeguarding.constants import NamedPosition
from mappa.safeguarding.services import case_lists as mash_services


class Command(BaseCommand):
    help = (
        "Load the demo areas (DEMO, OTHER), their agencies and the demo personas, and name "
        "mash.manager the DEMO area's MASH named person. Idempotent."
    )

    def handle(self, *args, **options):
        try:
            users = {user.username: user for user in load_demo()}
        except RealDataPresent as error:
            raise CommandError(str(error)) from error
        manager = users["mash.manager"]
        if not mash.is_named_person(manager):
            mash_services.designate_named_person(
                actor=users["coordinator"], user=manager, position=NamedPosition.MASH_MANAGER
            )
        load_showcase(users)
        self.stdout.write(
            f"Demo data loaded: areas DEMO and OTHER, {len(PERSONAS)} personas; mash.manager is "
            "DEMO's MASH named person; Paul Reeve is on the releases queue and Craig Dunn is "
            "managed as a potentially dangerous person. Each persona's password and API token is "
            "demo-<username>."
        )
