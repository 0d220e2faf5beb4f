"""Data scopes: which warehouses and shops a user may see. Every selector filters through here.

A user with `all_warehouses` (or `all_shops`) set, or a superuser, is unrestricted for that
kind; otherwise only the ids granted by `DataScope` rows count (none granted = sees nothing).
Apps that own warehouses and shops register their model with `scope_model_register` so that
the user pages can offer them as choices.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.apps import apps
from django.db import models
from django.utils.translation import gettext as _

from jxc.core.exceptions import NotAllowed

from .enums import ScopeKind
from .models import DataScope

_Model = TypeVar("_Model", bound=models.Model)
_SCOPE_MODELS: dict[str, str] = {}


def scope_model_register(*, kind: ScopeKind, model_label: str) -> None:
    """Declare which model ("app_label.Model") a scope kind refers to."""
    _SCOPE_MODELS[str(kind)] = model_label


def scope_model(kind: ScopeKind) -> type[models.Model] | None:
    label = _SCOPE_MODELS.get(str(kind))
    return apps.get_model(label) if label else None


def _unrestricted(user: Any, kind: ScopeKind) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    if kind == ScopeKind.WAREHOUSE:
        return bool(getattr(user, "all_warehouses", False))
    return bool(getattr(user, "all_shops", False))


def scope_ids(user: Any, kind: ScopeKind) -> frozenset[int] | None:
    """The ids `user` may see for `kind`, or None when the user is unrestricted."""
    if not (user and user.is_authenticated):
        return frozenset()
    if _unrestricted(user, kind):
        return None
    cache_name = f"_jxc_scope_{kind}"
    cached = getattr(user, cache_name, None)
    if cached is None:
        cached = frozenset(
            DataScope.objects.filter(user_id=user.pk, kind=kind).values_list("ref_id", flat=True)
        )
        setattr(user, cache_name, cached)
    return cached


def scope_filter(
    queryset: models.QuerySet[_Model], *, user: Any, kind: ScopeKind, field: str
) -> models.QuerySet[_Model]:
    """Limit `queryset` to rows whose `field` (a warehouse or shop id) is in the user's scope."""
    allowed = scope_ids(user, kind)
    if allowed is None:
        return queryset
    return queryset.filter(**{f"{field}__in": allowed})


def scope_check(*, user: Any, kind: ScopeKind, ref_id: int) -> None:
    """Raise NotAllowed when `ref_id` is outside the user's scope for `kind`."""
    allowed = scope_ids(user, kind)
    if allowed is not None and ref_id not in allowed:
        if kind == ScopeKind.WAREHOUSE:
            message = _("This warehouse is outside your data scope.")
        else:
            message = _("This shop is outside your data scope.")
        raise NotAllowed(message, code="out_of_scope")
