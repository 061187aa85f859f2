// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

function notAsync(items, save) {
  items.forEach(async (item) => {
    await save(item);
  });
}
