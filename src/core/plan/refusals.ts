/** Why an edit is refused, worded once for every host (the compiler in steps.ts decides). */
import { Message } from "../rules/types";

/**
 * A fix is computed from what a cell shows; where that is a formula's result, writing the fix would
 * replace the user's formula with a constant, so the formula is left for the user to change.
 */
export function formulaCellRefusal(ref: string, formula: string): Message {
  return {
    zh: `单元格 ${ref} 是公式(${formula}),自动修改会把公式替换为固定值,未做任何更改。请直接修改公式或它引用的单元格。`,
    en: `Cell ${ref} holds a formula (${formula}); changing it automatically would replace the formula with a constant, so nothing was changed. Edit the formula or the cells it uses instead.`,
  };
}

/** Excel keeps only the top-left value of a merged area, so a merge over other content would lose it. */
export function mergeLosesContentRefusal(range: string, at: string): Message {
  return { zh: `无法合并 ${range}:${at} 有内容,合并会丢失它`, en: `Cannot merge ${range}: ${at} has content that merging would lose` };
}
