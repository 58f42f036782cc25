/** The scoring behind the precision test and the README table: what counts as true, false, missed and not scored. */
import { cellsOf } from "../helpers/cells";
import { perRule, scoreForm, FormExpectation } from "../../scripts/lib/corpusScore";
import { Finding } from "../../src/core/rules/types";

const finding = (rule: string, cell: string, severity: Finding["severity"] = "warning", messageId = "m"): Finding => ({
  rule,
  severity,
  category: "indicators",
  messageId,
  data: {},
  message: { zh: "", en: "" },
  cells: cellsOf(`申报表!${cell}`),
});

const exp: FormExpectation = {
  problems: [
    { rule: "indicators/not-quantified", at: "E8", severity: "error", why: "" },
    { rule: "indicators/timeliness-deadline", at: "E9", severity: "warning", why: "" },
  ],
  notScored: [{ rule: "indicators/missing-category", messageId: "missingLevel1", why: "" }],
};

test("a finding on the expected rule and row, at the expected severity, is true; another cell of that row still matches", () => {
  const s = scoreForm("f", [finding("indicators/not-quantified", "F8", "error"), finding("indicators/timeliness-deadline", "E9")], exp, []);
  expect(s.truePositives).toHaveLength(2);
  expect(s.falsePositives).toEqual([]);
  expect(s.missed).toEqual([]);
});

test("a second finding for a problem already found is false: one finding per cell per cause", () => {
  const s = scoreForm(
    "f",
    [finding("indicators/not-quantified", "E8", "error"), finding("indicators/not-quantified", "F8", "error")],
    exp,
    [],
  );
  expect(s.truePositives).toHaveLength(1);
  expect(s.falsePositives).toHaveLength(1);
});

test("the wrong severity is both a false finding and a missed problem", () => {
  const s = scoreForm("f", [finding("indicators/not-quantified", "E8", "warning")], exp, []);
  expect(s.falsePositives).toHaveLength(1);
  expect(s.missed.map((p) => p.at)).toEqual(["E8", "E9"]);
});

test("not scored only for the named message; a wildcard rule covers its category; tips are only counted", () => {
  const s = scoreForm(
    "f",
    [
      finding("indicators/missing-category", "A6", "error", "missingLevel1"),
      finding("indicators/missing-category", "A7", "warning", "emptyGroup"),
      finding("tasks/incomplete-row", "A2", "error", "noTasks"),
      finding("indicators/missing-operator", "E7", "info"),
    ],
    exp,
    [{ rule: "tasks/*", why: "" }],
  );
  expect(s.notScored.map((f) => f.rule)).toEqual(["indicators/missing-category", "tasks/incomplete-row"]);
  expect(s.falsePositives.map((f) => f.messageId)).toEqual(["emptyGroup"]);
  expect(s.info).toHaveLength(1);
  expect(perRule([s]).find((r) => r.rule === "indicators/missing-category")).toEqual({
    rule: "indicators/missing-category",
    tp: 0,
    fp: 1,
    fn: 0,
  });
});
