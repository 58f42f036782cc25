import { resolveSetting, validateConfig } from "../../src/core/config";
import { checkWorkbook } from "../../src/core/engine";
import { RULES } from "../../src/core/rules/registry";
import { cleanSheet, setCells, workbook } from "../helpers/forms";

const ids = RULES.map((r) => r.meta.id);

describe("odd rule settings in a user's JSON config", () => {
  test("null is reported by validation and treated as no setting", () => {
    const raw = { rules: { "budget/amount-invalid": null } };
    expect(validateConfig(raw, ids)).toEqual([expect.stringContaining("budget/amount-invalid")]);
    expect(resolveSetting(raw as never, "budget/amount-invalid")).toEqual({ severity: null, options: {} });
    expect(() => checkWorkbook(workbook(cleanSheet()), raw as never)).not.toThrow();
  });

  test("options that are not an object are reported and ignored", () => {
    const raw = { rules: { "indicators/satisfaction-below-floor": ["warning", 95] } };
    expect(validateConfig(raw, ids)).toEqual([expect.stringContaining("indicators/satisfaction-below-floor")]);
    expect(resolveSetting(raw as never, "indicators/satisfaction-below-floor")).toEqual({ severity: "warning", options: {} });
  });

  test("an unknown severity is reported and leaves the rule's own severity", () => {
    const raw = { rules: { "budget/amount-invalid": "Warning" } };
    expect(validateConfig(raw, ids)).toHaveLength(1);
    expect(resolveSetting(raw as never, "budget/amount-invalid").severity).toBeNull();
    const sheet = setCells(cleanSheet(), { D8: "abc" });
    const result = checkWorkbook(workbook(sheet), raw as never);
    expect(result.findings.filter((f) => f.rule === "budget/amount-invalid").map((f) => f.severity)).toEqual(["error"]);
    expect(result.summary.error).toBeGreaterThan(0);
  });

  test("a well-formed config passes", () => {
    const raw = { rules: { "budget/amount-invalid": "warning", "indicators/satisfaction-below-floor": ["error", { floor: 95 }], "tasks/incomplete-row": { severity: "off" } } };
    expect(validateConfig(raw, ids)).toEqual([]);
  });
});
