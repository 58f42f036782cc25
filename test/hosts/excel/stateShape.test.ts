/** Document settings written by another version (or damaged) must never break checking the workbook. */
import { validate } from "../../../src/app/validate";
import { SETTINGS_KEY, sanitizeState } from "../../../src/hosts/excel/state";
import { seedSheet } from "../../helpers/forms";
import { fakeWith, hostFor } from "./helpers";

test("rule settings the engine cannot read are dropped; the readable ones are kept", () => {
  const s = sanitizeState({
    settings: {
      config: {
        rules: { a: null, b: "fatal", c: ["nope"], d: { severity: "loud" }, e: "off", f: ["info"], g: { options: { floor: 95 } } },
      },
    },
  });
  expect(s.settings.config).toEqual({ rules: { e: "off", f: ["info"], g: { options: { floor: 95 } } } });
});

test("a null rule setting saved in the workbook does not make the check throw", async () => {
  const excel = fakeWith(20, seedSheet());
  const { host, settings } = hostFor(excel);
  settings.data.set(SETTINGS_KEY, {
    ignored: [],
    settings: { lang: "zh", liveCheck: true, config: { rules: { "indicators/vague-wording": null, "layout/misaligned-row": "fatal" } } },
  });
  const result = await validate(host);
  expect(result.findings.length).toBeGreaterThan(0);
  expect(result.findings.every((f) => ["error", "warning", "info"].includes(f.severity))).toBe(true);
});
