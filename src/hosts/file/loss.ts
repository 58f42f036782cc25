/**
 * A copy the package patcher could not make (PatchUnsupported) is rewritten by exceljs, which loses
 * what the package inspection names (package.ts warnings). Whether that may happen is one decision
 * for every writer — the CLI's fix, add and check --annotate (--allow-loss) and the preview's
 * download (its "download anyway" button): a rewrite that loses nothing named goes ahead; otherwise
 * the user is told why the patch failed and what would be lost, and nothing is written until they
 * accept it.
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

/** What a rewrite instead of the patch `why` would lose; null when it loses nothing named. `file` names the input among several. */
export function lossOf(warnings: readonly PackageWarning[], why: PatchUnsupported, file?: string): Loss | null {
  if (warnings.length === 0) return null;
  const reason = patchWhy(why);
  const head: Message = file
    ? {
        zh: `「${file}」无法按原文件包修补:${reason.zh};改用重写时会丢失以下内容`,
        en: `"${file}" cannot be patched in place: ${reason.en}; a rewritten copy would lose the following`,
      }
    : {
        zh: `无法按原文件包修补:${reason.zh};改用重写时会丢失以下内容`,
        en: `The workbook cannot be patched in place: ${reason.en}; a rewritten copy would lose the following`,
      };
  return { head, lost: warnings.map((w) => w.message) };
}

/** Thrown by FileHost.toBuffer when a download would lose what `loss` names and the user has not accepted it. */
export class LossRefused extends Error {
  constructor(readonly loss: Loss) {
    super(loss.head.en);
    this.name = "LossRefused";
  }
}
