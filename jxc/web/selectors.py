"""Figures for the home page, all counted from the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from jxc.accounts.enums import AuditAction
from jxc.accounts.models import ApiToken, AuditEntry, User

from .navigation import CAPABILITY_COUNT, SECTIONS


@dataclass(frozen=True)
class HomeFigures:
    active_users: int
    sign_ins_today: int
    failed_sign_ins_today: int
    my_active_tokens: int
    modules_built: int
    modules_total: int


def home_figures(*, user: Any) -> HomeFigures:
    today = timezone.localdate()
    entries_today = AuditEntry.objects.filter(at__date=today)
    built = {item.capability for section in SECTIONS for item in section.items if item.is_built} - {
        ""
    }
    return HomeFigures(
        active_users=User.objects.filter(is_active=True).count(),
        sign_ins_today=entries_today.filter(action=AuditAction.LOGIN).count(),
        failed_sign_ins_today=entries_today.filter(action=AuditAction.LOGIN_FAILED).count(),
        my_active_tokens=ApiToken.objects.filter(user=user, revoked_at__isnull=True).count(),
        modules_built=len(built),
        modules_total=CAPABILITY_COUNT,
    )


def recent_audit_entries(*, limit: int = 8) -> list[AuditEntry]:
    return list(AuditEntry.objects.all()[:limit])
