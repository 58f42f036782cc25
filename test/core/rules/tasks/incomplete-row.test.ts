import rule from "../../../../src/core/rules/tasks/incomplete-row";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells, corpusSheet } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };
const NO_TASKS: Record<string, null> = {};
for (const r of [15, 16, 17, 18]) for (const c of ["B", "C", "D", "E"]) NO_TASKS[`${c}${r}`] = null;

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "task amounts stored as text", sheet: cleanSheet({ numbersAsText: true }) },
    // 马踏镇 2023: the 元 header (拟投入的资金(元)) no longer hides the key tasks.
    { name: "tasks whose funds are headed in 元", sheet: corpusSheet("mata-2023") },
    { name: "fewer tasks, fully filled", sheet: setCells(cleanSheet(), { B18: null, C18: null, D18: null, E18: null }) },
  ],
  invalid: [
    {
      name: "a name without content",
      sheet: setCells(cleanSheet(), { C15: null }),
      errors: [{ messageId: "incomplete", cells: ["申报表!C15"], severity: "error", data: { row: 15, missing: "主要实施内容" } }],
    },
    {
      name: "a name only: content, funds and goal missing",
      sheet: setCells(cleanSheet(), { C16: null, D16: null, E16: null }),
      errors: [
        {
          messageId: "incomplete",
          cells: ["申报表!C16", "申报表!D16", "申报表!E16"],
          data: { missing: "主要实施内容、拟投入的资金、期望达到的目标" },
        },
      ],
    },
    {
      name: "content, funds and goal without a name",
      sheet: setCells(cleanSheet(), { B17: null }),
      errors: [{ messageId: "incomplete", cells: ["申报表!B17"], data: { row: 17, missing: "名称", task: "" } }],
    },
    {
      name: "only the funds left blank",
      sheet: setCells(cleanSheet(), { D18: null }),
      errors: [{ messageId: "noAmount", cells: ["申报表!D18"], severity: "warning", data: { task: "换届工作" } }],
    },
    {
      name: "zero funds, as a number and as text",
      sheet: setCells(cleanSheet(), { D16: 0, D18: "0.00" }),
      errors: [
        { messageId: "zeroAmount", cells: ["申报表!D16"], severity: "warning", data: { task: "学术交流" } },
        { messageId: "zeroAmount", cells: ["申报表!D18"], severity: "warning" },
      ],
    },
    {
      name: "an incomplete row with zero funds yields both findings",
      sheet: setCells(cleanSheet(), { E15: null, D15: 0 }),
      errors: [
        { messageId: "incomplete", cells: ["申报表!E15"], severity: "error" },
        { messageId: "zeroAmount", cells: ["申报表!D15"], severity: "warning" },
      ],
    },
    {
      name: "no key task at all points at the 年度重点工作任务 label",
      sheet: setCells(cleanSheet(), NO_TASKS),
      errors: [{ messageId: "noTasks", cells: ["申报表!A14"], severity: "error" }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("C15", O)]: null, [at("E15", O)]: null, [at("D17", O)]: null }),
      errors: [
        { messageId: "incomplete", cells: ["申报表!E18", "申报表!G18"], data: { row: 18 } },
        { messageId: "noAmount", cells: ["申报表!F20"] },
      ],
    },
    {
      name: "no key task at an offset",
      sheet: setCells(cleanSheet(O), Object.fromEntries(Object.keys(NO_TASKS).map((a) => [at(a, O), null]))),
      errors: [{ messageId: "noTasks", cells: ["申报表!C17"] }],
    },
  ],
});
