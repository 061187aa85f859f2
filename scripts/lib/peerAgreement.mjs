// Pure logic of the differential harness (scripts/eval-peers.mjs): match peer linter findings to Driftwatch findings
// through the mapping table (test/peers/mapping.json), count agreement per Driftwatch rule and language, and score
// Driftwatch against hand-labelled cases (test/peers/labels.json). No I/O here, so it is unit-tested
// (test/unit/lint/peerAgreement.test.ts) while the slow peer runs stay out of `npm test`.

/** Peer languages collapse JSX/TSX into their base language: the mapping and the report use these two plus python. */
export function baseLanguage(languageId) {
  if (languageId === 'typescriptreact') return 'typescript';
  if (languageId === 'javascriptreact') return 'javascript';
  return languageId;
}

/** `loop.try-in-loop` -> `loop`. */
export function familyOf(ruleId) {
  const dot = ruleId.indexOf('.');
  return dot < 0 ? ruleId : ruleId.slice(0, dot);
}

/**
 * Index of the mapping rows that take part (rows with no languages are documentation only).
 * @returns Map of `${peer}\t${rule}\t${language}` -> row
 */
export function indexMapping(rows) {
  const index = new Map();
  for (const row of rows) {
    for (const language of row.languages ?? []) index.set(`${row.peer}\t${row.rule}\t${language}`, row);
  }
  return index;
}

/** Driftwatch rules that some peer that actually ran maps to, per language: only there is "Driftwatch-only" meaningful. */
export function comparableRules(rows, peersRun) {
  const out = new Set();
  for (const row of rows) {
    for (const language of row.languages ?? []) if (peersRun.has(`${row.peer}\t${language}`)) out.add(`${language}\t${row.driftwatch}`);
  }
  return out;
}

/**
 * Groups findings into sites. Within one file, language and Driftwatch rule, a peer finding and a Driftwatch finding
 * are the same site when their lines are at most the mapping row's `window` apart; peer findings of different peers
 * that fall in one window join too. Each site says whether Driftwatch flagged it and which peer rules did.
 *
 * @param {object} input
 * @param {Array} input.rows mapping rows
 * @param {Array<{tool:string, rule:string, file:string, line:number, language:string}>} input.peerFindings 1-based lines
 * @param {Array<{rule:string, file:string, line:number, language:string}>} input.dwFindings 1-based lines
 * @param {Set<string>} input.peersRun `${tool}\t${language}` pairs that ran
 * @returns {{ sites: Array, unmappedPeer: number }}
 */
export function buildSites({ rows, peerFindings, dwFindings, peersRun }) {
  const index = indexMapping(rows);
  const comparable = comparableRules(rows, peersRun);
  const groups = new Map(); // `${file}\t${language}\t${rule}` -> items
  const push = (key, item) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(item);
  };
  let unmappedPeer = 0;
  for (const f of peerFindings) {
    const language = baseLanguage(f.language);
    const row = index.get(`${f.tool}\t${f.rule}\t${language}`);
    if (!row) {
      unmappedPeer++;
      continue;
    }
    push(`${f.file}\t${language}\t${row.driftwatch}`, { line: f.line, peer: `${f.tool}:${f.rule}`, window: row.window ?? 0 });
  }
  for (const f of dwFindings) {
    const language = baseLanguage(f.language);
    if (!comparable.has(`${language}\t${f.rule}`)) continue;
    push(`${f.file}\t${language}\t${f.rule}`, { line: f.line, peer: undefined, window: 0 });
  }

  const sites = [];
  for (const [key, items] of groups) {
    const [file, language, rule] = key.split('\t');
    items.sort((a, b) => a.line - b.line);
    // Union-find over the items of one group; groups are small (one file, one rule), so the pairwise pass is cheap.
    const parent = items.map((_, i) => i);
    const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        if (a.peer === undefined && b.peer === undefined) continue; // two Driftwatch findings are two sites
        const window = Math.max(a.window, b.window);
        if (b.line - a.line > window) continue;
        parent[find(j)] = find(i);
      }
    }
    const byRoot = new Map();
    items.forEach((item, i) => {
      const r = find(i);
      let site = byRoot.get(r);
      if (!site) byRoot.set(r, (site = { file, language, rule, line: item.line, dwLines: [], peers: [] }));
      if (item.peer === undefined) site.dwLines.push(item.line);
      else if (!site.peers.includes(item.peer)) site.peers.push(item.peer);
    });
    for (const site of byRoot.values()) {
      site.line = site.dwLines[0] ?? site.line;
      site.kind = site.dwLines.length && site.peers.length ? 'both' : site.dwLines.length ? 'driftwatch-only' : 'peer-only';
      sites.push(site);
    }
  }
  sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : 1)));
  return { sites, unmappedPeer };
}

