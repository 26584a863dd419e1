from django.core.management.base import BaseCommand, CommandError

from mappa.agencies.demo import PERSONAS, RealDataPresent, load_demo


class Command(BaseCommand):
    help = "Load the demo areas (DEMO, OTHER), their agencies and the demo personas. Idempotent."

    def handle(self, *args, **options):
        try:
            load_demo()
        except RealDataPresent as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Demo data loaded: areas DEMO and OTHER, {len(PERSONAS)} personas. "
            "Each persona's password and API token is demo-<username>."
        )
