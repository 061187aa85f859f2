// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function readAll(paths) {
  const contents = [];
  for (const p of paths) {
    contents.push(await fs.readFile(p, 'utf8')); // expect: loop.await-in-loop
  }
  return contents;
}
