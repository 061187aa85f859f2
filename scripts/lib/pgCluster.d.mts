// Types for pgCluster.mjs, for TypeScript callers (the collector benchmark).
export interface PgCluster {
  readonly url: string;
  readonly version: string;
  readonly restartArgv: string[];
  stop(): Promise<void>;
}
export declare function startPgCluster(): Promise<PgCluster>;
