"""How audit entries read on screen: field names and object types in the user's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from .models import AuditEntry
from .roles import ROLE_BY_CODE

EXTRA_LABELS = {
    "roles": lambda: _("Roles"),
    "warehouse_ids": lambda: _("Warehouses"),
    "shop_ids": lambda: _("Shops"),
    "two_factor": lambda: _("Two-factor sign-in"),
    "user": lambda: _("User"),
}


@dataclass(frozen=True)
class ChangeRow:
    field: str
    label: str
    before: str
    after: str


def _model(object_type: str) -> Any:
    try:
        return apps.get_model(object_type) if object_type else None
    except (LookupError, ValueError):
        return None


def object_type_label(object_type: str) -> str:
    model = _model(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type


def _field_label(model: Any, name: str) -> str:
    if name in EXTRA_LABELS:
        return str(EXTRA_LABELS[name]())
    if model is not None:
        try:
            return str(model._meta.get_field(name.removesuffix("_id")).verbose_name)
        except FieldDoesNotExist:
            pass
    return name


def display_value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    if isinstance(value, list):
        return ", ".join(display_value(item) for item in value)
    return str(value)


def _role_names(codes: Any) -> Any:
    if not isinstance(codes, list):
        return codes
    return [str(ROLE_BY_CODE[c].name) if c in ROLE_BY_CODE else c for c in codes]


def change_rows(entry: AuditEntry) -> list[ChangeRow]:
    """The entry's changes as labelled from → to rows."""
    model = _model(entry.object_type)
    rows = []
    for name, pair in entry.changes.items():
        before, after = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        if name == "roles":
            before, after = _role_names(before), _role_names(after)
        rows.append(
            ChangeRow(name, _field_label(model, name), display_value(before), display_value(after))
        )
    return rows
