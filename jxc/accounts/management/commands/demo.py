from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from jxc.accounts.demo import DEMO_PASSWORD, demo_users_load
from jxc.inventory.alerts.services import stock_alerts_refresh
from jxc.inventory.demo import demo_catalog_load


class Command(BaseCommand):
    help = "Migrate and load the demo data (idempotent), then print the logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        created, users = demo_users_load()
        self.stdout.write(f"Demo data ready ({created} users created, {len(users)} in total).")
        counts = demo_catalog_load()
        stock_alerts_refresh()  # so the alerts page is current before a worker runs
        self.stdout.write(
            f"Demo catalog and stock: {counts['skus']} SKUs, {counts['warehouses']} warehouses, "
            f"{counts['stock_moves']} stock moves created."
        )
        self.stdout.write("")
        self.stdout.write("  username     password         role")
        for user, role in users:
            self.stdout.write(f"  {user.username:<12} {DEMO_PASSWORD:<16} {role} ({user.label})")
