// Serialised independent requests, and sequential loops that must stay sequential.
const fs = require('fs/promises');

async function fold(steps, init) {
  let acc = init;
  for (const step of steps) {
    acc = await step(acc);
  }
  return acc;
}
