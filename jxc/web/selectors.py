"""Figures for the home page, all counted from the database, chosen by what the user may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from jxc.accounts.enums import AuditAction
from jxc.accounts.models import ApiToken, AuditEntry, User
from jxc.core.access import user_has_access

from .navigation import SECTIONS


@dataclass(frozen=True)
class Figure:
    key: str
    value: int | str
    warn: bool = False


def _admin_figures() -> list[Figure]:
    entries_today = AuditEntry.objects.filter(at__date=timezone.localdate())
    failed = entries_today.filter(action=AuditAction.LOGIN_FAILED).count()
    return [
        Figure("enabled-users", User.objects.filter(is_active=True).count()),
        Figure("sign-ins-today", entries_today.filter(action=AuditAction.LOGIN).count()),
        Figure("failed-sign-ins-today", failed, warn=failed > 0),
    ]


def _stock_figures(user: Any) -> list[Figure]:
    from jxc.inventory.alerts.enums import AlertKind
    from jxc.inventory.alerts.selectors import near_expiry_list, stock_alert_list
    from jxc.inventory.selectors import stock_level_list

    in_stock = stock_level_list(user=user).filter(on_hand__gt=0).values("sku_id").distinct()
    alerts = stock_alert_list(user=user).exclude(kind=AlertKind.NEAR_EXPIRY).count()
    expiring = len(near_expiry_list(user=user, days=settings.JXC_NEAR_EXPIRY_DAYS, limit=1000))
    return [
        Figure("skus-in-stock", in_stock.count()),
        Figure("stock-alerts", alerts, warn=alerts > 0),
        Figure("near-expiry", expiring, warn=expiring > 0),
    ]


def home_figures(*, user: Any) -> list[Figure]:
    """Counts for the home page: sign-in activity for administrators, stock health for those
    who see stock, and how many of the user's menu entries are already available."""
    figures: list[Figure] = []
    if user.has_perm("accounts.view_audit"):
        figures += _admin_figures()
    if user.has_perm("accounts.view_inventory"):
        figures += _stock_figures(user)
    visible = [i for s in SECTIONS for i in s.items if user_has_access(user, i.access)]
    built = sum(1 for item in visible if item.is_built)
    figures.append(Figure("modules", f"{built} / {len(visible)}"))
    return figures


def my_active_tokens(*, user: Any) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()


def recent_audit_entries(*, limit: int = 8) -> list[AuditEntry]:
    return list(AuditEntry.objects.select_related("actor")[:limit])
