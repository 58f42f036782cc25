/**
 * A copy the package patcher could not make (PatchUnsupported) can only be rewritten by exceljs,
 * which loses what the package inspection names (package.ts warnings) and keeps for certain only
 * what docs/writing.md's "exceljs path" lists. Whether that may happen is one decision for every
 * writer — the CLI's fix, add and check --annotate (--allow-loss) and the preview's download (its
 * "download anyway" button): the user is told why the patch failed and what would be lost, and
 * nothing is written until they accept it. Such packages are rare (a fix into part of an array
 * formula, a stylesheet without cell formats, a shared workbook with a revision log, a damaged
 * package), so asking costs little; a copy changed behind the user's back would cost their trust.
 */
import { Message } from "../../core/rules/types";
import { PackageWarning } from "./package";
import { PatchUnsupported } from "./patch";

/** Why the patcher could not keep the package, for the user: its own words when it has them. */
function patchWhy(e: PatchUnsupported): Message {
  return (
    e.reason ?? {
      zh: `文件包中有本工具无法原样修补的结构(${e.message})`,
      en: `the package holds something this tool cannot patch in place (${e.message})`,
    }
  );
}

export interface Loss {
  /** Why the package cannot be patched, and that a rewrite would lose what `lost` names. */
  head: Message;
  lost: Message[];
}

/** What a rewrite instead of the patch `why` would lose. `file` names the input among several. */
export function lossOf(warnings: readonly PackageWarning[], why: PatchUnsupported, file?: string): Loss {
  const reason = patchWhy(why);
  const named = warnings.length > 0;
  const what: Message = named
    ? { zh: "改用重写时会丢失以下内容", en: "a rewritten copy would lose the following" }
    : { zh: "只能重写整个文件", en: "the copy can only be rewritten whole" };
  const head: Message = file
    ? {
        zh: `「${file}」无法按原文件包修补:${reason.zh};${what.zh}`,
        en: `"${file}" cannot be patched in place: ${reason.en}; ${what.en}`,
      }
    : {
        zh: `无法按原文件包修补:${reason.zh};${what.zh}`,
        en: `The workbook cannot be patched in place: ${reason.en}; ${what.en}`,
      };
  const unnamed: Message = {
    zh: "没有发现会丢失的图表、数据透视表、形状、宏或批注,但重写的副本只保证保留值、公式、合并、普通的数据验证和条件格式、名称、打印设置、行高列宽与工作表保护等(见 docs/writing.md「exceljs 路径」),其余设置可能改变",
    en: "No chart, pivot table, shape, macro or note would be lost, but a rewritten copy keeps for certain only values, formulas, merges, plain validations and conditional formats, names, print settings, sizes and protection (docs/writing.md, the exceljs path); other settings may change",
  };
  return { head, lost: named ? warnings.map((w) => w.message) : [unnamed] };
}

/** Thrown by FileHost.toBuffer when a download would lose what `loss` names and the user has not accepted it. */
export class LossRefused extends Error {
  constructor(readonly loss: Loss) {
    super(loss.head.en);
    this.name = "LossRefused";
  }
}
