from django.urls import path

from . import views

app_name = "inventory"

urlpatterns = [
    path("", views.stock_overview, name="stock"),
    path("sku/<int:sku_id>/", views.stock_card, name="stock-card"),
    path("receive/", views.receive, name="receive"),
    path("adjust/", views.adjust, name="adjust"),
    path("putaway/", views.putaway, name="putaway"),
    path("transfers/", views.transfer_list, name="transfers"),
    path("transfers/<int:transfer_id>/receive/", views.transfer_receive, name="transfer-receive"),
    path("warehouses/", views.warehouse_list, name="warehouses"),
    path("alerts/", views.alert_list, name="alerts"),
    path("warehouses/<int:warehouse_id>/labels/", views.bin_labels, name="bin-labels"),
    path("import/", views.catalog_import, name="import"),
    path("import/template.xlsx", views.import_template, name="import-template"),
    path("export.xlsx", views.stock_export, name="export"),
]
