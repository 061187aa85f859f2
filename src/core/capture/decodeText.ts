/** Decoding files written on disk while closed: only UTF-8 text is read, anything else is skipped. */

/** Bytes inspected for a NUL, the cheap and reliable sign of a binary file. */
const BINARY_SNIFF_BYTES = 8192;

/** UTF-8 text of a file, or undefined for binary (NUL in the first 8 KB) or invalid UTF-8. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
