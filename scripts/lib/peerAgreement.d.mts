// Types for peerAgreement.mjs, for TypeScript callers (its unit test).
export interface MappingRow {
  peer: string;
  rule: string;
  driftwatch: string;
  languages: string[];
  scope: 'same' | 'narrower' | 'wider' | 'overlap';
  window?: number;
  note: string;
}
export interface PeerFinding {
  tool: string;
  rule: string;
  file: string;
  line: number;
  language: string;
}
export interface DwFinding {
  rule: string;
  file: string;
  line: number;
  language: string;
}
export interface Site {
  file: string;
  language: string;
  rule: string;
  line: number;
  dwLines: number[];
  peers: string[];
  kind: 'both' | 'peer-only' | 'driftwatch-only';
}
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export interface Label {
  file: string;
  line: number;
  rule: string;
  verdict: 'tp' | 'fp';
  language: string;
  by: string;
  window?: number;
  note?: string;
  hash?: string;
}
export declare function baseLanguage(languageId: string): string;
export declare function familyOf(ruleId: string): string;
export declare function indexMapping(rows: MappingRow[]): Map<string, MappingRow>;
export declare function comparableRules(rows: MappingRow[], peersRun: Set<string>): Set<string>;
export declare function buildSites(input: { rows: MappingRow[]; peerFindings: PeerFinding[]; dwFindings: DwFinding[]; peersRun: Set<string> }): {
  sites: Site[];
  unmappedPeer: number;
};
export declare function summariseSites(sites: Site[]): Map<string, { both: number; peerOnly: number; dwOnly: number }>;
export declare function summariseRows(sites: Site[]): Map<string, { hits: number; matched: number }>;
export declare function scoreLabels(
  labels: Label[],
  dwByFile: Map<string, Array<{ rule: string; line: number }>>,
): { cases: Array<Label & { outcome: 'tp' | 'fp' | 'fn' | 'tn' }>; perGroup: Map<string, Counts> };
export declare function precisionRecall(c: Counts): { precision: number; recall: number };
