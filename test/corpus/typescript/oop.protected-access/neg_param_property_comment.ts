// A public parameter property: a comment that says "private" next to its name does not make it one.
class Ticket {
  // not a private code: anyone may read the code
  constructor(readonly code: string) {}
}

export function show(t: Ticket): string {
  return t.code;
}
