"""Stock alerts (库存预警): rules per SKU × warehouse, the alerts they raise, near-expiry lots.

- `enums`: alert kinds.  - `services`: `stock_rule_set`, `stock_alerts_refresh`.
- `selectors`: `stock_alert_list`, `near_expiry_list`, `stock_rule_list`.
- The pure rules live in `jxc.inventory.alerts_domain`; the task in `jxc.inventory.tasks`.

This module imports nothing so that `models.py` can import `alerts.enums` without a cycle.
"""
