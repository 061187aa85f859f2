// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function firstWorking(mirrors, tryFetch) {
  for (const m of mirrors) {
    const res = await tryFetch(m);
    if (res.ok) return res;
  }
  return null;
}
