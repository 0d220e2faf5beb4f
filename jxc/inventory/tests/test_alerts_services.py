"""Alert services on the database: rules, alerts opening and resolving with real stock changes,
near-expiry lots, the task, and the scope of the selectors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from jxc.accounts.enums import ScopeKind
from jxc.accounts.models import AuditEntry
from jxc.accounts.services import user_scopes_set
from jxc.core.exceptions import ApplicationError
from jxc.inventory import services
from jxc.inventory.alerts.enums import AlertKind
from jxc.inventory.alerts.selectors import near_expiry_list, stock_alert_list
from jxc.inventory.alerts.services import stock_alerts_refresh, stock_rule_set
from jxc.inventory.models import StockAlert, StockRule
from jxc.inventory.tasks import alerts_refresh_on_commit, refresh_stock_alerts

from .factories import make_sku, make_warehouse

pytestmark = pytest.mark.django_db


def open_alerts(**filters: Any) -> list[tuple[str, str, int, int]]:
    rows = StockAlert.objects.filter(resolved_at__isnull=True, **filters).order_by("kind", "id")
    return [(a.kind, a.warehouse.code, a.quantity, a.threshold) for a in rows]


def rule(sku: Any, warehouse: Any, safety: int, reorder: int, maximum: int = 0) -> StockRule:
    return stock_rule_set(
        actor=None,
        sku=sku,
        warehouse=warehouse,
        safety_stock=safety,
        reorder_point=reorder,
        max_stock=maximum,
    )


def open_lots() -> list[str]:
    alerts = StockAlert.objects.filter(resolved_at__isnull=True, kind=AlertKind.NEAR_EXPIRY)
    return sorted(alerts.values_list("lot__lot_no", flat=True))


@pytest.fixture
def sh() -> Any:
    return make_warehouse("SH")[0]


def test_low_opens_then_receipt_resolves(sh: Any) -> None:
    sku = make_sku("AL-01")
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=5)
    rule(sku, sh, 10, 20)
    assert open_alerts() == [(AlertKind.LOW, "SH", 5, 10)]
    first = StockAlert.objects.get()
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=30)
    assert stock_alerts_refresh() == {"opened": 0, "updated": 0, "resolved": 1}
    assert open_alerts() == []
    first.refresh_from_db()
    assert first.resolved_at is not None
    assert first.first_seen <= first.last_seen <= first.resolved_at


def test_low_gives_way_to_reorder_and_updates_quantity(sh: Any) -> None:
    sku = make_sku("AL-02")
    rule(sku, sh, 10, 20)
    assert open_alerts() == [(AlertKind.LOW, "SH", 0, 10)]  # a rule without stock counts as 0
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=12)
    stock_alerts_refresh(sku_ids=[sku.pk])
    assert open_alerts() == [(AlertKind.REORDER, "SH", 12, 20)]
    opened = StockAlert.objects.get(resolved_at__isnull=True)
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=3)
    assert stock_alerts_refresh() == {"opened": 0, "updated": 1, "resolved": 0}
    again = StockAlert.objects.get(resolved_at__isnull=True)
    assert (again.pk, again.quantity, again.first_seen) == (opened.pk, 15, opened.first_seen)
    assert again.last_seen > opened.last_seen


def test_reservations_count_against_available(sh: Any) -> None:
    sku = make_sku("AL-03")
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=30)
    rule(sku, sh, 10, 20)
    assert open_alerts() == []
    services.stock_reserve(
        reference="TB-1", lines=[services.ReservationLine(sku=sku, warehouse=sh, quantity=25)]
    )
    stock_alerts_refresh()
    assert open_alerts() == [(AlertKind.LOW, "SH", 5, 10)]
    services.stock_release(reference="TB-1")
    stock_alerts_refresh()
    assert open_alerts() == []


def test_over_stock_opens_and_resolves_and_reopens_as_new(sh: Any) -> None:
    sku = make_sku("AL-04")
    rule(sku, sh, 0, 10, 50)
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=60)
    stock_alerts_refresh()
    assert open_alerts() == [(AlertKind.OVER, "SH", 60, 50)]
    services.stock_adjust(actor=None, sku=sku, warehouse=sh, quantity=-20, reason="damaged")
    stock_alerts_refresh()
    assert open_alerts() == []
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=11)
    stock_alerts_refresh()
    assert open_alerts() == [(AlertKind.OVER, "SH", 51, 50)]
    assert StockAlert.objects.filter(kind=AlertKind.OVER).count() == 2  # history is kept


def test_changing_the_rule_refreshes_its_alerts(sh: Any) -> None:
    sku = make_sku("AL-05")
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=8)
    rule(sku, sh, 10, 10)
    assert open_alerts() == [(AlertKind.LOW, "SH", 8, 10)]
    rule(sku, sh, 5, 10)
    assert open_alerts() == [(AlertKind.REORDER, "SH", 8, 10)]
    rule(sku, sh, 0, 0)
    assert open_alerts() == []


def test_refresh_of_some_skus_leaves_the_others(sh: Any) -> None:
    one, two = make_sku("AL-06"), make_sku("AL-07")
    rule(one, sh, 5, 5)
    rule(two, sh, 5, 5)
    services.stock_receive(actor=None, sku=one, warehouse=sh, quantity=9)
    services.stock_receive(actor=None, sku=two, warehouse=sh, quantity=9)
    assert stock_alerts_refresh(sku_ids=[one.pk])["resolved"] == 1
    assert [a.sku_id for a in StockAlert.objects.filter(resolved_at__isnull=True)] == [two.pk]


def test_near_expiry_lot_alert_follows_the_bin_stock(sh: Any, settings: Any) -> None:
    settings.JXC_NEAR_EXPIRY_DAYS = 30
    sku = make_sku("AL-08", lot_tracked=True, expiry_tracked=True)
    today = timezone.localdate()
    for lot_no, days, quantity in [("L-SOON", 10, 4), ("L-LATE", 60, 7)]:
        services.stock_receive(
            actor=None,
            sku=sku,
            warehouse=sh,
            quantity=quantity,
            lot_no=lot_no,
            expiry_date=today + dt.timedelta(days=days),
        )
    stock_alerts_refresh()
    alert = StockAlert.objects.get(resolved_at__isnull=True)
    assert (alert.kind, alert.quantity, alert.threshold) == (AlertKind.NEAR_EXPIRY, 4, 30)
    assert open_lots() == ["L-SOON"]
    settings.JXC_NEAR_EXPIRY_DAYS = 90
    stock_alerts_refresh()
    assert open_lots() == ["L-LATE", "L-SOON"]
    services.stock_scrap(actor=None, sku=sku, warehouse=sh, quantity=4)  # FEFO: all of L-SOON
    stock_alerts_refresh(sku_ids=[sku.pk])
    assert open_lots() == ["L-LATE"]


def test_near_expiry_list_per_bin_with_days_left_and_scope(make_user: Any) -> None:
    sh, sh_bins = make_warehouse("SH")
    gz, gz_bins = make_warehouse("GZ", bins="B-01")
    sku = make_sku("AL-09", lot_tracked=True, expiry_tracked=True)
    today = timezone.localdate()
    expired = today - dt.timedelta(days=2)
    for warehouse, bin_obj, lot_no, expiry in [
        (sh, sh_bins[0], "L1", today + dt.timedelta(days=5)),
        (sh, sh_bins[1], "L1", today + dt.timedelta(days=5)),
        (gz, gz_bins[0], "L0", expired),
        (sh, sh_bins[2], "L9", today + dt.timedelta(days=400)),
    ]:
        services.stock_receive(
            actor=None,
            sku=sku,
            warehouse=warehouse,
            quantity=3,
            bin_obj=bin_obj,
            lot_no=lot_no,
            expiry_date=expiry,
        )
    admin = make_user("admin")
    rows = near_expiry_list(user=admin, days=30)
    assert [(r.warehouse, r.bin, r.lot_no, r.days_left, r.quantity) for r in rows] == [
        ("GZ", "B-01", "L0", -2, 3),
        ("SH", "A-01", "L1", 5, 3),
        ("SH", "A-02", "L1", 5, 3),
    ]
    clerk = make_user("warehouse")
    user_scopes_set(
        actor=None, user=clerk, kind=ScopeKind.WAREHOUSE, unrestricted=False, ref_ids=[sh.pk]
    )
    assert {r.warehouse for r in near_expiry_list(user=clerk, days=30)} == {"SH"}
    with pytest.raises(ApplicationError) as error:
        near_expiry_list(user=admin, days=-1)
    assert error.value.details[0]["field"] == "days"


def test_alert_list_is_limited_to_the_users_warehouses(make_user: Any, sh: Any) -> None:
    gz = make_warehouse("GZ", bins="B-01")[0]
    sku = make_sku("AL-10")
    rule(sku, sh, 1, 1)
    rule(sku, gz, 1, 1)
    clerk = make_user("warehouse")
    user_scopes_set(
        actor=None, user=clerk, kind=ScopeKind.WAREHOUSE, unrestricted=False, ref_ids=[gz.pk]
    )
    assert [a.warehouse.code for a in stock_alert_list(user=clerk)] == ["GZ"]
    assert [a.warehouse.code for a in stock_alert_list(user=make_user("admin"))] == ["GZ", "SH"]
    assert list(stock_alert_list(user=make_user("admin"), kind=AlertKind.OVER)) == []
    assert list(stock_alert_list(user=clerk, warehouse_id=sh.pk)) == []
    with pytest.raises(ApplicationError) as error:
        stock_alert_list(user=clerk, kind="nope")
    assert error.value.details[0]["field"] == "kind"


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        ((-1, 0, 0), ["safety_stock"]),
        ((5, 4, 0), ["reorder_point"]),
        ((1, 5, 4), ["max_stock"]),
        ((0, "2", 0), ["reorder_point"]),
        ((-1, -1, -1), ["safety_stock", "reorder_point", "max_stock"]),
    ],
)
def test_invalid_rules_name_the_fields_and_write_nothing(
    sh: Any, values: tuple[Any, ...], fields: list[str]
) -> None:
    sku = make_sku("AL-11")
    audits = AuditEntry.objects.count()
    with pytest.raises(ApplicationError) as error:
        rule(sku, sh, *values)
    assert [d["field"] for d in error.value.details] == fields
    assert StockRule.objects.count() == 0
    assert AuditEntry.objects.count() == audits


def test_rules_are_audited_create_then_changes_only(sh: Any, admin_user: Any) -> None:
    sku = make_sku("AL-12")
    set_rule = {"actor": admin_user, "sku": sku, "warehouse": sh, "safety_stock": 1}
    first = stock_rule_set(**set_rule, reorder_point=2, max_stock=0)
    second = stock_rule_set(**set_rule, reorder_point=3, max_stock=0)
    stock_rule_set(**set_rule, reorder_point=3, max_stock=0)
    assert first.pk == second.pk
    entries = AuditEntry.objects.filter(object_type="inventory.stockrule").order_by("id")
    assert [(e.action, e.changes) for e in entries] == [
        ("create", {"safety_stock": [None, 1], "reorder_point": [None, 2], "max_stock": [None, 0]}),
        ("update", {"reorder_point": [2, 3]}),
    ]
    assert entries[0].actor == admin_user


def test_database_refuses_bad_rules_and_double_open_alerts(sh: Any) -> None:
    sku = make_sku("AL-13")
    for bad in [{"safety_stock": -1}, {"safety_stock": 5}, {"reorder_point": 5, "max_stock": 2}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            StockRule.objects.create(sku=sku, warehouse=sh, **bad)
    now = timezone.now()
    fields = {"kind": AlertKind.LOW, "sku": sku, "warehouse": sh, "quantity": 0, "threshold": 1}
    StockAlert.objects.create(**fields, first_seen=now, last_seen=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockAlert.objects.create(**fields, first_seen=now, last_seen=now)
    StockAlert.objects.create(**fields, first_seen=now, last_seen=now, resolved_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockAlert.objects.create(
            **{**fields, "kind": AlertKind.NEAR_EXPIRY}, first_seen=now, last_seen=now
        )


def test_task_and_on_commit_hook(sh: Any, django_capture_on_commit_callbacks: Any) -> None:
    sku = make_sku("AL-14")
    StockRule.objects.create(sku=sku, warehouse=sh, safety_stock=3, reorder_point=3)
    result = refresh_stock_alerts.enqueue(sku_ids=[sku.pk])
    assert result.return_value == {"opened": 1, "updated": 0, "resolved": 0}
    services.stock_receive(actor=None, sku=sku, warehouse=sh, quantity=9)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        alerts_refresh_on_commit([])
        alerts_refresh_on_commit([sku.pk, sku.pk])
    assert len(callbacks) == 1
    assert open_alerts() != []  # nothing runs before the commit
    callbacks[0]()
    assert open_alerts() == []
