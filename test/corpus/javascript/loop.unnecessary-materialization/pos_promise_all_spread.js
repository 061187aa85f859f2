async function settle(pending) {
  return Promise.all([...pending]); // expect: loop.unnecessary-materialization
}
module.exports = { settle };
