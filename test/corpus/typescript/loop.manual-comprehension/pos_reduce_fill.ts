interface Item { id: string; label: string }
export function byId(items: Item[]) {
  return items.reduce((acc, item) => {
    acc[item.id] = item; // expect: loop.manual-comprehension
    return acc;
  }, {} as Record<string, Item>);
}
