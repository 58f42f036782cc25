/** @jest-environment jsdom */
/**
 * A finding's 「为什么?」: the link is there at once, and its popover (a lazy chunk) explains the
 * rule offline with the same texts as the rule's page: description, 依据 and the page's path.
 */
import * as React from "react";
import { existsSync } from "fs";
import { join } from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkWorkbook } from "../../src/core/engine";
import { RULE_BASIS, ruleDocPath } from "../../src/core/rules/docs";
import { ruleById } from "../../src/core/rules/registry";
import { Finding } from "../../src/core/rules/types";
import { FindingItem } from "../../src/taskpane/components/FindingItem";
import { Lang } from "../../src/hosts/host";
import { corpusSheet, workbook } from "../helpers/forms";

const ROOT = join(__dirname, "../..");

// A real form's finding: 岳阳楼区 2023 files 28.8万元 under 数量指标.
function realFinding(): Finding {
  const f = checkWorkbook(workbook(corpusSheet("yueyanglou-2023"))).findings.find((x) => x.rule === "indicators/input-as-output");
  if (!f) throw new Error("the corpus form no longer gives the input-as-output finding");
  return f;
}

function renderItem(finding: Finding, lang: Lang) {
  const noop = () => undefined;
  render(
    <FluentProvider theme={webLightTheme}>
      <ul>
        <FindingItem finding={finding} lang={lang} ignored={false} onGoTo={noop} onFix={noop} onIgnore={noop} onUnignore={noop} />
      </ul>
    </FluentProvider>,
  );
}

test.each([
  ["zh", "为什么?", "依据:"],
  ["en", "Why?", "Basis:"],
] as const)("%s: the link opens the rule's explanation, and Escape closes it back to the link", async (lang, why, basisLabel) => {
  const finding = realFinding();
  const user = userEvent.setup();
  renderItem(finding, lang);
  const link = screen.getByRole("button", { name: new RegExp(`^${why.replace("?", "\\?")}`) });
  expect(link.getAttribute("aria-expanded")).toBe("false");

  await user.click(link);
  // The first click loads the popover's chunk (under ts-jest: compiles it), hence the longer wait.
  const dialog = await screen.findByRole("dialog", {}, { timeout: 10000 });
  const meta = ruleById(finding.rule)!.meta;
  const text = dialog.textContent ?? "";
  expect(text).toContain(finding.rule);
  expect(text).toContain(meta.docs[lang]);
  expect(text).toContain(`${basisLabel} ${RULE_BASIS[finding.rule][lang]}`);
  expect(within(dialog).getByText(ruleDocPath(finding.rule))).toBeTruthy();
  expect(existsSync(join(ROOT, ruleDocPath(finding.rule)))).toBe(true);
  expect(link.getAttribute("aria-expanded")).toBe("true");
  await waitFor(() => expect(document.activeElement).toBe(dialog));

  await user.keyboard("{Escape}");
  await waitFor(() => expect(link.getAttribute("aria-expanded")).toBe("false"));
  expect(screen.queryByRole("dialog")).toBeNull();
  expect(document.activeElement).toBe(link);
});
