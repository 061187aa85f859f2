/**
 * The team collector's storage: one SQL schema and the same queries on PGlite and PostgreSQL (see ./sqlClient).
 *
 * One row per uploaded TeamBucket, unique per (team, idempotency key): a re-sent bucket is ignored by the unique
 * constraint (`ON CONFLICT DO NOTHING`), so retries and duplicate uploads change nothing. Pooled queries re-apply
 * k-anonymity: a pooled cell (day × assistant × version × model, over members and languages) is published only with
 * at least k edits, and member counts are taken over published cells only.
 */
import { MIN_K, type TeamBucket } from '../../core/team/teamWire.js';
import type { SqlClient } from './sqlClient.js';

const HIST = Array.from({ length: 21 }, (_, i) => `h${String(i).padStart(2, '0')}`);

/** Ordered migrations; each runs once, in a transaction, under an advisory lock (several collectors, one server). */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE team_bucket (
     team_id text NOT NULL,
     idempotency_key text NOT NULL,
     install_id text NOT NULL,
     day date NOT NULL,
     assistant text NOT NULL,
     assistant_version text NOT NULL,
     model text NOT NULL,
     language text NOT NULL,
     edits integer NOT NULL,
     accepted integer NOT NULL,
     modified integer NOT NULL,
     rejected integer NOT NULL,
     deleted integer NOT NULL,
     proposals_rejected integer NOT NULL,
     survival_checked integer NOT NULL,
     survival_unchanged integer NOT NULL,
     edits_fixed integer NOT NULL,
     lines_added integer NOT NULL,
     findings_loop integer NOT NULL,
     findings_oop integer NOT NULL,
     ${HIST.map((h) => `${h} integer NOT NULL`).join(',\n     ')},
     score_count integer NOT NULL,
     score_sum double precision NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT team_bucket_idempotency UNIQUE (team_id, idempotency_key)
   );
   CREATE INDEX team_bucket_team_day ON team_bucket (team_id, day);
   CREATE INDEX team_bucket_team_assistant_day ON team_bucket (team_id, assistant, day);
   CREATE INDEX team_bucket_team_install ON team_bucket (team_id, install_id);`,
];

const MIGRATION_LOCK = 0x64726966; // "drif": one advisory lock id for this schema

/** Columns in insert order, with the Postgres array type each is sent as. */
const COLUMNS: ReadonlyArray<[string, string, (b: TeamBucket) => unknown]> = [
  ['team_id', 'text', (b) => b.teamId],
  ['idempotency_key', 'text', (b) => b.idempotencyKey],
  ['install_id', 'text', (b) => b.installId],
  ['day', 'date', (b) => b.day],
  ['assistant', 'text', (b) => b.assistant],
  ['assistant_version', 'text', (b) => b.assistantVersion],
  ['model', 'text', (b) => b.model],
  ['language', 'text', (b) => b.language],
  ['edits', 'int4', (b) => b.edits],
  ['accepted', 'int4', (b) => b.accepted],
  ['modified', 'int4', (b) => b.modified],
  ['rejected', 'int4', (b) => b.rejected],
  ['deleted', 'int4', (b) => b.deleted],
  ['proposals_rejected', 'int4', (b) => b.proposalsRejected],
  ['survival_checked', 'int4', (b) => b.survivalChecked],
  ['survival_unchanged', 'int4', (b) => b.survivalUnchanged],
  ['edits_fixed', 'int4', (b) => b.editsFixed],
  ['lines_added', 'int4', (b) => b.linesAdded],
  ['findings_loop', 'int4', (b) => b.findings.loop],
  ['findings_oop', 'int4', (b) => b.findings.oop],
  ...HIST.map((h, i): [string, string, (b: TeamBucket) => unknown] => [h, 'int4', (b) => b.scoreHistogram[i] ?? 0]),
  ['score_count', 'int4', (b) => b.scoreCount],
  ['score_sum', 'float8', (b) => b.scoreSum],
];

// One statement per batch whatever its size: each column travels as one array parameter and unnest() zips them.
const INSERT_SQL = `INSERT INTO team_bucket (${COLUMNS.map((c) => c[0]).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})
  ON CONFLICT ON CONSTRAINT team_bucket_idempotency DO NOTHING`;

/** One published pooled cell: sums over members and languages for a day and (assistant, version, model). */
export interface PooledCell {
  day: string;
  assistant: string;
  assistantVersion: string;
  model: string;
  members: number;
  edits: number;
  accepted: number;
  modified: number;
  rejected: number;
  deleted: number;
  proposalsRejected: number;
  survivalChecked: number;
  survivalUnchanged: number;
  editsFixed: number;
  linesAdded: number;
  findingsLoop: number;
  findingsOop: number;
  scoreHistogram: number[];
  scoreCount: number;
  scoreSum: number;
}

export interface PooledQuery {
  readonly teamId: string;
  /** Inclusive `YYYY-MM-DD` bounds. */
  readonly since: string;
  readonly until: string;
  /** k-anonymity threshold; never below {@link MIN_K}. */
  readonly k?: number;
}

const SUMS: ReadonlyArray<[string, keyof PooledCell]> = [
  ['edits', 'edits'],
  ['accepted', 'accepted'],
  ['modified', 'modified'],
  ['rejected', 'rejected'],
  ['deleted', 'deleted'],
  ['proposals_rejected', 'proposalsRejected'],
  ['survival_checked', 'survivalChecked'],
  ['survival_unchanged', 'survivalUnchanged'],
  ['edits_fixed', 'editsFixed'],
  ['lines_added', 'linesAdded'],
  ['findings_loop', 'findingsLoop'],
  ['findings_oop', 'findingsOop'],
  ['score_count', 'scoreCount'],
];

const POOLED_SQL = `SELECT to_char(day, 'YYYY-MM-DD') AS day, assistant, assistant_version, model,
    count(DISTINCT install_id)::int AS members,
    ${SUMS.map(([c]) => `sum(${c})::float8 AS ${c}`).join(', ')},
    ${HIST.map((h) => `sum(${h})::float8 AS ${h}`).join(', ')},
    sum(score_sum)::float8 AS score_sum
  FROM team_bucket
  WHERE team_id = $1 AND day BETWEEN $2::date AND $3::date
  GROUP BY day, assistant, assistant_version, model
  HAVING sum(edits) >= $4
  ORDER BY day, assistant, assistant_version, model`;

// Members per day over published cells only, so the count never includes a member seen only in a suppressed cell.
// One scan: a window sum gives each row its cell's edits (a join back to the grouped cells was quadratic-ish).
const MEMBERS_SQL = `SELECT to_char(day, 'YYYY-MM-DD') AS day, count(DISTINCT install_id)::int AS members
  FROM (SELECT day, install_id, sum(edits) OVER (PARTITION BY day, assistant, assistant_version, model) AS cell_edits
        FROM team_bucket WHERE team_id = $1 AND day BETWEEN $2::date AND $3::date) rows
  WHERE cell_edits >= $4
  GROUP BY day ORDER BY day`;

export class TeamStore {
  private constructor(readonly sql: SqlClient) {}

  /** Opens the store on a client and applies pending migrations. */
  static async open(sql: SqlClient): Promise<TeamStore> {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query('CREATE TABLE IF NOT EXISTS driftwatch_migration (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM driftwatch_migration');
      for (let v = (rows[0]?.v ?? 0) + 1; v <= MIGRATIONS.length; v++) {
        // PGlite's extended protocol takes one statement per query: split the migration on its statement ends.
        for (const statement of MIGRATIONS[v - 1]!.split(/;\s*\n/).filter((s) => s.trim())) await tx.query(statement);
        await tx.query('INSERT INTO driftwatch_migration (version) VALUES ($1)', [v]);
      }
    });
    return new TeamStore(sql);
  }

  /** Inserts buckets; a bucket whose (team, idempotency key) is stored already is skipped. */
  async insert(buckets: readonly TeamBucket[]): Promise<{ inserted: number; duplicates: number }> {
    if (buckets.length === 0) return { inserted: 0, duplicates: 0 };
    const params = COLUMNS.map(([, , get]) => buckets.map(get));
    const r = await this.sql.query(INSERT_SQL, params);
    return { inserted: r.affectedRows, duplicates: buckets.length - r.affectedRows };
  }

  /** Deletes every bucket of these install ids in the team; returns the rows deleted (0 when repeated). */
  async forget(teamId: string, installIds: readonly string[]): Promise<number> {
    if (installIds.length === 0) return 0;
    const r = await this.sql.query('DELETE FROM team_bucket WHERE team_id = $1 AND install_id = ANY($2::text[])', [teamId, [...installIds]]);
    return r.affectedRows;
  }

  /** Published pooled cells of a team in a day range (cells with fewer than k edits are left out). */
  async pooledCells(q: PooledQuery): Promise<PooledCell[]> {
    const k = Math.max(MIN_K, q.k ?? MIN_K);
    const { rows } = await this.sql.query<Record<string, unknown>>(POOLED_SQL, [q.teamId, q.since, q.until, k]);
    return rows.map((r) => {
      const cell = {
        day: String(r.day),
        assistant: String(r.assistant),
        assistantVersion: String(r.assistant_version),
        model: String(r.model),
        members: Number(r.members),
        scoreHistogram: HIST.map((h) => Number(r[h])),
        scoreSum: Number(r.score_sum),
      } as PooledCell;
      for (const [col, key] of SUMS) (cell as unknown as Record<string, number>)[key] = Number(r[col]);
      return cell;
    });
  }

  /** Distinct members per day over published cells; a count, never an identity. */
  async membersPerDay(q: PooledQuery): Promise<Array<{ day: string; members: number }>> {
    const k = Math.max(MIN_K, q.k ?? MIN_K);
    const { rows } = await this.sql.query<{ day: string; members: number }>(MEMBERS_SQL, [q.teamId, q.since, q.until, k]);
    return rows.map((r) => ({ day: String(r.day), members: Number(r.members) }));
  }

  /** Stored bucket count (tests, logs). */
  async count(teamId?: string): Promise<number> {
    const r = teamId
      ? await this.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM team_bucket WHERE team_id = $1', [teamId])
      : await this.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM team_bucket');
    return Number(r.rows[0]?.n ?? 0);
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
