/**
 * `driftwatch payload`: prints exactly the OTLP/HTTP JSON body the extension would upload for one day — same buckets,
 * same k, same install id (the secret lives in the store folder, so the CLI and the editor agree). stdout holds only
 * the document; a one-line summary goes to stderr.
 */
import { parseArgs } from 'node:util';
import { loadOrCreateInstallSecret } from '../core/team/installSecret.js';
import { buildDayRequest } from '../core/team/teamRequest.js';
import { encodeTeamRequest } from '../core/team/teamEncoder.js';
import { latestCompleteDay } from '../core/team/teamPayload.js';
import { isDay } from '../core/time/day.js';
import { installSecretFile } from '../node/installSecretFile.js';
import { UsageError, type CliIo } from './cliSupport.js';
import { openStoreReadOnly, resolveStoreDir } from './exportCommand.js';

const HELP = `Usage: driftwatch payload [--store DIR] [--day YYYY-MM-DD] [--team ID] [--k N]

  Prints the OTLP/HTTP metrics JSON document the team upload would send for one day (default: yesterday, from 00:30):
  one bucket per (assistant, assistant version, model, language) cell with at least k edits (default 5, never
  lower), under this install's id for that month. Nothing is sent.

  --team ID   team id to put in the payload (default "local"; the extension uses driftwatch.upload.teamId)
  --k N       raise the k-anonymity threshold (values below 5 are refused)

  The install secret is kept in DIR/team-install.json (created on first use); the install id is derived from it
  and never from a path, user or host name.
`;

/** Team id used when `--team` is not given. */
export const DEFAULT_CLI_TEAM = 'local';

export async function runPayloadCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      day: { type: 'string' },
      team: { type: 'string' },
      k: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  if (values.day !== undefined && !isDay(values.day)) throw new UsageError(`--day must be a day YYYY-MM-DD, got "${values.day}"`);
  const teamId = values.team ?? DEFAULT_CLI_TEAM;
  if (!/^[\w.-]{1,64}$/.test(teamId)) throw new UsageError('--team must be 1–64 letters, digits, ".", "_" or "-"');
  let k: number | undefined;
  if (values.k !== undefined) {
    k = Number(values.k);
    if (!Number.isInteger(k) || k < 5) throw new UsageError(`--k must be a whole number of at least 5, got "${values.k}"`);
  }
  const dir = resolveStoreDir(values.store);
  const store = await openStoreReadOnly(dir, io);
  const day = values.day ?? latestCompleteDay(Date.now());
  const secret = await loadOrCreateInstallSecret(installSecretFile(dir), (m) => io.err.write(`warning: ${m}\n`));
  const req = await buildDayRequest(store, { day, secret, teamId, ...(k !== undefined ? { k } : {}), format: 'json' }, encodeTeamRequest);
  io.out.write(new TextDecoder().decode(req.request.body) + '\n');
  const s = req.teamDay.suppressed;
  io.err.write(`${day}: ${req.teamDay.buckets.length} bucket(s), install id ${req.teamDay.installId}; ${s.belowK} cell(s) (${s.editsBelowK} edits) below k held back\n`);
  return 0;
}
