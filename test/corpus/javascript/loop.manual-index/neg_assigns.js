function assigns(items) {
  for (let i = 0; i < items.length; i++) {
    items[i] = items[i].trim();
  }
}
