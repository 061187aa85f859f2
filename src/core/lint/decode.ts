/**
 * Turning file bytes into lintable text. Invalid UTF-8 is decoded with U+FFFD replacement characters (never
 * rejected), and the lines that hold them are remembered so no finding is reported where the text is not what the
 * file says. Size limits keep multi-megabyte files and minified bundles out of the parser.
 */

/** Default limits: files over ~1 MB or with a line over 10,000 characters (minified code) are skipped. */
export const DEFAULT_MAX_CHARS = 1_000_000;
export const DEFAULT_MAX_LINE_LENGTH = 10_000;

export interface DecodedText {
  readonly text: string;
  /** 0-based lines containing a replacement character produced by decoding. */
  readonly undecodableLines: ReadonlySet<number>;
}

/** Decodes UTF-8 (dropping a BOM); undecodable sequences become U+FFFD and their lines are recorded. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return { text, undecodableLines: replacementLines(text) };
}

/** Lines (0-based) holding U+FFFD. A file that genuinely contains U+FFFD loses findings on those lines only. */
export function replacementLines(text: string): Set<number> {
  const lines = new Set<number>();
  if (!text.includes('\uFFFD')) return lines;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 0xfffd) lines.add(line);
  }
  return lines;
}

/** Heuristic used by git and most editors: a NUL byte in the first 8 KB means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export type SkipReason = 'too-large' | 'minified' | 'binary' | 'unsupported-language' | 'time-budget' | 'unreadable' | 'parse-failed' | 'too-deep';

export interface SizeLimits {
  /** Maximum text length in UTF-16 code units. */
  maxChars?: number;
  /** Maximum length of any single line. */
  maxLineLength?: number;
}

/** Why the text must not be linted, or undefined when it is within the limits. */
export function exceedsLimits(text: string, limits: SizeLimits = {}): { reason: SkipReason; detail: string } | undefined {
  const maxChars = limits.maxChars ?? DEFAULT_MAX_CHARS;
  const maxLine = limits.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  if (text.length > maxChars) return { reason: 'too-large', detail: `${text.length} characters (limit ${maxChars})` };
  let start = 0;
  let lineNo = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > maxLine) return { reason: 'minified', detail: `line ${lineNo + 1} has ${end - start} characters (limit ${maxLine})` };
    start = end + 1;
    lineNo++;
  }
  return undefined;
}
