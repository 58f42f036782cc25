/**
 * JSON.parse with the reason in both languages. The engine's own message is English only and, on
 * Node 20, sometimes gives no position at all ("Unexpected token '“', …"), so the place is worked
 * out here and the usual slips of hand-edited files are named: full-width punctuation typed with a
 * Chinese input method, a comma before } or ], keys without quotes, a file cut short.
 */
import { Message } from "./rules/types";

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: Message };

const FULL_WIDTH = /[“”‘’，：｛｝［］]/;

function where(text: string, e: unknown): number {
  const msg = e instanceof Error ? e.message : "";
  const pos = /position (\d+)/.exec(msg);
  if (pos) return Number(pos[1]);
  const token = /Unexpected token '(.)'/u.exec(msg);
  if (token) {
    const i = text.indexOf(token[1]);
    if (i >= 0) return i;
  }
  return text.length;
}

function explain(text: string, pos: number): Message {
  if (pos >= text.trimEnd().length)
    return { zh: "内容不完整,可能缺少 } 或 ] 或引号", en: "the text ends too early; a } or ] or quote may be missing" };
  const ch = text[pos];
  if (FULL_WIDTH.test(ch))
    return {
      zh: `这里是全角符号「${ch}」,JSON 只能用半角的 " , : { } [ ]`,
      en: `"${ch}" is a full-width character; JSON needs the ASCII " , : { } [ ]`,
    };
  const before = text.slice(0, pos).trimEnd();
  if ((ch === "}" || ch === "]") && before.endsWith(","))
    return { zh: "最后一项后面多了一个逗号", en: "there is a comma after the last item" };
  if (/[A-Za-z_$\u4e00-\u9fff]/.test(ch) && /[{,]$/.test(before))
    return { zh: '键名要用英文双引号括起来,例如 "rules"', en: 'keys must be in double quotes, e.g. "rules"' };
  if (ch === "'") return { zh: "JSON 要用双引号,不能用单引号", en: "JSON needs double quotes, not single quotes" };
  return { zh: `意外的字符「${ch}」`, en: `unexpected "${ch}"` };
}

export function parseJson(text: string): JsonResult {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const pos = Math.min(where(body, e), body.length);
    const lines = body.slice(0, pos).split("\n");
    const line = lines.length;
    const col = lines[lines.length - 1].length + 1;
    const why = explain(body, pos);
    return { ok: false, error: { zh: `第 ${line} 行第 ${col} 列:${why.zh}`, en: `line ${line}, column ${col}: ${why.en}` } };
  }
}
