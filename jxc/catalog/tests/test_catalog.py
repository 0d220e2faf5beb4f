"""Catalog: domain rules, product creation with a spec matrix, category moves, pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jxc.catalog.domain import barcode_problem, ean13_check_digit, spec_matrix
from jxc.catalog.models import Category, Product, Sku
from jxc.catalog.services import (
    SkuInput,
    category_create,
    category_move,
    product_create,
    skus_from_matrix,
)
from jxc.core.exceptions import ApplicationError


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_ean13_with_its_check_digit_is_valid_and_any_other_digit_is_not(first12: str) -> None:
    check = ean13_check_digit(first12)
    assert barcode_problem(first12 + str(check)) is None
    assert barcode_problem(first12 + str((check + 1) % 10)) == "ean13_checksum"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["颜色", "尺码", "款式"]), st.lists(st.text(min_size=1), max_size=4)
        ),
        max_size=3,
        unique_by=lambda axis: axis[0],
    )
)
def test_spec_matrix_size_is_the_product_of_distinct_values(axes: list) -> None:
    combos = spec_matrix(axes)
    expected = 1
    for _axis, values in axes:
        distinct = {v.strip() for v in values if v.strip()}
        expected *= len(distinct) or 1
    assert len(combos) == expected
    assert len({c.values for c in combos}) == len(combos)


@pytest.mark.django_db
def test_product_with_colour_by_size_matrix() -> None:
    skus = skus_from_matrix(
        code_prefix="TX24",
        axes=[("颜色", ["红", "白"]), ("尺码", ["S", "M", "L"])],
        sale_price=Decimal("59"),
    )
    product = product_create(actor=None, title="纯棉T恤", skus=skus)
    labels = list(product.skus.order_by("merchant_code").values_list("spec_label", flat=True))
    assert labels == ["红 / S", "红 / M", "红 / L", "白 / S", "白 / M", "白 / L"]
    assert Sku.objects.get(merchant_code="TX24-06").specs == {"颜色": "白", "尺码": "L"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sku", "field"),
    [
        (SkuInput(merchant_code="bad code!"), "skus.0.merchant_code"),
        (SkuInput(merchant_code="OK-1", barcode="6901234567890"), "skus.0.barcode"),
        (SkuInput(merchant_code="OK-2", sale_price=Decimal("-1")), "skus.0.sale_price"),
    ],
)
def test_bad_sku_input_names_the_field_and_writes_nothing(sku: SkuInput, field: str) -> None:
    with pytest.raises(ApplicationError) as error:
        product_create(actor=None, title="x", skus=[sku])
    assert error.value.details[0]["field"] == field
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_duplicate_codes_in_one_request_are_refused() -> None:
    with pytest.raises(ApplicationError) as error:
        product_create(
            actor=None, title="x", skus=[SkuInput(merchant_code="D1"), SkuInput(merchant_code="D1")]
        )
    assert error.value.code == "duplicate"


@pytest.mark.django_db
def test_category_tree_move_and_no_cycles() -> None:
    clothes = category_create(actor=None, name="服装")
    men = category_create(actor=None, name="男装", parent=clothes)
    tees = category_create(actor=None, name="T恤", parent=men)
    digital = category_create(actor=None, name="数码")
    category_move(actor=None, category=men, parent=digital)
    tees.refresh_from_db()
    assert tees.path.startswith(digital.path)
    with pytest.raises(ApplicationError):
        category_move(actor=None, category=digital, parent=tees)
    assert Category.objects.get(pk=digital.pk).parent is None


@pytest.mark.django_db
def test_product_pages(make_user: Any, login_client: Any) -> None:
    admin = login_client(make_user("admin"))
    created = admin.post(
        "/catalog/new/",
        {
            "title": "运动卫衣",
            "status": "on_sale",
            "code_prefix": "WY25",
            "specs": "颜色：黑，灰\n尺码: M, L",
            "cost_price": "60",
            "sale_price": "139",
        },
    )
    assert created.status_code == 302, created.context["form"].errors
    assert Sku.objects.filter(merchant_code__startswith="WY25-").count() == 4
    listing = admin.get("/catalog/", {"q": "WY25-03"})
    assert [p.title for p in listing.context["page"]] == ["运动卫衣"]
    bad = admin.post(
        "/catalog/new/",
        {
            "title": "x",
            "status": "draft",
            "code_prefix": "WY25",
            "specs": "颜色 红",
            "cost_price": "0",
            "sale_price": "0",
        },
    )
    assert bad.status_code == 400
    assert "specs" in bad.context["form"].errors
    scan = admin.get("/catalog/scan/", {"code": "WY25-01"})
    assert scan.context["sku"].merchant_code == "WY25-01"
    viewer = login_client(make_user("viewer"))
    assert viewer.get("/catalog/").status_code == 403
