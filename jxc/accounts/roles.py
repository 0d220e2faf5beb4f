"""The seven roles and what each may do, defined in code and synced into Django groups.

A role is a Django group named by its code (e.g. "purchaser"). `roles_sync` makes the groups
hold exactly the permissions listed here; the admin role holds every permission there is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ALL = "__all__"


@dataclass(frozen=True)
class Role:
    code: str
    name: Promise
    description: Promise
    permissions: tuple[str, ...]
    is_staff: bool = False


def _p(*codenames: str) -> tuple[str, ...]:
    return tuple(f"accounts.{codename}" for codename in codenames)


ROLES: tuple[Role, ...] = (
    Role(
        "admin",
        _("Administrator"),
        _("Everything, including users, roles, scopes and the audit log."),
        (ALL,),
        is_staff=True,
    ),
    Role(
        "purchaser",
        _("Purchaser"),
        _("Suppliers, purchase plans and purchase orders."),
        _p(
            "view_catalog",
            "view_partners",
            "manage_partners",
            "view_purchasing",
            "manage_purchasing",
            "view_inventory",
            "view_planning",
            "manage_planning",
            "view_cost",
            "view_risk",
            "use_api",
        ),
    ),
    Role(
        "warehouse",
        _("Warehouse clerk"),
        _("Receiving, put-away, picking, packing, shipping and counts in their warehouses."),
        _p(
            "view_catalog",
            "view_inventory",
            "manage_inventory",
            "reserve_stock",
            "view_fulfilment",
            "manage_fulfilment",
            "view_aftersales",
            "use_api",
        ),
    ),
    Role(
        "operations",
        _("Operations"),
        _("Products, listings, prices, promotions, order review and channel stock."),
        _p(
            "view_catalog",
            "manage_catalog",
            "view_inventory",
            "view_orders",
            "manage_orders",
            "reserve_stock",
            "view_fulfilment",
            "view_pricing",
            "manage_pricing",
            "view_aftersales",
            "view_feedback",
            "view_analytics",
            "view_planning",
            "view_risk",
            "view_sales_money",
            "use_api",
        ),
    ),
    Role(
        "service",
        _("Customer service"),
        _("Order lookup, returns and exchanges, reviews and feedback (customer data masked)."),
        _p(
            "view_catalog",
            "view_orders",
            "view_fulfilment",
            "view_aftersales",
            "manage_aftersales",
            "view_feedback",
            "manage_feedback",
            "view_sales_money",
        ),
    ),
    Role(
        "finance",
        _("Finance"),
        _("Costs, stock value, payables and margins; reads most of the rest."),
        _p(
            "view_catalog",
            "view_partners",
            "view_purchasing",
            "approve_purchasing",
            "view_inventory",
            "view_orders",
            "view_aftersales",
            "view_analytics",
            "view_sales_money",
            "view_cost",
            "view_risk",
            "use_api",
        ),
    ),
    Role(
        "viewer",
        _("Viewer"),
        _("Reports only."),
        _p("view_analytics"),
    ),
)

ROLE_BY_CODE: dict[str, Role] = {role.code: role for role in ROLES}
