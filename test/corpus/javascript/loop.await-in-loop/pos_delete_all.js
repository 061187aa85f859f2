// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function deleteAll(ids, client) {
  for (let i = 0; i < ids.length; i++) { // expect: loop.manual-index
    await client.delete(ids[i]); // expect: loop.await-in-loop
  }
}
