// Pattern from eslint/lib/eslint/eslint-helpers.js (`new Set([...patterns.keys()])`): the keys iterator is copied
// into an array only for the Set constructor to iterate it; the constructor takes the iterator itself.
export function pending(patterns) {
	return new Set([...patterns.keys()]); // expect: loop.unnecessary-materialization
}
