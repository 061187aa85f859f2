// Pattern from eslint/lib/rules/no-invalid-regexp.js (validateRegExpFlags): `allFlags` reads like a collection, but
// its JSDoc says it is a string, so `includes` is a substring test, not a linear scan of an array.
/**
 * @param {string} flags flags to check
 * @param {string} allFlags all valid flags
 * @returns {string[]} duplicates
 */
export function duplicateFlags(flags, allFlags) {
	const out = [];
	for (const flag of flags) {
		if (allFlags.includes(flag)) out.push(flag);
	}
	return out;
}
