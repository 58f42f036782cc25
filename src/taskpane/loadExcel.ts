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
  const [{ ExcelHost, officeDocumentId }, { registerCommands }, { isSetSupported }] = await Promise.all([
    import(/* webpackChunkName: "excel-host" */ "../hosts/excel/excelHost"),
    import(/* webpackChunkName: "excel-host" */ "../commands/commands"),
    import(/* webpackChunkName: "excel-host" */ "../hosts/excel/capabilities"),
  ]);
  const host = new ExcelHost();
  // The ribbon checks through the pane's host, so both see one workbook and one set of marks.
  registerCommands({ host: () => host });
  // With a shared runtime the ribbon runs in this page: no cross-page channel, which would only let
  // other documents' outcomes in. Without one, storage events for this document's URL only.
  const crossPage = !isSetSupported("SharedRuntime", "1.1") && officeDocumentId().url;
  const doc = () => host.documentId();
  return { host, onRibbonCheck: (listener) => subscribeOutcome(doc, () => listener(), { crossPage }) };
}
