import fc from 'fast-check';
import JSZip from 'jszip';

// Mutations of the real fixture files (tests/fixtures): every fuzzed file is one of them with
// bytes flipped, cut short, a ZIP entry damaged, its XML mangled, or a part repeated many times.

export type MutationKind = 'flip' | 'truncate' | 'zipEntry' | 'xml' | 'repeat';

export interface Mutation {
  kind: MutationKind;
  /** Where, as fractions of the length (so one plan fits every file). */
  at: number[];
  bits: number[];
  fraction: number;
  times: number;
}

const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
  minLength: 1,
  maxLength: 12,
});

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof(
    { weight: 4, arbitrary: fc.constant<MutationKind>('flip') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('truncate') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('zipEntry') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('xml') },
    { weight: 1, arbitrary: fc.constant<MutationKind>('repeat') },
  ),
  at: fractions,
  bits: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 12, maxLength: 12 }),
  fraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  times: fc.integer({ min: 2, max: 12 }),
});

const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

function flip(bytes: Buffer, m: Mutation): Buffer {
  const out = Buffer.from(bytes);
  m.at.forEach((f, i) => {
    const p = Math.floor(f * out.length);
    out[p] = (out[p] as number) ^ (1 << (m.bits[i % m.bits.length] as number));
  });
  return out;
}

/** Damages one local entry of a ZIP: a header field (sizes, method, flags) or its compressed data. */
function zipEntry(bytes: Buffer, m: Mutation): Buffer {
  if (!isZip(bytes)) return flip(bytes, m);
  const headers: number[] = [];
  for (let p = bytes.indexOf('PK\x03\x04'); p >= 0; p = bytes.indexOf('PK\x03\x04', p + 4)) headers.push(p);
  const out = Buffer.from(bytes);
  const start = headers[Math.floor(m.fraction * headers.length)] as number;
  m.at.forEach((f, i) => {
    // The first 30 bytes are the header; the rest is the entry's data, up to 4 KB in.
    const p = start + (i % 2 === 0 ? 4 + Math.floor(f * 26) : 30 + Math.floor(f * 4096));
    if (p < out.length) out[p] = (out[p] as number) ^ (1 << (m.bits[i % m.bits.length] as number));
  });
  return out;
}

/** Mangles the text of one XML part of a DOCX/XLSX and zips it again (the parser sees valid ZIP, bad XML). */
async function xml(bytes: Buffer, m: Mutation): Promise<Buffer> {
  if (!isZip(bytes)) return flip(bytes, m);
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml') && !zip.files[n]?.dir);
  const name = parts[Math.floor(m.fraction * parts.length)] as string;
  let text = (await zip.file(name)?.async('string')) ?? '';
  const junk = ['<', '>', '&', '"', '\u0000', '</w:t>', '<row r="0">', '\ufffd', ''];
  for (const [i, f] of m.at.entries()) {
    const p = Math.floor(f * text.length);
    text = text.slice(0, p) + (junk[(m.bits[i] as number) % junk.length] as string) + text.slice(p + 1);
  }
  zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A slice of the file repeated `times` × 8 times in place (a huge table, or a broken structure). */
function repeat(bytes: Buffer, m: Mutation): Buffer {
  const from = Math.floor(m.fraction * bytes.length);
  const slice = bytes.subarray(from, Math.min(bytes.length, from + 4096 + Math.floor((m.at[0] ?? 0) * 65_536)));
  return Buffer.concat([bytes.subarray(0, from), ...Array(m.times * 8).fill(slice), bytes.subarray(from)]);
}

export async function mutate(bytes: Buffer, m: Mutation): Promise<Buffer> {
  switch (m.kind) {
    case 'flip':
      return flip(bytes, m);
    case 'truncate':
      return bytes.subarray(0, Math.floor(m.fraction * bytes.length));
    case 'zipEntry':
      return zipEntry(bytes, m);
    case 'xml':
      return xml(bytes, m);
    case 'repeat':
      return repeat(bytes, m);
  }
}
