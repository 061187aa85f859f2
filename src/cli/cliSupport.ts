/** What every CLI subcommand shares: its I/O, the usage-error type (exit 2) and the tool version. */

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
