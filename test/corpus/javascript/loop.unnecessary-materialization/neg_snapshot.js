function snapshot(list) {
  for (const item of list.slice()) {
    if (item.done) list.splice(list.indexOf(item), 1);
  }
}
