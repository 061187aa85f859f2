/**
 * A bounded protobuf wire-format reader (proto3 encoding, https://protobuf.dev/programming-guides/encoding/).
 * Every length prefix is checked against the bytes actually left before anything is allocated, so a prefix claiming
 * gigabytes fails at once; strings are checked against the string limit; nesting is counted by the decoder.
 */
import { OtlpBodyError } from './otlpBodyError.js';
import type { DecodeBudget } from './otlpLimits.js';

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

const utf8 = new TextDecoder('utf-8', { fatal: false });

function bad(reason: string): never {
  throw new OtlpBodyError(400, `protobuf: ${reason}`);
}

export class ProtobufReader {
  pos: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    readonly budget: DecodeBudget,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /** Reads a tag; returns [fieldNumber, wireType]. */
  tag(): [number, number] {
    const t = this.varint();
    const field = Math.floor(t / 8);
    const wire = t % 8;
    if (field === 0) bad('field number 0');
    return [field, wire];
  }

  /** A varint as a JS number (exact below 2^53; larger values lose precision but stay bounded: 10 bytes at most). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) bad('truncated varint');
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    return bad('varint longer than 10 bytes');
  }

  /** A varint as a signed 64-bit integer (int64: two's complement over 10 bytes). */
  int64(): number {
    const start = this.pos;
    let value = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) bad('truncated varint');
      const b = this.bytes[this.pos++]!;
      value |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return Number(BigInt.asIntN(64, value));
      shift += 7n;
    }
    this.pos = start;
    return bad('varint longer than 10 bytes');
  }

  private need(n: number): void {
    if (n > this.end - this.pos) bad(`length ${n} exceeds the ${this.end - this.pos} bytes left`);
  }

  fixed64String(): string {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v.toString();
  }

  fixed64Number(): number {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return Number(v);
  }

  sfixed64(): number {
    this.need(8);
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return Number(v);
  }

  double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** Length prefix of a LEN field, validated against the remaining bytes. */
  length(): number {
    const n = this.varint();
    this.need(n);
    return n;
  }

  /** A sub-reader over the next LEN field (an embedded message). */
  message(): ProtobufReader {
    const n = this.length();
    const sub = new ProtobufReader(this.bytes, this.budget, this.pos, this.pos + n);
    this.pos += n;
    return sub;
  }

  bytesField(): Uint8Array {
    const n = this.length();
    this.budget.stringBytes(n);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    const n = this.length();
    this.budget.stringBytes(n);
    const s = utf8.decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  /** Repeated fixed64 / double: packed (one LEN field) or not (one value per tag). */
  packed64(wire: number, read: (r: ProtobufReader) => number, into: number[]): void {
    if (wire === WIRE_LEN) {
      const sub = this.message();
      if ((sub.end - sub.pos) % 8 !== 0) bad('packed 64-bit field not a multiple of 8 bytes');
      while (!sub.done()) {
        this.budget.item();
        into.push(read(sub));
      }
    } else if (wire === WIRE_I64) {
      this.budget.item();
      into.push(read(this));
    } else bad(`wire type ${wire} for a 64-bit field`);
  }

  /** Skips a field this decoder does not need. Groups (wire types 3, 4) are refused: OTLP has none. */
  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_I64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.pos += this.length();
        return;
      case WIRE_I32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        bad(`unsupported wire type ${wire}`);
    }
  }

  /** Asserts the wire type a known field must have. */
  expect(wire: number, want: number, field: string): void {
    if (wire !== want) bad(`${field} has wire type ${wire}, expected ${want}`);
  }
}
