/**
 * Template insertion into every printed layout of the corpus (issue #19): for each form read as a
 * target form, one template goes into each of its groups as `budget-form add` puts it there
 * (planInsertion, then applyVerified on the file host), each on a fresh copy. The row must land in
 * its group, named as the template, with verification passing and no new error; an insertion that is
 * refused must say why in a sentence.
 */
import { GroupInsertion, insertEveryGroup } from "../../scripts/lib/printedInsert";
import { printedIds } from "../../scripts/lib/printedCorpus";
import { findTemplate } from "../../src/core/templates/catalogue";

/** Insertions refused today, each with why (the list may only shrink). None is left. */
const REFUSED_TODAY: string[] = [];

const all: GroupInsertion[] = [];

beforeAll(async () => {
  for (const id of printedIds()) all.push(...(await insertEveryGroup(id)));
}, 120_000);

test("every form read as a target form has its groups tried, the layouts with merged or missing 一级/二级 columns among them", () => {
  const ids = new Set(all.map((g) => g.id));
  // 湖南 (满意度 merged across 一级/二级), 宝坻 and 舒城 (no 二级 under the 一级), 浙江 (two levels only).
  for (const id of [
    "c2-hunan-xiangtan-huanwei-2023-project-wupaoche",
    "c2-tianjin-baodi-2022-project-chuqinfenwu",
    "c1-anhui-liuan-shucheng-2023-project-yigongdaizhen",
  ])
    expect([id, ids.has(id)]).toEqual([id, true]);
  expect(all.length).toBeGreaterThanOrEqual(150);
});

test("each inserted row is in its group, named as its template, and the check has no more errors than before", () => {
  const wrong = all
    .filter((g) => g.outcome === "inserted")
    .filter((g) => {
      const a = g.after!;
      return a.level1 !== g.level1 || a.level2 !== g.level2 || a.name !== findTemplate(g.template)!.name || a.errorsAfter > a.errorsBefore;
    });
  expect(wrong).toEqual([]);
});

test("a refused insertion says why, in Chinese, and only the listed ones are refused", () => {
  const refused = all.filter((g) => g.outcome === "refused");
  for (const g of refused) expect(g.reason).toMatch(/[\u4e00-\u9fff]{4}/);
  expect(refused.map((g) => `${g.id} ${g.level1}/${g.level2 ?? "-"}`)).toEqual(REFUSED_TODAY);
});

describe("into a group the form does not print (a new 二级 row, or a new 一级)", () => {
  const absent: GroupInsertion[] = [];
  beforeAll(async () => {
    for (const id of printedIds()) absent.push(...(await insertEveryGroup(id, true)));
  }, 120_000);

  test("each inserted row is in its group, named as its template, with no more errors than before", () => {
    const inserted = absent.filter((g) => g.outcome === "inserted");
    expect(inserted.length).toBeGreaterThanOrEqual(100);
    const wrong = inserted.filter((g) => {
      const a = g.after!;
      return a.level1 !== g.level1 || a.level2 !== g.level2 || a.name !== findTemplate(g.template)!.name || a.errorsAfter > a.errorsBefore;
    });
    expect(wrong).toEqual([]);
  });

  test("a refusal is the verification naming the error the new row would bring out, never a plan at odds with itself", () => {
    // A copy cut before 效益 is not asked for 效益 until 满意度 follows it: then 缺少效益指标 is new.
    const refused = absent.filter((g) => g.outcome === "refused");
    for (const g of refused) expect([g.id, g.level2, g.reason]).toEqual([g.id, g.level2, expect.stringContaining("出现新的错误")]);
    expect(refused.some((g) => /已被修改/.test(g.reason ?? ""))).toBe(false);
  });
});
