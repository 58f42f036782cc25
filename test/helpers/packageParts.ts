/**
 * The fidelity tests' view of a written package: its parts as bytes (JSZip, independent of the
 * patcher's own zip code), byte equality, and a strict XML well-formedness check (saxes throws on
 * the first error, as Excel refuses a malformed part).
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";

export async function packageParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("uint8array"));
  return out;
}

export const partText = (b: Uint8Array): string => new TextDecoder().decode(b);

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function wellFormed(xml: string): void {
  const p = new SaxesParser();
  p.on("error", (e) => {
    throw e;
  });
  p.write(xml).close();
}
