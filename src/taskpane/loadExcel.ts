/**
 * Loads the Excel host and the ribbon commands, only when the pane runs inside Excel: a separate
 * chunk, so the browser preview never downloads office-js code and the pane's first bundle stays small.
 */
import { subscribeOutcome } from "../app/lastResult";
import { Host } from "../hosts/host";

export interface ExcelMode {
  host: Host;
  /** Tells the pane when the ribbon's 一键校验 has checked and marked the workbook. */
  onRibbonCheck(listener: () => void): () => void;
}

export async function loadExcel(): Promise<ExcelMode> {
  const [{ ExcelHost }, { registerCommands }] = await Promise.all([
    import(/* webpackChunkName: "excel-host" */ "../hosts/excel/excelHost"),
    import(/* webpackChunkName: "excel-host" */ "../commands/commands"),
  ]);
  const host = new ExcelHost();
  // The ribbon checks through the pane's host, so both see one workbook and one set of marks.
  registerCommands({ host: () => host });
  return { host, onRibbonCheck: (listener) => subscribeOutcome(() => listener()) };
}
