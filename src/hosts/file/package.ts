/**
 * Looks at the raw bytes before exceljs does, so a renamed CSV, a legacy .xls, an encrypted file or
 * a truncated download gets a sentence the user can act on instead of a zip library's stack trace;
 * and lists the package parts a written copy cannot keep (charts, pivots, shapes, …). What exceljs
 * drops but the original package still has is carried over instead (carryOver.ts), not warned of.
 */
import JSZip from "jszip";
import { Message } from "../../core/rules/types";
import { TextKind, fileReadError, textFileError } from "./errors";
import { errorMessage } from "../../core/errors";
import { englishPlurals } from "../../core/i18n";

export type PackageWarningKind = "notes" | "threaded-comments" | "charts" | "pivots" | "drawings" | "macros" | "shared-workbook";

export interface PackageWarning {
  kind: PackageWarningKind;
  message: Message;
}

export interface PackageInfo {
  /** Cell notes stored in the package (xl/comments*.xml), to compare with what exceljs loaded. */
  noteCount: number;
  warnings: PackageWarning[];
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Text has no NUL bytes and few control characters (UTF-16 text is recognised by its BOM). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= n * 0.02;
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Throws a FileReadError unless the bytes are a zip package (what an .xlsx is). */
export function sniff(bytes: Uint8Array, source: string): void {
  if (bytes.length === 0) throw fileReadError("empty", source);
  const isZip =
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
  if (isZip) return;
  if (startsWith(bytes, OLE_SIGNATURE)) throw fileReadError("ole", source);
  if (looksLikeText(bytes)) throw textFileError(source, textKind(bytes));
  throw fileReadError("not-zip", source);
}

/** What kind of text: markup first (an HTML "Excel" export has commas too), then a separated table. */
export function textKind(bytes: Uint8Array): TextKind {
  const head = bytes.subarray(0, 4096);
  const utf16 = startsWith(head, [0xff, 0xfe]) ? "utf-16le" : startsWith(head, [0xfe, 0xff]) ? "utf-16be" : "utf-8";
  const text = new TextDecoder(utf16)
    .decode(head)
    .replace(/^\uFEFF/, "")
    .trimStart();
  const lower = text.slice(0, 2048).toLowerCase();
  if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml-2003";
  if (/<(!doctype html|html|table|body)[\s>]/.test(lower)) return "html";
  // Complete lines only: the 4 KB cut may end mid-line.
  const lines = text
    .split(/\r?\n/)
    .slice(0, -1)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  for (const sep of [",", "\t", ";"]) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    if (lines.length >= 2 && counts.every((c) => c > 0) && new Set(counts).size <= 2) return "csv";
  }
  return "plain";
}

function count(names: string[], re: RegExp): number {
  return names.filter((n) => re.test(n)).length;
}

