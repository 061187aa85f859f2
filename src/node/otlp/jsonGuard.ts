/**
 * One linear pass over a JSON text before JSON.parse: refuses nesting deeper than the limit and strings longer than
 * the limit, so neither the parser nor the recursive walk after it can be driven into a stack overflow or a huge
 * allocation. Works on the UTF-8 bytes; brackets inside strings do not count.
 */
import { OtlpBodyError } from './otlpBodyError.js';
import type { OtlpLimits } from './otlpLimits.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Throws {@link OtlpBodyError} when `bytes` nests deeper than `maxDepth` or holds a longer string than allowed. */
export function guardJson(bytes: Uint8Array, limits: Pick<OtlpLimits, 'maxDepth' | 'maxStringBytes'>): void {
  let depth = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const start = ++i;
      while (i < n) {
        const d = bytes[i]!;
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE) break;
        else i++;
      }
      if (i - start > limits.maxStringBytes) {
        throw new OtlpBodyError(413, `a string of ${i - start} bytes exceeds ${limits.maxStringBytes}`);
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limits.maxDepth) throw new OtlpBodyError(400, `JSON nested deeper than ${limits.maxDepth}`);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
    i++;
  }
}
