// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function drain(reader) {
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    console.log(value);
  }
}
