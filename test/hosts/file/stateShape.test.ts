/** A state sheet damaged or written by another version must never break checking the workbook. */
import { readFileSync } from "fs";
import { validate } from "../../../src/app/validate";
import { FileHost } from "../../../src/hosts/file/fileHost";
import { STATE_SHEET } from "../../../src/hosts/file/state";
import { examplePath } from "../../helpers/xlsx";

async function withState(state: unknown): Promise<FileHost> {
  const host = await FileHost.fromData(readFileSync(examplePath("corrected-form.xlsx")), "a.xlsx");
  host.excelWorkbook.addWorksheet(STATE_SHEET, { state: "veryHidden" }).getCell("A1").value = JSON.stringify(state);
  return FileHost.fromData(await host.toBuffer(), "a.xlsx");
}

test("unreadable settings in the state sheet fall back to the defaults, rule by rule", async () => {
  const host = await withState({
    ignored: ["x@申报表!D8", 5],
    settings: {
      lang: "fr",
      liveCheck: "yes",
      config: {
        rules: {
          "indicators/vague-wording": null,
          "layout/misaligned-row": "fatal",
          "budget/x": "off",
          "indicators/duplicate": ["warning", { a: 1 }],
        },
      },
    },
  });
  expect(await host.loadState()).toEqual({
    ignored: ["x@申报表!D8"],
    // An option the rule does not have is refused as the CLI's --config refuses it (one check, issue #21);
    // a rule this version does not know keeps its setting for the version that wrote it.
    settings: { lang: "zh", liveCheck: true, config: { rules: { "budget/x": "off" } } },
  });
});

test("a rule setting of null does not make every check of the workbook fail", async () => {
  const host = await withState({
    ignored: [],
    settings: { lang: "zh", liveCheck: true, config: { rules: { "indicators/vague-wording": null } } },
  });
  const result = await validate(host);
  expect(result.findings.every((f) => ["error", "warning", "info"].includes(f.severity))).toBe(true);
});
