/**
 * The team collector's storage: one SQL schema and the same queries on PGlite and PostgreSQL (see ./sqlClient).
 *
 * One row per uploaded TeamBucket, unique per (team, idempotency key): a re-sent bucket is ignored by the unique
 * constraint (`ON CONFLICT DO NOTHING`), so retries and duplicate uploads change nothing. Pooled queries re-apply
 * k-anonymity: a pooled cell (day × assistant × version × model, over members and languages) is published only with
 * at least k edits, and member counts are taken over published cells only.
 *
 * The team page must not scan every uploaded row (1,000 members × 90 days is ~180,000 of them), so ingest also
 * maintains a per-day pre-aggregate in the same statement as the insert: `team_day_cell` (the sums of a pooled cell
 * and its member count), `team_cell_member` / `team_day_member` (which installs a cell or day has seen: the only way
 * to count distinct members incrementally) and `team_day` (members per day). Only rows the insert really added feed
 * the aggregates, so duplicates change nothing there either; a deletion request rebuilds the days it touched from
 * the raw rows. k is applied when reading, so any k ≥ 5 a viewer asks for is exact.
 */
import { MIN_K, type TeamBucket } from '../../core/team/teamWire.js';
import type { SqlClient } from './sqlClient.js';

const HIST = Array.from({ length: 21 }, (_, i) => `h${String(i).padStart(2, '0')}`);

const CELL = 'team_id, day, assistant, assistant_version, model';
/** The additive columns migration 2 created team_day_cell with (frozen: a migration must not change once shipped). */
const CELL_SUMS_V2 = ['edits', 'accepted', 'modified', 'rejected', 'deleted', 'proposals_rejected', 'survival_checked', 'survival_unchanged', 'edits_fixed', 'lines_added', 'findings_loop', 'findings_oop', ...HIST, 'score_count'];
/** ARC at 5 minutes, added by migration 3. */
const ARC_SUMS = ['arc_edits', 'arc_accepted', 'arc_retained'];
/** Additive columns of a pooled cell (everything but members and the score sum), as stored in team_day_cell. */
const CELL_SUMS = [...CELL_SUMS_V2, ...ARC_SUMS];

