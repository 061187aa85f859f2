// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function stat(paths) {
  const sizes = {};
  for (const p in paths) {
    const s = await fs.stat(paths[p]); // expect: loop.await-in-loop, loop.redundant-index-lookup
    sizes[p] = s.size;
  }
  return sizes;
}
