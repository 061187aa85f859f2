/** Random record ids: 16 bytes of crypto randomness as hex (available in Node ≥ 19, browsers and web workers). */
export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
