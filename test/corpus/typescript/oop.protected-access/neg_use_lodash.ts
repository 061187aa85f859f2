// lodash, dunder-style, and data keys are not protected members.
declare const _: { map<T>(xs: T[], f: (x: T) => T): T[] };

export function useLodash(xs: number[]) {
  return _.map(xs, (x) => x + 1);
}

declare const doc: { _id: string; name: string };
