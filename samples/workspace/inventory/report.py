"""Reports over an inventory."""
from .stock import Inventory, Item


def low_stock(inventory: Inventory) -> list[Item]:
    return [item for item in inventory.items() if item.needs_reorder()]


def by_tag(inventory: Inventory) -> dict[str, list[str]]:
    tagged: dict[str, list[str]] = {}
    for item in inventory.items():
        for tag in item.tags:
            tagged.setdefault(tag, []).append(item.sku)
    return tagged


def format_report(items: list[Item]) -> str:
    lines = [f"{item.sku:<10} {item.name:<24} {item.quantity:>5}" for item in items]
    return "\n".join(lines)
