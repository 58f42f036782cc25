/** @jest-environment jsdom */
/**
 * The pane's summary says what was read: the kind and whose form it is, one line on the sheet, the
 * indicator table and its value columns; with no form, what was found instead.
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { checkWorkbook } from "../../src/core/engine";
import { FormSummary } from "../../src/taskpane/components/FormSummary";
import { StatusBar } from "../../src/taskpane/components/StatusBar";
import { layoutFromRows, seedSheet, workbook } from "../helpers/forms";

test("a department form: 类型 部门整体, the department, its budget and what was read", () => {
  const result = checkWorkbook(workbook(seedSheet()));
  render(<FormSummary result={result} lang="zh" />);
  const text = screen.getByTestId("form-summary").textContent!;
  expect(screen.getByTestId("form-kind").textContent).toBe("类型 部门整体");
  expect(text).toContain(result.forms[0].model.department!.value!.text);
  expect(text).toMatch(/工作表「申报表」 · 指标表第 \d+–\d+ 行 · 目标值列 F\(年度\)、E\(实施期\)/);
});

test("in English", () => {
  render(<FormSummary result={checkWorkbook(workbook(seedSheet()))} lang="en" />);
  expect(screen.getByTestId("form-kind").textContent).toBe("Kind Department");
  expect(screen.getByTestId("form-summary").textContent).toMatch(/target columns F \(annual\), E \(implementation period\)/);
});

test("a workbook without a target form says what was found instead", () => {
  const check = checkWorkbook(workbook(layoutFromRows([["会议纪要"], ["2025年工作计划", "", "负责人"]], { sheetName: "说明" })));
  expect(check.forms).toHaveLength(0);
  render(<FormSummary result={check} lang="zh" />);
  const text = screen.getByTestId("form-summary").textContent!;
  expect(text).toContain("未识别到申报表");
  expect(text).toContain("「说明」");
  expect(screen.queryByTestId("form-kind")).toBeNull();
});

test("the status says 未检查 when no form was read: never 可以提交 (the info note is no pass) nor 需修改", () => {
  const check = checkWorkbook(workbook(layoutFromRows([["会议纪要"], ["2025年工作计划", "", "负责人"]], { sheetName: "说明" })));
  expect(check.findings.every((f) => f.severity === "info")).toBe(true);
  render(<StatusBar phase="ready" visible={check.findings} passed={0} lang="zh" loadError={null} noForm={check.forms.length === 0} />);
  const status = screen.getByTestId("status");
  expect(status.getAttribute("data-status")).toBe("not-checked");
  expect(status.textContent).toContain("未检查");
  expect(status.textContent).not.toContain("可以提交");
});
