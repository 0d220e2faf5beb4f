"""The audit log: sign-ins and every create/update/delete of master data.

Services call `audit_record` themselves (no signals), inside their own transaction, so an entry
exists exactly when the change it describes was committed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from axes.helpers import get_client_ip_address
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.http import HttpRequest

from .enums import AuditAction
from .models import AuditEntry, User

Snapshot = dict[str, Any]
SECRET_FIELDS = frozenset({"password", "digest"})


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(_plain(item) for item in value)
    return value


def model_snapshot(instance: models.Model, fields: list[str] | None = None) -> Snapshot:
    """The audited field values of `instance` (secrets replaced by a marker)."""
    names = fields or [
        field.attname for field in instance._meta.concrete_fields if not field.primary_key
    ]
    snapshot: Snapshot = {}
    for name in names:
        value = getattr(instance, name)
        snapshot[name] = "******" if name in SECRET_FIELDS else _plain(value)
    return snapshot


def changes_between(before: Snapshot, after: Snapshot) -> dict[str, list[Any]]:
    """{field: [from, to]} for every field whose value differs."""
    changed: dict[str, list[Any]] = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old != new:
            changed[name] = [old, new]
    return changed


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address, read behind proxies the same way the lockout reads it."""
    if request is None:
        return None
    return get_client_ip_address(request) or None


def audit_record(
    *,
    action: AuditAction | str,
    actor: User | AnonymousUser | None = None,
    actor_name: str = "",
    instance: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    note: str = "",
) -> AuditEntry:
    """Append one audit entry. Locks nothing; entries are never changed afterwards."""
    user = actor if isinstance(actor, User) and actor.pk else None
    entry = AuditEntry(
        action=str(action),
        actor=user,
        actor_name=actor_name or (user.get_username() if user is not None else ""),
        changes=changes or {},
        ip_address=client_ip(request),
        note=note[:255],
    )
    if instance is not None:
        entry.object_type = instance._meta.label_lower
        entry.object_id = str(instance.pk or "")
        entry.object_repr = str(instance)[:200]
    entry.save()
    return entry
