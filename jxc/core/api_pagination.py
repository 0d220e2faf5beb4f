"""Limit/offset pages for API lists: {"count": n, "items": [...]}."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from ninja import Schema

T = TypeVar("T")
MAX_LIMIT = 500


class Page(Schema, Generic[T]):
    count: int
    items: list[T]


def paginate(queryset: QuerySet[Any], *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    return {"count": queryset.count(), "items": list(queryset[offset : offset + limit])}
