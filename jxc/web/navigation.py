"""The navigation: one entry per capability C1–C16 in PRODUCT.md, grouped 进/存/销/分析/系统.

An entry with `url_name` points at a built page; one without it opens the honest
"not available yet" page for its module. Each user sees only entries their roles allow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jxc.core.access import LOGIN, user_has_access


@dataclass(frozen=True)
class NavItem:
    slug: str
    label: Promise
    icon: str
    access: str
    capability: str = ""
    summary: Promise | str = ""
    url_name: str = ""
    section_namespace: str = ""  # every page of this URL namespace belongs to the entry

    @property
    def url(self) -> str:
        if self.url_name:
            return reverse(self.url_name)
        return reverse(f"web:module-{self.slug}")

    @property
    def is_built(self) -> bool:
        return bool(self.url_name)


@dataclass(frozen=True)
class NavSection:
    label: Promise
    items: tuple[NavItem, ...]


SECTIONS: tuple[NavSection, ...] = (
    NavSection(
        _("Overview"),
        (NavItem("home", _("Home"), "house", LOGIN, url_name="web:home"),),
    ),
    NavSection(
        _("Purchasing"),
        (
            NavItem(
                "suppliers",
                _("Suppliers"),
                "people",
                "accounts.view_partners",
                "C3",
                _("Supplier master, qualification, price lists, lead times and scorecards."),
            ),
            NavItem(
                "purchasing",
                _("Purchase orders"),
                "cart-check",
                "accounts.view_purchasing",
                "C4",
                _("Purchase suggestions, approved orders, inspected receipts, payables."),
            ),
            NavItem(
                "replenishment",
                _("Replenishment"),
                "graph-up-arrow",
                "accounts.view_planning",
                "C13",
                _("Demand forecasts, safety stock, reorder points and purchase suggestions."),
            ),
        ),
    ),
    NavSection(
        _("Inventory"),
        (
            NavItem(
                "inventory",
                _("Stock"),
                "box-seam",
                "accounts.view_inventory",
                "C5",
                _("Warehouses, bins, lots, the stock ledger, transfers, adjustments and alerts."),
                url_name="inventory:stock",
                section_namespace="inventory",
            ),
            NavItem(
                "stocktaking",
                _("Stocktaking"),
                "clipboard-check",
                "accounts.view_inventory",
                "C6",
                _("Count plans, blind counts by phone scanning, variance analysis and approval."),
            ),
        ),
    ),
    NavSection(
        _("Sales"),
        (
            NavItem(
                "catalog",
                _("Products"),
                "tags",
                "accounts.view_catalog",
                "C1",
                _("SKUs with variants, categories, barcodes, prices, weights and listing status."),
                url_name="catalog:products",
                section_namespace="catalog",
            ),
            NavItem(
                "compliance",
                _("Listing compliance"),
                "shield-check",
                "accounts.view_catalog",
                "C2",
                _("Checks titles and descriptions for Advertising Law terms and missing details."),
            ),
            NavItem(
                "orders",
                _("Orders"),
                "receipt",
                "accounts.view_orders",
                "C7",
                _("Orders from every platform: import, review, allocation without overselling."),
            ),
            NavItem(
                "shipping",
                _("Shipping"),
                "truck",
                "accounts.view_fulfilment",
                "C8",
                _("Carriers, fee templates, picking, packing, labels and tracking."),
            ),
            NavItem(
                "promotions",
                _("Promotions"),
                "percent",
                "accounts.view_pricing",
                "C9",
                _("Discounts, spend-and-save, bundles, gifts, coupons and points."),
            ),
            NavItem(
                "aftersales",
                _("After-sales"),
                "arrow-return-left",
                "accounts.view_aftersales",
                "C10",
                _("Returns, exchanges and refunds with inspection, restock or scrap."),
            ),
            NavItem(
                "feedback",
                _("Reviews and feedback"),
                "chat-left-text",
                "accounts.view_feedback",
                "C11",
                _("Reviews, sentiment, keywords and the response loop."),
            ),
        ),
    ),
    NavSection(
        _("Insight"),
        (
            NavItem(
                "analytics",
                _("Analytics"),
                "bar-chart",
                "accounts.view_analytics",
                "C12",
                _("Sales, margin, turnover, sell-through and channel reports with Excel export."),
            ),
            NavItem(
                "risk",
                _("Risk"),
                "exclamation-triangle",
                "accounts.view_risk",
                "C14",
                _("Supply, operations, fraud and compliance risks with owners and status."),
            ),
        ),
    ),
    NavSection(
        _("System"),
        (
            NavItem(
                "users",
                _("Users and roles"),
                "person-gear",
                "accounts.manage_users",
                "C15",
                url_name="accounts:users",
            ),
            NavItem(
                "audit",
                _("Audit log"),
                "journal-text",
                "accounts.view_audit",
                "C15",
                url_name="accounts:audit",
            ),
            NavItem(
                "api", _("API tokens"), "key", "accounts.use_api", "C16", url_name="accounts:tokens"
            ),
        ),
    ),
)

ITEMS_BY_SLUG: dict[str, NavItem] = {item.slug: item for s in SECTIONS for item in s.items}
PLANNED_ITEMS: tuple[NavItem, ...] = tuple(
    item for section in SECTIONS for item in section.items if not item.is_built
)
CAPABILITY_COUNT = 16


def visible_sections(user: Any) -> list[tuple[NavSection, list[NavItem]]]:
    """The sections and entries `user` may open, empty sections left out."""
    result = []
    for section in SECTIONS:
        items = [item for item in section.items if user_has_access(user, item.access)]
        if items:
            result.append((section, items))
    return result
