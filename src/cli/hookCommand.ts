/**
 * `driftwatch hook <agent> --spool DIR`: the Node twin of the shipped hook command (dist/hooks/driftwatch-hook.sh),
 * for scripts and tools that already run Node. Reads the event JSON on stdin and drops it into the spool folder as one
 * file (temp + rename). Like the shell command it always exits 0 and prints nothing on success: a hook must never
 * stop the agent. Usage errors go to stderr (still exit 0 unless `--strict`).
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './cliSupport.js';

const HELP = `Usage: driftwatch hook <agent> --spool DIR [--strict]

  Reads one agent hook event (JSON) on stdin and writes it to the spool folder DIR, where the Driftwatch extension
  picks it up. <agent> is claude-code, cursor or any lower-case name (the record's content decides its format; see
  docs/spool.md). Always exits 0 so the agent is never blocked; --strict exits 1 when nothing could be written.
`;

/** Cut-off for one event (as the shell command). */
const MAX_BYTES = 16 * 1024 * 1024;

export async function runHookCommand(argv: string[], io: CliIo, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { spool: { type: 'string' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  const fail = (message: string): number => {
    io.err.write(`driftwatch hook: ${message}\n`);
    return values.strict ? 1 : 0;
  };
  const agent = /^[a-z0-9-]{1,64}$/.test(positionals[0] ?? '') ? positionals[0]! : 'unknown';
  const dir = values.spool ?? process.env['DRIFTWATCH_SPOOL'];
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stdin) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      if (size + b.length > MAX_BYTES) {
        chunks.push(b.subarray(0, MAX_BYTES - size));
        size = MAX_BYTES;
        break;
      }
      chunks.push(b);
      size += b.length;
    }
  } catch {
    // a closed stdin still writes what arrived
  }
  if (!dir) return fail('no spool folder (--spool DIR or DRIFTWATCH_SPOOL)');
  if (size === 0) return 0;
  const ns = process.hrtime.bigint() % 1_000_000_000n;
  const name = `${Math.floor(Date.now() / 1000)}${ns.toString().padStart(9, '0')}-${process.pid}-${agent}.json`;
  const tmp = path.join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, Buffer.concat(chunks, size));
    await rename(tmp, path.join(dir, name));
    return 0;
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    return fail(`could not write to ${dir} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}
