// What the evaluation scripts (eval-rules.mjs, eval-peers.mjs) share before their own work: the repository root and
// their command-line options (`--name value` and bare `--flag`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/lib/scriptArgs.mjs). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @param {string[]} [argv] the arguments after the script name (default: this process's)
 * @returns {{ argv: string[], opt: (name: string) => string | undefined, flag: (name: string) => boolean }}
 *   `opt('--lang')` is the value after `--lang`, or undefined; `flag('--verbose')` whether it was given.
 */
export function scriptArgs(argv = process.argv.slice(2)) {
  return {
    argv,
    opt: (name) => {
      const i = argv.indexOf(name);
      return i >= 0 ? argv[i + 1] : undefined;
    },
    flag: (name) => argv.includes(name),
  };
}
