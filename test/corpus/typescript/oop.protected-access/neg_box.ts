// lodash, dunder-style, and data keys are not protected members.
declare const _: { map<T>(xs: T[], f: (x: T) => T): T[] };

declare const doc: { _id: string; name: string };

// Private field access on the same class.
export class Box {
  #v = 1;
  same(o: Box) {
    return this.#v === o.#v;
  }
}
