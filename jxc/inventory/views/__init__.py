"""Stock pages: overview, stock card, receipts, adjustments, put-away, transfers, warehouses."""

from .alerts import alert_list
from .imports import catalog_import, import_template, stock_export
from .operations import adjust, putaway, receive, transfer_list, transfer_receive
from .stock import stock_card, stock_overview
from .warehouses import bin_labels, warehouse_list

__all__ = [
    "adjust",
    "alert_list",
    "bin_labels",
    "catalog_import",
    "import_template",
    "stock_export",
    "putaway",
    "receive",
    "stock_card",
    "stock_overview",
    "transfer_list",
    "transfer_receive",
    "warehouse_list",
]
