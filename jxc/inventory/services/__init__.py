"""Inventory writes. Every stock change goes through these functions (see ledger.py)."""

from .operations import (
    StockResult,
    lot_get_or_create,
    stock_adjust,
    stock_move_bin,
    stock_receive,
    stock_scrap,
)
from .reservations import ReservationLine, stock_release, stock_reserve
from .setup import bins_create, warehouse_create
from .transfers import TransferLineInput, transfer_receive, transfer_ship

__all__ = [
    "ReservationLine",
    "StockResult",
    "TransferLineInput",
    "bins_create",
    "lot_get_or_create",
    "stock_adjust",
    "stock_move_bin",
    "stock_receive",
    "stock_release",
    "stock_reserve",
    "stock_scrap",
    "transfer_receive",
    "transfer_ship",
    "warehouse_create",
]
