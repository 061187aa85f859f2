// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function throttle(urls, fetchOne) {
  for (const url of urls) {
    await fetchOne(url);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