/** Recomputes the pooled cells and member counts of some days from the raw rows (`$1` team, `$2` days). */
const REBUILD_DAYS_SQL = [
  'DELETE FROM team_day_cell WHERE team_id = $1 AND day = ANY($2::date[])',
  `INSERT INTO team_day_cell (${CELL}, members, ${CELL_SUMS.join(', ')}, score_sum)
   SELECT ${CELL}, count(DISTINCT install_id), ${CELL_SUMS.map((c) => `sum(${c})`).join(', ')}, sum(score_sum)
   FROM team_bucket WHERE team_id = $1 AND day = ANY($2::date[]) GROUP BY ${CELL}`,
  'DELETE FROM team_day WHERE team_id = $1 AND day = ANY($2::date[])',
  `INSERT INTO team_day (team_id, day, members)
   SELECT team_id, day, count(*) FROM team_day_member WHERE team_id = $1 AND day = ANY($2::date[]) GROUP BY team_id, day`,
];

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
  // 2: the per-day pre-aggregate (see the file comment), back-filled from rows stored before it existed.
  `CREATE TABLE team_day_cell (
     team_id text NOT NULL,
     day date NOT NULL,
     assistant text NOT NULL,
     assistant_version text NOT NULL,
     model text NOT NULL,
     members integer NOT NULL,
     ${CELL_SUMS_V2.map((c) => `${c} bigint NOT NULL`).join(',\n     ')},
     score_sum double precision NOT NULL,
     PRIMARY KEY (team_id, day, assistant, assistant_version, model)
   );
   CREATE TABLE team_cell_member (
     team_id text NOT NULL,
     day date NOT NULL,
     assistant text NOT NULL,
     assistant_version text NOT NULL,
     model text NOT NULL,
     install_id text NOT NULL,
     PRIMARY KEY (team_id, day, assistant, assistant_version, model, install_id)
   );
   CREATE INDEX team_cell_member_install ON team_cell_member (team_id, install_id, day);
   CREATE TABLE team_day_member (
     team_id text NOT NULL,
     day date NOT NULL,
     install_id text NOT NULL,
     PRIMARY KEY (team_id, day, install_id)
   );
   CREATE INDEX team_day_member_install ON team_day_member (team_id, install_id);
   CREATE TABLE team_day (
     team_id text NOT NULL,
     day date NOT NULL,
     members integer NOT NULL,
     PRIMARY KEY (team_id, day)
   );
   INSERT INTO team_cell_member SELECT DISTINCT ${CELL}, install_id FROM team_bucket;
   INSERT INTO team_day_member SELECT DISTINCT team_id, day, install_id FROM team_bucket;
   INSERT INTO team_day_cell (${CELL}, members, ${CELL_SUMS_V2.join(', ')}, score_sum)
     SELECT ${CELL}, count(DISTINCT install_id), ${CELL_SUMS_V2.map((c) => `sum(${c})`).join(', ')}, sum(score_sum) FROM team_bucket GROUP BY ${CELL};
   INSERT INTO team_day (team_id, day, members) SELECT team_id, day, count(*) FROM team_day_member GROUP BY team_id, day`,
  // 3: ARC at 5 minutes (accepted and retained characters). Rows uploaded before it carry 0 of each, which leaves
  // every retained / accepted ratio as it was; the aggregate is back-filled from the rows (a store whose aggregate
  // was rebuilt by migration 2 after ARC rows arrived stays exact).
  `ALTER TABLE team_bucket ${ARC_SUMS.map((c) => `ADD COLUMN IF NOT EXISTS ${c} integer NOT NULL DEFAULT 0`).join(', ')};
   ALTER TABLE team_day_cell ${ARC_SUMS.map((c) => `ADD COLUMN IF NOT EXISTS ${c} bigint NOT NULL DEFAULT 0`).join(', ')};
   UPDATE team_day_cell c SET ${ARC_SUMS.map((x) => `${x} = s.${x}`).join(', ')}
     FROM (SELECT ${CELL}, ${ARC_SUMS.map((x) => `sum(${x}) AS ${x}`).join(', ')} FROM team_bucket GROUP BY ${CELL}) s
     WHERE (c.team_id, c.day, c.assistant, c.assistant_version, c.model) = (s.team_id, s.day, s.assistant, s.assistant_version, s.model)`,
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
  ['arc_edits', 'int4', (b) => b.arcEdits],
  ['arc_accepted', 'int4', (b) => b.arcAccepted],
  ['arc_retained', 'int4', (b) => b.arcRetained],
];

// One statement per batch whatever its size: each column travels as one array parameter and unnest() zips them. The
// same statement feeds the pre-aggregate from the rows the insert really added (RETURNING skips duplicates), so the
// raw rows and the aggregate commit or fail together. Upserts go in key order so concurrent ingests on PostgreSQL
// lock aggregate rows in the same order (a deadlock would still only be a retried 40P01).
const INSERT_SQL = `WITH ins AS (
    INSERT INTO team_bucket (${COLUMNS.map((c) => c[0]).join(', ')})
    SELECT * FROM unnest(${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})
    ON CONFLICT ON CONSTRAINT team_bucket_idempotency DO NOTHING
    RETURNING ${CELL}, install_id, ${CELL_SUMS.join(', ')}, score_sum
  ), new_cell_members AS (
    INSERT INTO team_cell_member SELECT DISTINCT ${CELL}, install_id FROM ins ORDER BY ${CELL}, install_id
    ON CONFLICT DO NOTHING RETURNING ${CELL}
  ), new_day_members AS (
    INSERT INTO team_day_member SELECT DISTINCT team_id, day, install_id FROM ins ORDER BY team_id, day, install_id
    ON CONFLICT DO NOTHING RETURNING team_id, day
  ), days AS (
    INSERT INTO team_day (team_id, day, members)
    SELECT team_id, day, count(*) FROM new_day_members GROUP BY team_id, day ORDER BY team_id, day
    ON CONFLICT (team_id, day) DO UPDATE SET members = team_day.members + excluded.members
  ), cells AS (
    INSERT INTO team_day_cell (${CELL}, members, ${CELL_SUMS.join(', ')}, score_sum)
    SELECT ${CELL}, coalesce(m.n, 0), ${CELL_SUMS.map((c) => `s.${c}`).join(', ')}, s.score_sum
    FROM (SELECT ${CELL}, ${CELL_SUMS.map((c) => `sum(${c}) AS ${c}`).join(', ')}, sum(score_sum) AS score_sum FROM ins GROUP BY ${CELL}) s
    LEFT JOIN (SELECT ${CELL}, count(*) AS n FROM new_cell_members GROUP BY ${CELL}) m USING (${CELL})
    ORDER BY ${CELL}
    ON CONFLICT (${CELL}) DO UPDATE SET members = team_day_cell.members + excluded.members,
      ${CELL_SUMS.map((c) => `${c} = team_day_cell.${c} + excluded.${c}`).join(', ')}, score_sum = team_day_cell.score_sum + excluded.score_sum
  )
  SELECT count(*)::int AS inserted FROM ins`;

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
  arcEdits: number;
  arcAccepted: number;
  arcRetained: number;
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
  ['arc_edits', 'arcEdits'],
  ['arc_accepted', 'arcAccepted'],
  ['arc_retained', 'arcRetained'],
];

