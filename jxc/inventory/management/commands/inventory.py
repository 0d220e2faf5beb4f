from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jxc.inventory.selectors import stock_drift_list


class Command(BaseCommand):
    help = (
        "Inventory tools. `inventory check`: compare the ledger with the stock counters. "
        "`inventory alerts`: recompute low/over-stock and near-expiry alerts (run daily)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["check", "alerts"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "alerts":
            from jxc.inventory.alerts.services import stock_alerts_refresh

            counts = stock_alerts_refresh()
            self.stdout.write(
                "inventory alerts: " + ", ".join(f"{k}={v}" for k, v in counts.items())
            )
            return
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
