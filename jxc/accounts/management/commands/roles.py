from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jxc.accounts.roles import ROLES
from jxc.accounts.services import roles_sync


class Command(BaseCommand):
    help = (
        "Role groups: `roles sync` makes them match jxc/accounts/roles.py; `roles list` shows them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["sync", "list"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "sync":
            counts = roles_sync()
            for code, count in counts.items():
                self.stdout.write(f"{code:<12} {count:>4} permissions")
            return
        for role in ROLES:
            self.stdout.write(f"{role.code:<12} {role.name}")