/** Counts sites per `${language}\t${rule}`: { both, peerOnly, dwOnly }. */
export function summariseSites(sites) {
  const out = new Map();
  for (const s of sites) {
    const key = `${s.language}\t${s.rule}`;
    let c = out.get(key);
    if (!c) out.set(key, (c = { both: 0, peerOnly: 0, dwOnly: 0 }));
    if (s.kind === 'both') c.both++;
    else if (s.kind === 'peer-only') c.peerOnly++;
    else c.dwOnly++;
  }
  return out;
}

/** Per mapping row: how many findings the peer rule produced and how many of their sites Driftwatch also flagged. */
export function summariseRows(sites) {
  const out = new Map(); // `${peer:rule}\t${language}` -> { hits, matched }
  for (const s of sites) {
    for (const p of s.peers) {
      const key = `${p}\t${s.language}`;
      let c = out.get(key);
      if (!c) out.set(key, (c = { hits: 0, matched: 0 }));
      c.hits++;
      if (s.kind === 'both') c.matched++;
    }
  }
  return out;
}

/**
 * Scores Driftwatch on hand-labelled cases. A label says whether a finding of `rule` at `file:line` is correct
 * (`verdict: 'tp'`, a real instance Driftwatch must flag) or not (`'fp'`, Driftwatch must stay silent). Driftwatch
 * "flags" a label when it reports that rule in that file within `label.window ?? 1` lines.
 *
 * @param {Array<{file:string, line:number, rule:string, verdict:'tp'|'fp', language:string, window?:number}>} labels
 * @param {Map<string, Array<{rule:string, line:number}>>} dwByFile current Driftwatch findings per file (1-based lines)
 * @returns {{ cases: Array, perGroup: Map<string, {tp:number, fp:number, fn:number, tn:number}> }} groups are
 *   `${language} ${family}`, `all ${family}` and `${language} ${rule}`
 */
export function scoreLabels(labels, dwByFile) {
  const perGroup = new Map();
  const bump = (key, field) => {
    let c = perGroup.get(key);
    if (!c) perGroup.set(key, (c = { tp: 0, fp: 0, fn: 0, tn: 0 }));
    c[field]++;
  };
  const cases = [];
  for (const label of labels) {
    const window = label.window ?? 1;
    const flagged = (dwByFile.get(label.file) ?? []).some((f) => f.rule === label.rule && Math.abs(f.line - label.line) <= window);
    const real = label.verdict === 'tp';
    const outcome = real ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
    const language = baseLanguage(label.language);
    const family = familyOf(label.rule);
    bump(`${language} ${family}`, outcome);
    bump(`all ${family}`, outcome);
    bump(`${language} ${label.rule}`, outcome);
    cases.push({ ...label, outcome });
  }
  return { cases, perGroup };
}

/** Precision and recall of counts (NaN when undefined). */
export function precisionRecall(c) {
  return { precision: c.tp + c.fp === 0 ? NaN : c.tp / (c.tp + c.fp), recall: c.tp + c.fn === 0 ? NaN : c.tp / (c.tp + c.fn) };
}