export async function inspectPackage(data: ArrayBuffer | Uint8Array, source: string): Promise<PackageInfo> {
  const bytes = toBytes(data);
  sniff(bytes, source);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw fileReadError("corrupt", source, errorMessage(e));
  }
  const names = Object.keys(zip.files).map((n) => n.replace(/^\//, ""));
  if (!names.some((n) => /^xl\/workbook\d*\.xml$/i.test(n))) throw fileReadError("not-workbook", source);

  let noteCount = 0;
  try {
    // Excel names them xl/commentsN.xml, openpyxl xl/comments/commentN.xml.
    for (const n of names.filter((x) => /^xl\/comments(\d*|\/[^/]+)\.xml$/i.test(x))) {
      const xml = await zip.file(n)!.async("string");
      noteCount += (xml.match(/<comment[\s>]/g) ?? []).length;
    }
  } catch (e) {
    throw fileReadError("corrupt", source, errorMessage(e));
  }

  const warnings: PackageWarning[] = [];
  const threads = count(names, /^xl\/threadedComments\/.+\.xml$/i);
  if (threads > 0) {
    warnings.push({
      kind: "threaded-comments",
      message: {
        zh: "工作簿含有新式“批注”(对话式批注),写出的副本中只保留其旧式便笺文字,回复和对话将丢失",
        en: "The workbook has threaded comments; a written copy keeps only their legacy note text, replies are lost",
      },
    });
  }
  const charts = count(names, /^xl\/charts\/chart\d*\.xml$/i);
  if (charts > 0) {
    warnings.push({
      kind: "charts",
      message: {
        zh: `工作簿包含 ${charts} 个图表,写出的副本中将不保留图表`,
        en: englishPlurals(`The workbook contains ${charts} chart(s); a written copy will not keep them`),
      },
    });
  }
  const pivots = count(names, /^xl\/(pivotTables|pivotCache|slicers|slicerCaches|timelines)\/.+\.xml$/i);
  if (pivots > 0) {
    warnings.push({
      kind: "pivots",
      message: {
        zh: "工作簿包含数据透视表或切片器,写出的副本中将不保留它们",
        en: "The workbook contains pivot tables or slicers; a written copy will not keep them",
      },
    });
  }
  // exceljs keeps a drawing's pictures (moved with inserted rows, insertRows.ts) but no shape, text
  // box or group: those are counted; a chart's frame has its own warning above.
  let shapes = 0;
  try {
    for (const n of names.filter((x) => /^xl\/drawings\/drawing\d*\.xml$/i.test(x))) {
      const xml = await zip.file(n)!.async("string");
      for (const m of xml.matchAll(/<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1?\2>/g)) {
        if (!/<(\w+:)?(pic|graphicFrame)[\s>]/.test(m[0])) shapes++;
      }
    }
  } catch (e) {
    throw fileReadError("corrupt", source, errorMessage(e));
  }
  if (shapes > 0) warnings.push(shapesLostWarning(shapes));
  const shared = await sharedWorkbookWarning(zip, names, source);
  if (shared) warnings.push(shared);
  if (names.some((n) => /^xl\/vbaProject\.bin$/i.test(n))) {
    warnings.push({
      kind: "macros",
      message: {
        zh: "工作簿包含宏(VBA),写出的 .xlsx 副本中将不保留宏",
        en: "The workbook contains macros (VBA); a written .xlsx copy will not keep them",
      },
    });
  }
  return { noteCount, warnings };
}

export function drawingsLostWarning(): PackageWarning {
  return {
    kind: "drawings",
    message: {
      zh: "工作簿包含图片、形状或文本框,写出的副本中可能丢失或错位",
      en: "The workbook contains pictures, shapes or text boxes; a written copy may lose or misplace them",
    },
  };
}

export function shapesLostWarning(n: number): PackageWarning {
  return {
    kind: "drawings",
    message: {
      zh: `工作簿包含 ${n} 个形状、文本框或组合图形,写出的副本中将不保留(图片会保留)`,
      en: `The workbook contains ${n === 1 ? "1 shape, text box or group" : `${n} shapes, text boxes or groups`}; a written copy will not keep ${n === 1 ? "it" : "them"} (pictures are kept)`,
    },
  };
}

export function notesLostWarning(lost: number): PackageWarning {
  return {
    kind: "notes",
    message: {
      zh: `工作簿中有 ${lost} 条批注未能读取,写出的副本中将不保留这些批注`,
      en: englishPlurals(`${lost} cell note(s) in the workbook could not be read; a written copy will not keep them`),
    },
  };
}

/**
 * A shared workbook (its user list, the Shared Workbook User Data part related from the workbook; MS-XLSB
 * §2.1.7.55: "the presence of the User Names part indicates the workbook is a shared workbook") and
 * its revision log (the revision headers, §12.3.16, and a log per editing session). exceljs writes
 * neither part: a rewritten copy is no longer shared and its change history is gone.
 */
async function sharedWorkbookWarning(zip: JSZip, names: string[], source: string): Promise<PackageWarning | null> {
  const workbook = names.find((n) => /^xl\/workbook\d*\.xml$/i.test(n))!;
  const relsPath = workbook.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = zip.file(relsPath) ?? zip.file(`/${relsPath}`);
  const xml = rels
    ? await rels.async("string").catch((e: unknown) => {
        throw fileReadError("corrupt", source, errorMessage(e));
      })
    : "";
  const types = [...xml.matchAll(/\bType="[^"]*\/([^"/]+)"/g)].map((m) => m[1]);
  const log = types.includes("revisionHeaders");
  if (!log && !types.includes("usernames")) return null;
  return {
    kind: "shared-workbook",
    message: log
      ? {
          zh: "这是带修订记录的共享工作簿,写出的副本中将不保留修订记录(修订历史)和共享用户列表,副本不再是共享工作簿",
          en: "This is a shared workbook with a revision log; a written copy keeps neither the log (the change history) nor the list of sharing users, and is no longer shared",
        }
      : {
          zh: "这是共享工作簿,写出的副本中将不保留共享用户列表,副本不再是共享工作簿",
          en: "This is a shared workbook; a written copy does not keep its list of sharing users and is no longer shared",
        },
  };
}
