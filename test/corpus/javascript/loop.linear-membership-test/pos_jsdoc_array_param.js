// Pattern from eslint/lib/config/config.js (`validPluginNames`, documented as Array<string>): a parameter documented as
// an array is scanned by includes() on every iteration of the loop.
/**
 * @param {Array<string>} names valid plugin names
 * @param {string[]} entries language entries
 * @returns {boolean} whether an entry matches
 */
export function matches(names, entries) {
	for (const entry of entries) {
		if (names.includes(entry)) return true; // expect: loop.linear-membership-test
	}
	return false;
}
