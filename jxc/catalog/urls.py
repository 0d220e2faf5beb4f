from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.product_list, name="products"),
    path("new/", views.product_create, name="product-create"),
    path("<int:product_id>/", views.product_detail, name="product"),
    path("scan/", views.sku_scan, name="scan"),
]
