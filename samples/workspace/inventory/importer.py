"""Import stock from CSV exported by the shop system."""
import csv
from pathlib import Path

from .stock import Inventory, Item


def load_csv(path: Path) -> Inventory:
    inventory = Inventory()
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            tags = [t.strip() for t in row.get("tags", "").split(";") if t.strip()]
            inventory.add(Item(row["sku"], row["name"], int(row["quantity"]), int(row.get("reorder", 5)), tags))
    return inventory
