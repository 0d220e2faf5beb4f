"""Reads for users, tokens and the audit log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .models import ApiToken, AuditEntry, User
from .roles import ROLE_BY_CODE


def user_list(*, search: str = "", role: str = "") -> QuerySet[User]:
    users = User.objects.prefetch_related("groups").order_by("username")
    if search:
        users = users.filter(
            Q(username__icontains=search)
            | Q(display_name__icontains=search)
            | Q(email__icontains=search)
        )
    if role:
        users = users.filter(groups__name=role)
    return users


def user_role_labels(user: User) -> list[str]:
    """Localized names of the user's roles, in the order roles are defined."""
    codes = {group.name for group in user.groups.all()}
    return [str(role.name) for code, role in ROLE_BY_CODE.items() if code in codes]


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    object_type: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str = ""


def audit_entry_list(*, filters: AuditFilter) -> QuerySet[AuditEntry]:
    """Audit entries, newest first, narrowed by `filters` (dates are local calendar days)."""
    entries = AuditEntry.objects.select_related("actor")
    if filters.actor:
        entries = entries.filter(actor_name__icontains=filters.actor)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.object_type:
        entries = entries.filter(object_type=filters.object_type)
    if filters.date_from:
        entries = entries.filter(at__date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(at__date__lte=filters.date_to)
    if filters.search:
        entries = entries.filter(
            Q(object_repr__icontains=filters.search) | Q(note__icontains=filters.search)
        )
    return entries


def audit_object_types() -> list[str]:
    return sorted(
        AuditEntry.objects.exclude(object_type="").values_list("object_type", flat=True).distinct()
    )
