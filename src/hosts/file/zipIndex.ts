/**
 * The entries of a zip package read straight from its central directory (PKWARE APPNOTE 6.3.10,
 * §4.3.12 central directory header, §4.3.16 end of central directory record, §4.3.7 local file
 * header), so a caller with a native inflater (Node's zlib in the CLI) can unpack the few parts it
 * needs without JSZip's stream machinery, which costs more than the inflating itself on small parts.
 *
 * Only the plain case is handled: no zip64, no encryption, stored or deflated entries, UTF-8 (or
 * ASCII) names. Anything else returns null and the caller reads the package with JSZip as before,
 * so an unusual but valid package is never called damaged here.
 */

export interface ZipEntry {
  method: 0 | 8;
  /** The entry's bytes as stored (compressed for method 8). */
  data: Uint8Array;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

// Made on first use and kept: a package is indexed twice per written copy (the original and the copy).
let names: TextDecoder | null = null;

/** Entry names (a leading "/" removed, as exceljs does) → where their data is; null when not a plain package. */
export function zipIndex(bytes: Uint8Array): Map<string, ZipEntry> | null {
  // The end record is the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD && i + 22 + u16(bytes, i + 20) === bytes.length) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const start = u32(bytes, end + 16);
  // 0xFFFF / 0xFFFFFFFF mark zip64; a directory that does not end where the record starts means
  // bytes were prepended (a self-extracting archive) — JSZip knows how to read both.
  if (count === 0xffff || start === 0xffffffff || start + size !== end) return null;
  const utf8 = (names ??= new TextDecoder("utf-8", { fatal: true }));
  const out = new Map<string, ZipEntry>();
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || u32(bytes, p) !== CENTRAL) return null;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressed = u32(bytes, p + 20);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    if (flags & 1 || (method !== 0 && method !== 8) || compressed === 0xffffffff || local === 0xffffffff) return null;
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    // Without the UTF-8 flag a name is code page 437; only ASCII reads the same either way.
    if (!(flags & 0x800) && rawName.some((b) => b >= 0x80)) return null;
    let name: string;
    try {
      name = utf8.decode(rawName);
    } catch {
      return null;
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) return null;
    const from = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (from + compressed > bytes.length) return null;
    if (name.endsWith("/")) continue;
    out.set(name[0] === "/" ? name.slice(1) : name, { method: method as 0 | 8, data: bytes.subarray(from, from + compressed) });
  }
  return out;
}
