/** What every CLI subcommand shares: its I/O, option parsing, the usage-error type (exit 2) and the tool version. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DRIFT_WATCH, type DriftWatch } from '../core/drift/driftDefaults.js';

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export type CommandRunner = (argv: string[], io: CliIo) => Promise<number>;

/** A mistake in how the command was called: exit code 2 with the message. */
export class UsageError extends Error {}

/** Replaced at build time by esbuild's `define`; falls back for unbundled (tsx) runs. */
declare const __DRIFTWATCH_VERSION__: string | undefined;
export const CLI_VERSION = typeof __DRIFTWATCH_VERSION__ === 'string' ? __DRIFTWATCH_VERSION__ : '0.0.0-dev';

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses a subcommand's `--options` strictly (an unknown option or a positional argument throws) and adds the `--help`
 * / `-h` every subcommand has: with it, writes `help` to stdout and returns undefined (the command then exits 0).
 */
export function parseCommandOptions<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, help: string, io: CliIo) {
  const { values } = parseArgs({ args: argv, options: { ...options, ...HELP_OPTION }, strict: true, allowPositionals: false });
  if ((values as { help?: boolean }).help) {
    io.out.write(help);
    return undefined;
  }
  return values;
}

/** A whole-number option (`--examples 3`), or `fallback` when absent; anything else is a usage error. */
export function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}

/** `--watch`: which drift metrics may alert (the setting `driftwatch.drift.watch`). */
export function watchOption(value: string | undefined): DriftWatch {
  const v = value ?? 'all';
  if (!(DRIFT_WATCH as readonly string[]).includes(v)) throw new UsageError(`--watch must be one of ${DRIFT_WATCH.join('|')}, got "${v}"`);
  return v as DriftWatch;
}
