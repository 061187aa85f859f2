// Different subjects in each check.
class A {}

class B {}

class C {}

export function mixed(a: unknown, b: unknown, c: unknown) {
  if (a instanceof A) return 1;
  if (b instanceof B) return 2;
  if (c instanceof C) return 3;
  return 0;
}
