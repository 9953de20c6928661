// A kept page compressed once, though each answer carries a nonce of its own (decision 062).
// The page is cut at each occurrence of the nonce it was rendered with; each piece is deflated
// once, ending on a full flush (byte-aligned, no reference back past its start), so the pieces of
// independent streams can follow one another in one deflate stream. An answer is a gzip member:
// the header, the pieces with the new nonce between them as stored blocks, an empty final block,
// and the CRC-32 and length of what it decodes to, combined from each piece's own CRC (zlib's
// crc32_combine), so only the compressed pieces are kept. Per answer: a few small buffers and 32
// steps per piece, no compressor. (RFC 1951 §3.2.4 stored blocks; RFC 1952 the member.)
import zlib from "node:zlib";

export type NonceBody = {
  /** The page's text between the nonce's occurrences (one more than there are occurrences), each deflated on its own, ending on a full flush. */
  deflated: Buffer[];
  /** Each part's CRC-32, and the operator that shifts a CRC over its length (see combine). */
  crcs: number[];
  shifts: number[];
  lengths: number[];
};

// CRC-32 combination, as zlib's crc32.c does it (multmodp, x2nmodp): polynomial arithmetic modulo
// the CRC polynomial, reflected. crc(A‖B) = multmodp(x^(8·|B|), crc(A)) ⊕ crc(B).
const POLY = 0xedb88320;
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}
const X2N: number[] = [];
for (let p = 1 << 30, n = 0; n < 32; n++, p = multmodp(p, p)) X2N.push(p >>> 0);
/** x^(8·bytes) modulo the polynomial: the operator that moves a CRC past `bytes` bytes. */
function shiftOver(bytes: number): number {
  let p = 0x80000000;
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2) p = multmodp(X2N[k & 31]!, p);
  return p >>> 0;
}
/** The CRC-32 of A‖B from A's and B's, given the operator for B's length. */
const combine = (crcA: number, crcB: number, shiftB: number) => (multmodp(shiftB, crcA) ^ crcB) >>> 0;

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);
// A stored block holds at most 65,535 bytes; a nonce is a few dozen.
const MAX_STORED = 0xffff;
const STORE_BELOW = 1024;

/** `bytes` as one stored (uncompressed, not final) deflate block; nothing for no bytes. */
function storedBlock(bytes: Buffer): Buffer {
  if (bytes.length === 0) return Buffer.alloc(0);
  if (bytes.length > MAX_STORED) throw new Error("More than a stored block holds");
  const block = Buffer.alloc(5 + bytes.length);
  block.writeUInt8(0, 0); // not final, stored
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(block, 5);
  return block;
}

/** Cuts `body` at every occurrence of `nonce` (none: one part) and deflates each part once. */
export function splitAtNonce(body: Buffer, nonce: string | null): NonceBody {
  const parts: Buffer[] = [];
  if (nonce) {
    const needle = Buffer.from(nonce);
    let at = 0;
    for (let i = body.indexOf(needle); i !== -1; i = body.indexOf(needle, at)) {
      parts.push(body.subarray(at, i));
      at = i + needle.length;
    }
    parts.push(body.subarray(at));
  } else parts.push(body);
  return {
    // Most pieces are the few bytes between two script tags: those go in as they are (a
    // compressor of their own each would cost more memory than they hold).
    deflated: parts.map((part) => (part.length < STORE_BELOW ? storedBlock(part) : zlib.deflateRawSync(part, { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH }))),
    crcs: parts.map((part) => zlib.crc32(part)),
    shifts: parts.map((part) => shiftOver(part.length)),
    lengths: parts.map((part) => part.length),
  };
}

/** The page's text with `nonce` where the rendered one was (for the rare client that takes no gzip). */
export const plainWithNonce = (body: NonceBody, nonce: string): Buffer => zlib.gunzipSync(gzipWithNonce(body, nonce));

/** The page as one gzip member, with `nonce` where the rendered one was. */
export function gzipWithNonce(body: NonceBody, nonce: string): Buffer {
  const stored = Buffer.from(nonce);
  const block = storedBlock(stored);
  const nonceCrc = zlib.crc32(stored);
  const nonceShift = shiftOver(stored.length);
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  body.deflated.forEach((piece, i) => {
    if (i > 0) {
      out.push(block);
      crc = combine(crc, nonceCrc, nonceShift);
      size += stored.length;
    }
    out.push(piece);
    crc = i === 0 ? body.crcs[0]! : combine(crc, body.crcs[i]!, body.shifts[i]!);
    size += body.lengths[i]!;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  out.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(out);
}
