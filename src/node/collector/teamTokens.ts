/**
 * Per-team bearer tokens from a token file: one `TEAM_ID TOKEN` pair per line, `#` comments and blank lines ignored.
 * Tokens are compared by their SHA-256 in constant time, so a wrong token's timing says nothing about a right one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface TeamTokens {
  /** The team a bearer token belongs to, or undefined. */
  teamOf(token: string): string | undefined;
  readonly teams: readonly string[];
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Builds the lookup from `[teamId, token]` pairs. */
export function teamTokens(pairs: ReadonlyArray<readonly [string, string]>): TeamTokens {
  const entries = pairs.map(([team, token]) => ({ team, hash: digest(token) }));
  return {
    teams: [...new Set(pairs.map(([t]) => t))],
    teamOf(token: string): string | undefined {
      const h = digest(token);
      let found: string | undefined;
      // Compare against every entry (no early exit) so the time does not depend on where a match is.
      for (const e of entries) if (timingSafeEqual(e.hash, h)) found ??= e.team;
      return found;
    },
  };
}

/** Parses a token file's text; throws with the line number on a malformed line. */
export function parseTokenFile(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const parts = line.split(/\s+/);
    if (parts.length !== 2 || !/^[\w.-]{1,64}$/.test(parts[0]!) || parts[1]!.length < 16) {
      throw new Error(`token file line ${i + 1}: expected "TEAM_ID TOKEN" (team id of letters, digits, . _ -; token of 16+ characters)`);
    }
    pairs.push([parts[0]!, parts[1]!]);
  });
  return pairs;
}

export async function readTokenFile(file: string): Promise<TeamTokens> {
  return teamTokens(parseTokenFile(await readFile(file, 'utf8')));
}
