/**
 * fold answers most cells without normalising (a fast path for text NFKC leaves alone). The fast
 * path must agree with what fold means, Unicode NFKC with the ideographic space as a space and
 * the ends trimmed, for every character and for any mix of them.
 */
import fc from "fast-check";
import { fold, labelKey } from "../../src/core/text";

const reference = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/\u3000/g, " ")
    .trim();

describe("fold", () => {
  it("agrees with NFKC for every character of the Basic Multilingual Plane, alone and between ideographs", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `数${ch}量`, `${ch}a`]) if (fold(s) !== reference(s)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("agrees with NFKC on any mix of fast-path characters, full-width forms, spaces and combining marks", () => {
    const chars = [..."数量指标≥≤95%（）()：:，,、。「」【】“”—–·…　 \t\n＝＞＜ａＡ０９e\u0301\u3099か"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        expect(fold(s)).toBe(reference(s));
      }),
      { seed: 9, numRuns: 3000 },
    );
  });

  it("keeps labelKey's normalisation for labels written with spaces, colons and square brackets", () => {
    expect(labelKey("部 门 名 称：")).toBe("部门名称");
    expect(labelKey("预算金额【万元】")).toBe("预算金额(万元)");
    expect(labelKey("三级指标")).toBe("三级指标");
    expect(labelKey(95)).toBe("95");
  });
});
