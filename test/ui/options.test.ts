import { optionValue, withOption } from "../../src/taskpane/state/options";
import { resolveSetting } from "../../src/core/config";

describe("settings → rule options", () => {
  const id = "budget/income-matches-expenditure";

  test("setting an option keeps a severity override and other options", () => {
    const c = withOption({ rules: { [id]: ["warning", { other: 1 }], x: "off" } }, id, "tolerance", 0.5);
    expect(resolveSetting(c, id)).toEqual({ severity: "warning", options: { other: 1, tolerance: 0.5 } });
    expect(c.rules?.x).toBe("off");
  });

  test("clearing the last option of a rule without overrides removes the rule entry", () => {
    const c = withOption(withOption({}, id, "tolerance", 1), id, "tolerance", undefined);
    expect(c.rules).toEqual({});
  });

  test("the value shown falls back to the rule's default", () => {
    expect(optionValue({}, id, "tolerance", 0.005)).toBe(0.005);
    expect(optionValue({ rules: { [id]: { options: { tolerance: 2 } } } }, id, "tolerance", 0.005)).toBe(2);
  });
});
