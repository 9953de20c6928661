// A kept page compressed once, though each answer carries a nonce of its own (decision 062).
// The page is cut at each occurrence of the nonce it was rendered with; each piece is deflated
// once, ending on a full flush (byte-aligned, no reference back past its start), so the pieces of
// independent streams can follow one another in one deflate stream. An answer is a gzip member:
// the header, the pieces with the new nonce between them as stored blocks, an empty final block,
// and the CRC-32 and length of what it decodes to. Per answer: a CRC pass and a few small
// buffers, no compressor. (RFC 1951 §3.2.4 stored blocks; RFC 1952 the member.)
import zlib from "node:zlib";

export type NonceBody = {
  /** The page's text between the nonce's occurrences (one more than there are occurrences). */
  parts: Buffer[];
  /** Each part deflated on its own, ending on a full flush. */
  deflated: Buffer[];
};

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);
// A stored block holds at most 65,535 bytes; a nonce is a few dozen.
const MAX_STORED = 0xffff;

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
  const deflated = parts.map((part) => zlib.deflateRawSync(part, { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH }));
  return { parts, deflated };
}

/** The page's text with `nonce` where the rendered one was. */
export const plainWithNonce = (body: NonceBody, nonce: string): Buffer =>
  Buffer.concat(body.parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from(nonce), part])));

/** The page as one gzip member, with `nonce` where the rendered one was. */
export function gzipWithNonce(body: NonceBody, nonce: string): Buffer {
  const stored = Buffer.from(nonce);
  if (stored.length > MAX_STORED) throw new Error("A nonce longer than a stored block");
  const block = Buffer.alloc(5 + stored.length);
  block.writeUInt8(0, 0); // not final, stored
  block.writeUInt16LE(stored.length, 1);
  block.writeUInt16LE(~stored.length & 0xffff, 3);
  stored.copy(block, 5);
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  body.parts.forEach((part, i) => {
    if (i > 0) {
      out.push(block);
      crc = zlib.crc32(stored, crc);
      size += stored.length;
    }
    out.push(body.deflated[i]!);
    crc = zlib.crc32(part, crc);
    size += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  out.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(out);
}
