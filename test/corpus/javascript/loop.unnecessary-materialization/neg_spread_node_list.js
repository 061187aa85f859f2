function links() {
  return [...document.querySelectorAll('a')].map((a) => a.href);
}
module.exports = { links };
