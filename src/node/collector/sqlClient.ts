/**
 * The one SQL surface the team collector needs, over two engines: PGlite (Postgres compiled to WASM, embedded, a
 * data folder) and a real PostgreSQL server through a `pg` pool. Same SQL text and parameters on both.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface SqlResult<R> {
  readonly rows: R[];
  readonly affectedRows: number;
}

export interface SqlClient {
  readonly engine: 'pglite' | 'postgres';
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (tx: Pick<SqlClient, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** True for a `--db` value naming a PostgreSQL server rather than a data folder. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** Opens PGlite on a data folder (created when missing; an empty folder is initialised). */
export async function openPglite(dataDir: string): Promise<SqlClient> {
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  return {
    engine: 'pglite',
    async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const r = await db.query<R>(text, [...params]);
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    },
    transaction<T>(fn: (tx: Pick<SqlClient, 'query'>) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) =>
        fn({
          async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
            const r = await tx.query<R>(text, [...params]);
            return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
          },
        }),
      );
    },
    close: () => db.close(),
  };
}

/**
 * Opens a `pg` pool on a PostgreSQL URL. Errors of idle connections (the server restarting) are logged, never thrown:
 * the pool drops the broken connection and the next query opens a new one.
 */
export function openPostgres(url: string, log: (line: string) => void, max = 10): SqlClient {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  pool.on('error', (err) => log(`postgres: idle connection lost (${err.message})`));
  return {
    engine: 'postgres',
    async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const r = await pool.query(text, [...params]);
      return { rows: r.rows as R[], affectedRows: r.rowCount ?? 0 };
    },
    async transaction<T>(fn: (tx: Pick<SqlClient, 'query'>) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn({
          async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
            const r = await client.query(text, [...params]);
            return { rows: r.rows as R[], affectedRows: r.rowCount ?? 0 };
          },
        });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL error codes and socket errors that mean "the database is briefly away": worth a retry. */
export function isTransientDbError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (/^(08|57P0[123]|53300|40001|40P01)/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  }
  const message = e instanceof Error ? e.message : '';
  return /Connection terminated|connection timeout|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i.test(message);
}
