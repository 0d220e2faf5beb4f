from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jxc.inventory.selectors import stock_drift_list


class Command(BaseCommand):
    help = "Inventory tools. `inventory check`: compare the ledger with the stock counters."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["check"])

    def handle(self, *args: Any, **options: Any) -> None:
        drifts = stock_drift_list()
        if not drifts:
            self.stdout.write("inventory check: no drift (levels = moves, bins = levels).")
            return
        for drift in drifts:
            where = f" warehouse={drift.warehouse_id}" if drift.warehouse_id is not None else ""
            self.stdout.write(
                f"DRIFT {drift.kind}: sku={drift.sku_id}{where} "
                f"expected={drift.expected} actual={drift.actual}"
            )
        raise CommandError(f"inventory check: {len(drifts)} drift(s) found")
