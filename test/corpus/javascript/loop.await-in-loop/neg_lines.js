// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function lines(readable) {
  for await (const line of readable) {
    console.log(line);
  }
}