const CELL_COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, assistant, assistant_version, model, members::int AS members,
    ${SUMS.map(([c]) => `${c}::float8 AS ${c}`).join(', ')}, ${HIST.map((h) => `${h}::float8 AS ${h}`).join(', ')}, score_sum::float8 AS score_sum`;

// From the pre-aggregate: a handful of rows per day, whatever the team's size.
const POOLED_SQL = `SELECT ${CELL_COLUMNS} FROM team_day_cell
  WHERE team_id = $1 AND day BETWEEN $2::date AND $3::date AND edits >= $4
  ORDER BY day, assistant, assistant_version, model`;

// The same cells computed from the raw rows: the baseline the benchmark compares against and the check the tests
// hold the pre-aggregate to.
const POOLED_FROM_RAW_SQL = `SELECT ${CELL_COLUMNS} FROM (
    SELECT day, assistant, assistant_version, model, count(DISTINCT install_id) AS members,
      ${[...SUMS.map(([c]) => c), ...HIST, 'score_sum'].map((c) => `sum(${c}) AS ${c}`).join(', ')}
    FROM team_bucket WHERE team_id = $1 AND day BETWEEN $2::date AND $3::date
    GROUP BY day, assistant, assistant_version, model HAVING sum(edits) >= $4) pooled
  ORDER BY day, assistant, assistant_version, model`;

// Members per day over published cells only, so the count never includes a member seen only in a suppressed cell:
// the day's distinct members (team_day) less those whose every cell that day is suppressed. Suppressed cells are
// few and small (under k edits), so the correction touches a few rows, not the day's members.
const MEMBERS_SQL = `WITH suppressed AS (
    SELECT day, assistant, assistant_version, model FROM team_day_cell
    WHERE team_id = $1 AND day BETWEEN $2::date AND $3::date AND edits < $4
  ), hidden AS (
    SELECT m.day, count(DISTINCT m.install_id) AS n
    FROM team_cell_member m JOIN suppressed s USING (day, assistant, assistant_version, model)
    WHERE m.team_id = $1 AND NOT EXISTS (
      SELECT 1 FROM team_cell_member o JOIN team_day_cell c USING (team_id, day, assistant, assistant_version, model)
      WHERE o.team_id = $1 AND o.install_id = m.install_id AND o.day = m.day AND c.edits >= $4)
    GROUP BY m.day
  )
  SELECT to_char(d.day, 'YYYY-MM-DD') AS day, (d.members - coalesce(h.n, 0))::int AS members
  FROM team_day d LEFT JOIN hidden h ON h.day = d.day
  WHERE d.team_id = $1 AND d.day BETWEEN $2::date AND $3::date AND d.members - coalesce(h.n, 0) > 0
  ORDER BY d.day`;

const MEMBERS_FROM_RAW_SQL = `SELECT to_char(day, 'YYYY-MM-DD') AS day, count(DISTINCT install_id)::int AS members
  FROM (SELECT day, install_id, sum(edits) OVER (PARTITION BY day, assistant, assistant_version, model) AS cell_edits
        FROM team_bucket WHERE team_id = $1 AND day BETWEEN $2::date AND $3::date) rows
  WHERE cell_edits >= $4
  GROUP BY day ORDER BY day`;

function cellOf(r: Record<string, unknown>): PooledCell {
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
}

const kOf = (q: PooledQuery): number => Math.max(MIN_K, q.k ?? MIN_K);

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

  /** Inserts buckets (and updates the pre-aggregate); a bucket whose (team, idempotency key) is stored already is skipped. */
  async insert(buckets: readonly TeamBucket[]): Promise<{ inserted: number; duplicates: number }> {
    if (buckets.length === 0) return { inserted: 0, duplicates: 0 };
    const params = COLUMNS.map(([, , get]) => buckets.map(get));
    const r = await this.sql.query<{ inserted: number }>(INSERT_SQL, params);
    const inserted = Number(r.rows[0]?.inserted ?? 0);
    return { inserted, duplicates: buckets.length - inserted };
  }

  /**
   * Deletes every bucket of these install ids in the team and rebuilds the pre-aggregate of the days they touched;
   * returns the rows deleted (0 when repeated).
   */
  async forget(teamId: string, installIds: readonly string[]): Promise<number> {
    if (installIds.length === 0) return 0;
    return this.sql.transaction(async (tx) => {
      const ids = [...installIds];
      const r = await tx.query<{ day: string }>("DELETE FROM team_bucket WHERE team_id = $1 AND install_id = ANY($2::text[]) RETURNING to_char(day, 'YYYY-MM-DD') AS day", [teamId, ids]);
      if (r.affectedRows === 0) return 0;
      await tx.query('DELETE FROM team_cell_member WHERE team_id = $1 AND install_id = ANY($2::text[])', [teamId, ids]);
      await tx.query('DELETE FROM team_day_member WHERE team_id = $1 AND install_id = ANY($2::text[])', [teamId, ids]);
      const days = [...new Set(r.rows.map((row) => String(row.day)))];
      for (const statement of REBUILD_DAYS_SQL) await tx.query(statement, [teamId, days]);
      return r.affectedRows;
    });
  }

  /** Published pooled cells of a team in a day range (cells with fewer than k edits are left out). */
  async pooledCells(q: PooledQuery): Promise<PooledCell[]> {
    const { rows } = await this.sql.query<Record<string, unknown>>(POOLED_SQL, [q.teamId, q.since, q.until, kOf(q)]);
    return rows.map(cellOf);
  }

  /** Distinct members per day over published cells; a count, never an identity. */
  async membersPerDay(q: PooledQuery): Promise<Array<{ day: string; members: number }>> {
    const { rows } = await this.sql.query<{ day: string; members: number }>(MEMBERS_SQL, [q.teamId, q.since, q.until, kOf(q)]);
    return rows.map((r) => ({ day: String(r.day), members: Number(r.members) }));
  }

  /**
   * {@link pooledCells} and {@link membersPerDay} computed from the raw rows, without the pre-aggregate: what the
   * aggregate must always equal (tests) and the baseline it is measured against (bench).
   */
  async pooledFromRaw(q: PooledQuery): Promise<{ cells: PooledCell[]; members: Array<{ day: string; members: number }> }> {
    const params = [q.teamId, q.since, q.until, kOf(q)];
    const cells = await this.sql.query<Record<string, unknown>>(POOLED_FROM_RAW_SQL, params);
    const members = await this.sql.query<{ day: string; members: number }>(MEMBERS_FROM_RAW_SQL, params);
    return { cells: cells.rows.map(cellOf), members: members.rows.map((r) => ({ day: String(r.day), members: Number(r.members) })) };
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
