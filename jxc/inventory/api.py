"""Warehouse and stock API. Every stock-changing POST honours an `Idempotency-Key` header:
repeating a request with the same key returns the first result and changes nothing."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from jxc.accounts.api_auth import ApiAuth
from jxc.catalog.selectors import sku_get
from jxc.core.api_pagination import Page, paginate

from . import schemas, selectors, services
from .enums import ZoneKind
from .models import StockLevel, StockMove, Transfer, Warehouse

router = Router(tags=["inventory"])
VIEW = ApiAuth("accounts.view_inventory")
MANAGE = ApiAuth("accounts.manage_inventory")
RESERVE = ApiAuth("accounts.reserve_stock")


def _key(request: HttpRequest) -> str | None:
    header = request.headers.get("Idempotency-Key", "").strip()
    if not header:
        return None
    return f"api:{request.auth.pk}:{request.path}:{header[:80]}"  # type: ignore[attr-defined]


def _warehouse(request: HttpRequest, ref: str) -> Warehouse:
    return selectors.warehouse_get(ref=ref, user=request.auth)  # type: ignore[attr-defined]


@router.get("/warehouses", response=list[schemas.WarehouseOut], auth=VIEW)
def warehouse_list(request: HttpRequest) -> Any:
    return list(selectors.warehouse_list(user=request.auth))  # type: ignore[attr-defined]


@router.post("/warehouses", response={201: schemas.WarehouseOut}, auth=MANAGE)
def warehouse_create(request: HttpRequest, payload: schemas.WarehouseIn) -> Status[Warehouse]:
    warehouse = services.warehouse_create(
        actor=request.auth,  # type: ignore[attr-defined]
        code=payload.code,
        name=payload.name,
        kind=payload.kind,
        address=payload.address,
    )
    if payload.bins:
        zone = warehouse.zones.get(kind=ZoneKind.STORAGE)
        services.bins_create(actor=request.auth, zone=zone, pattern=payload.bins)  # type: ignore[attr-defined]
    return Status(201, warehouse)


@router.get("/stock", response=list[schemas.LevelOut], auth=VIEW, summary="Stock per warehouse")
def stock_list(request: HttpRequest, sku: str = "", warehouse: str = "") -> list[StockLevel]:
    sku_id = sku_get(ref=sku).pk if sku else None
    warehouse_id = _warehouse(request, warehouse).pk if warehouse else None
    levels = selectors.stock_level_list(
        user=request.auth,  # type: ignore[attr-defined]
        sku_id=sku_id,
        warehouse_id=warehouse_id,
    )
    return list(levels[:1000])


@router.post("/stock/receipts", response={201: list[schemas.MoveOut]}, auth=MANAGE)
def stock_receipt(request: HttpRequest, payload: schemas.ReceiptIn) -> Status[list[StockMove]]:
    warehouse = _warehouse(request, payload.warehouse)
    result = services.stock_receive(
        actor=request.auth,  # type: ignore[attr-defined]
        sku=sku_get(ref=payload.sku),
        warehouse=warehouse,
        quantity=payload.quantity,
        unit_cost=payload.unit_cost,
        bin_obj=selectors.bin_get(warehouse=warehouse, code=payload.bin) if payload.bin else None,
        lot_no=payload.lot_no,
        production_date=payload.production_date,
        expiry_date=payload.expiry_date,
        reason=payload.reason,
        note=payload.note,
        idempotency_key=_key(request),
    )
    return Status(201, result.moves)


@router.post("/stock/adjustments", response={201: list[schemas.MoveOut]}, auth=MANAGE)
def stock_adjustment(
    request: HttpRequest, payload: schemas.AdjustmentIn
) -> Status[list[StockMove]]:
    warehouse = _warehouse(request, payload.warehouse)
    result = services.stock_adjust(
        actor=request.auth,  # type: ignore[attr-defined]
        sku=sku_get(ref=payload.sku),
        warehouse=warehouse,
        quantity=payload.quantity,
        reason=payload.reason,
        bin_obj=selectors.bin_get(warehouse=warehouse, code=payload.bin) if payload.bin else None,
        note=payload.note,
        idempotency_key=_key(request),
    )
    return Status(201, result.moves)


@router.post("/stock/transfers", response={201: schemas.TransferOut}, auth=MANAGE)
def transfer_create(request: HttpRequest, payload: schemas.TransferIn) -> Status[Transfer]:
    transfer = services.transfer_ship(
        actor=request.auth,  # type: ignore[attr-defined]
        source=_warehouse(request, payload.source),
        destination=_warehouse(request, payload.destination),
        lines=[
            services.TransferLineInput(sku_get(ref=line.sku), line.quantity)
            for line in payload.lines
        ],
        idempotency_key=_key(request),
    )
    return Status(201, transfer)


@router.post("/stock/transfers/{number}/receive", response=schemas.TransferOut, auth=MANAGE)
def transfer_receive(
    request: HttpRequest, number: str, payload: schemas.TransferReceiveIn
) -> Transfer:
    from django.shortcuts import get_object_or_404

    transfer = get_object_or_404(Transfer, number=number)
    destination = _warehouse(request, str(transfer.destination_id))
    target = selectors.bin_get(warehouse=destination, code=payload.bin) if payload.bin else None
    return services.transfer_receive(actor=request.auth, transfer=transfer, to_bin=target)  # type: ignore[attr-defined]


@router.post("/stock/reservations", response={201: list[schemas.ReservationOut]}, auth=RESERVE)
def reservation_create(request: HttpRequest, payload: schemas.ReservationIn) -> Status[Any]:
    line = services.ReservationLine(
        sku_get(ref=payload.sku), _warehouse(request, payload.warehouse), payload.quantity
    )
    return Status(201, services.stock_reserve(reference=payload.reference, lines=[line]))


@router.delete("/stock/reservations/{reference}", response=schemas.ReleaseOut, auth=RESERVE)
def reservation_release(request: HttpRequest, reference: str) -> dict[str, Any]:
    return {"reference": reference, "released": services.stock_release(reference=reference)}


@router.get("/stock/moves", response=Page[schemas.MoveOut], auth=VIEW, summary="Ledger rows")
def move_list(
    request: HttpRequest, sku: str = "", warehouse: str = "", limit: int = 100, offset: int = 0
) -> dict[str, Any]:
    moves = selectors.stock_move_list(
        user=request.auth,  # type: ignore[attr-defined]
        sku_id=sku_get(ref=sku).pk if sku else None,
        warehouse_id=_warehouse(request, warehouse).pk if warehouse else None,
    )
    return paginate(moves, limit=limit, offset=offset)
