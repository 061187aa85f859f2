declare const server: { _handle: { close(): void } };

export function shutdown() {
  server._handle.close(); // expect: oop.protected-access
}
