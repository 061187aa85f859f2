/**
 * Binary search over a sorted list: the index of the first item for which `before(item)` is false (the list's length
 * when there is none). `before` must hold for a prefix of the list and not after it — e.g. `(x) => x.start < at`
 * on a list sorted by start gives the first item starting at or after `at`.
 */
export function firstIndex<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
