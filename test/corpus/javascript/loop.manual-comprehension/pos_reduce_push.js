function labels(items) {
  return items.reduce((out, item) => {
    if (item.visible) out.push(item.label); // expect: loop.manual-comprehension
    return out;
  }, []);
}
module.exports = { labels };
