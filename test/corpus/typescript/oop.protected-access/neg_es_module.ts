// lodash, dunder-style, and data keys are not protected members.
declare const _: { map<T>(xs: T[], f: (x: T) => T): T[] };

declare const doc: { _id: string; name: string };

export function esModule(m: { __esModule?: boolean }) {
  return m.__esModule;
}
