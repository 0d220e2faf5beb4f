"""Warehouses, zones and bins (master data; audited)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jxc.accounts.audit import audit_record
from jxc.accounts.enums import AuditAction
from jxc.accounts.models import User
from jxc.core.exceptions import ApplicationError

from ..domain import expand_bin_pattern
from ..enums import WarehouseKind, ZoneKind
from ..models import Bin, Warehouse, Zone


def _error(field_name: str, message: str, code: str = "invalid") -> ApplicationError:
    return ApplicationError(message, code=code, details=[{"field": field_name, "message": message}])


@transaction.atomic
def warehouse_create(
    *,
    actor: User | None,
    code: str,
    name: str,
    kind: str = WarehouseKind.OWN,
    address: str = "",
    with_default_zones: bool = True,
) -> Warehouse:
    """Create a warehouse, by default with one zone of each kind (存储 拣货 包装 发货 退货 次品)."""
    code, name = code.strip().upper(), name.strip()
    if not code or not name:
        raise _error("code" if not code else "name", _("Give the warehouse a code and a name."))
    if kind not in WarehouseKind.values:
        raise _error("kind", _("Unknown warehouse kind."))
    if Warehouse.objects.filter(code=code).exists():
        raise _error(
            "code", _("Warehouse code %(code)s is already used.") % {"code": code}, "duplicate"
        )
    warehouse = Warehouse.objects.create(code=code, name=name, kind=kind, address=address)
    if with_default_zones:
        Zone.objects.bulk_create(
            [Zone(warehouse=warehouse, code=zone.value.upper()[:4], kind=zone) for zone in ZoneKind]
        )
    audit_record(action=AuditAction.CREATE, actor=actor, instance=warehouse)
    return warehouse


@transaction.atomic
def bins_create(
    *, actor: User | None, zone: Zone, pattern: str, capacity: int | None = None
) -> list[Bin]:
    """Create bins from a code pattern such as "A-{01..03}-{01..05}-{01..04}" in one zone.

    Codes that already exist in the warehouse are refused (nothing is created then).
    """
    try:
        codes = expand_bin_pattern(pattern.strip())
    except ValueError as exc:
        raise _error(
            "pattern",
            _(
                "The bin pattern is not valid: write ranges like {01..05} with the start not "
                "above the end, for at most 5,000 bins."
            ),
        ) from exc
    if not codes or any(not code for code in codes):
        raise _error("pattern", _("The bin pattern gives no codes."))
    taken = set(
        Bin.objects.filter(warehouse=zone.warehouse, code__in=codes).values_list("code", flat=True)
    )
    if taken:
        example = ", ".join(sorted(taken)[:5])
        raise _error(
            "pattern", _("These bins already exist: %(codes)s") % {"codes": example}, "duplicate"
        )
    bins = Bin.objects.bulk_create(
        [Bin(warehouse=zone.warehouse, zone=zone, code=code, capacity=capacity) for code in codes]
    )
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        instance=zone.warehouse,
        changes={"bins": [None, f"{codes[0]} … {codes[-1]} ({len(codes)})"]},
    )
    return bins
