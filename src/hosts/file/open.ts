/**
 * Reading an .xlsx the way the commands and the preview should: like readXlsx, but a valid package
 * that exceljs cannot load as written (another tool's part names, plain-text notes, unprefixed
 * drawings) is first rewritten into a shape it can (normalize.ts), so it is never called corrupt.
 */
import { FileReadError } from "./errors";
import { normalizePackage } from "./normalize";
import { toBytes } from "./package";
import { ReadOptions, ReadResult, readXlsx } from "./read";
import { prepareForWrite, rememberOrigin } from "./write";

export async function openXlsx(data: ArrayBuffer | Uint8Array, source: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const bytes = toBytes(data);
  if (opts.readOnly) {
    // Checking needs only the cells: a normal file is read as it is (no extra unzip), and only a
    // failed read is retried without the parts the checker never looks at.
    try {
      return await readXlsx(bytes, source, opts);
    } catch (e) {
      if (!(e instanceof FileReadError) || e.kind !== "corrupt") throw e;
      const cells = await normalizePackage(bytes, "cells").catch(() => null);
      if (!cells) throw e;
      return readXlsx(cells.bytes, source, opts).catch(() => {
        throw e;
      });
    }
  }
  // A copy will be written: repair what can be kept before exceljs reads it (its notes would come
  // out empty or the read would fail), and say what had to be dropped.
  const fixed = await normalizePackage(bytes, "keep").catch(() => null); // not a zip: readXlsx explains
  const loaded = fixed?.bytes ?? bytes;
  const r = await readXlsx(loaded, source, opts);
  // What exceljs drops or rewrites wrongly is carried over from these bytes when a copy is written.
  rememberOrigin(r.workbook, loaded);
  prepareForWrite(r.workbook);
  const extra = (fixed?.warnings ?? []).filter((w) => !r.warnings.some((x) => x.kind === w.kind));
  return { ...r, warnings: [...r.warnings, ...extra] };
}
