/** Runs the driftwatch CLI in-process with captured stdout/stderr, as a user would see them. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (b: Buffer) => o.push(b));
  err.on('data', (b: Buffer) => e.push(b));
  const code = await main(args, { out, err });
  return { code, out: Buffer.concat(o).toString(), err: Buffer.concat(e).toString() };
}
