/**
 * 修复 and 建议 on a finding (issue #20), after ESLint's fix and suggestions: 修复 first shows what it
 * will change (cell, before → after) and applies only when confirmed; 建议 lists the choices, each
 * with its changes, and applies the one picked. Both go through the host's one apply (the edit
 * engine and its verification), as every other edit does. Fluent v9 Popover and Menu, nothing hand-rolled.
 */
import * as React from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Lightbulb16Regular, Wrench16Regular } from "@fluentui/react-icons";
import { formatRef } from "../../core/a1";
import { EditPlan } from "../../core/plan/editPlan";
import { Suggestion } from "../../core/rules/types";
import { CellValue, isCellError } from "../../core/snapshot";
import { Lang } from "../../hosts/host";
import { Catalogue, pick } from "../../core/i18n";

const TEXT = {
  fix: { zh: "修复", en: "Fix" },
  preview: { zh: "将做以下修改:", en: "This will change:" },
  apply: { zh: "应用修复", en: "Apply the fix" },
  cancel: { zh: "取消", en: "Cancel" },
  empty: { zh: "(空)", en: "(empty)" },
  suggest: { zh: (n: number) => `建议(${n})`, en: (n: number) => `Suggestions (${n})` },
  // The accessible name starts with the visible text (axe label-content-name-mismatch; WCAG 2.5.3).
  suggestLabel: {
    zh: (n: number, cell: string) => `建议(${n}):${n} 条修改建议 · ${cell}`,
    en: (n: number, cell: string) => `Suggestions (${n}): ${n} suggested ${n === 1 ? "change" : "changes"} · ${cell}`,
  },
  more: { zh: (n: number) => `另有 ${n} 处`, en: (n: number) => `${n} more` },
  merges: { zh: "并移动相应的合并单元格", en: "and move the merged cells with them" },
} satisfies Catalogue;

const useStyles = makeStyles({
  surface: { maxWidth: "320px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  cell: { fontFamily: tokens.fontFamilyMonospace },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, justifyContent: "flex-end" },
});

interface ChangeRow {
  cell: string;
  before: string;
  after: string;
}

const show = (v: CellValue | undefined, lang: Lang): string => {
  if (v === null || v === undefined || v === "") return pick(TEXT.empty, lang);
  if (isCellError(v)) return v.error;
  return typeof v === "string" ? `「${v}」` : String(v);
};

/** What a plan writes, cell by cell: each write carries the value it was planned from, so the preview needs no re-read. */
function changeRows(plan: EditPlan, lang: Lang): ChangeRow[] {
  return plan.edits.flatMap((e) =>
    e.op === "setValue" && JSON.stringify(e.expected ?? null) !== JSON.stringify(e.value)
      ? [{ cell: formatRef(e), before: show(e.expected, lang), after: show(e.value, lang) }]
      : [],
  );
}

const MAX_ROWS = 8;

function Changes({ plan, lang }: { plan: EditPlan; lang: Lang }): React.JSX.Element {
  const s = useStyles();
  const rows = changeRows(plan, lang);
  const merges = plan.edits.some((e) => e.op === "merge" || e.op === "unmerge");
  return (
    <ul className={s.list} data-testid="fix-changes">
      {rows.slice(0, MAX_ROWS).map((r) => (
        <li key={r.cell}>
          <span className={s.cell}>{r.cell}</span>: {r.before} → {r.after}
        </li>
      ))}
      {rows.length > MAX_ROWS && <li>{pick(TEXT.more, lang, rows.length - MAX_ROWS)}</li>}
      {merges && <li>{pick(TEXT.merges, lang)}</li>}
    </ul>
  );
}

export function FixButton(props: { plan: EditPlan; lang: Lang; label: string; onApply(): void }): React.JSX.Element {
  const s = useStyles();
  const lang = props.lang;
  const [open, setOpen] = React.useState(false);
  const title = pick(props.plan.title, lang);
  return (
    <Popover open={open} onOpenChange={(_, d) => setOpen(d.open)} withArrow trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="primary" icon={<Wrench16Regular />} title={title} aria-label={props.label}>
          {pick(TEXT.fix, lang)}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={s.surface} aria-label={title}>
        <strong>{title}</strong>
        <span>{pick(TEXT.preview, lang)}</span>
        <Changes plan={props.plan} lang={props.lang} />
        <div className={s.buttons}>
          <Button size="small" appearance="secondary" onClick={() => setOpen(false)}>
            {pick(TEXT.cancel, lang)}
          </Button>
          <Button
            size="small"
            appearance="primary"
            data-testid="fix-apply"
            onClick={() => {
              setOpen(false);
              props.onApply();
            }}
          >
            {pick(TEXT.apply, lang)}
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
}

export function SuggestionsMenu(props: {
  suggestions: Suggestion[];
  lang: Lang;
  cell: string;
  onPick(s: Suggestion): void;
}): React.JSX.Element {
  const lang = props.lang;
  const n = props.suggestions.length;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="secondary"
          icon={<Lightbulb16Regular />}
          aria-label={pick(TEXT.suggestLabel, lang, n, props.cell)}
          data-testid="suggestions"
        >
          {pick(TEXT.suggest, lang, n)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {props.suggestions.map((sg, i) => {
            const rows = changeRows(sg.plan, props.lang);
            return (
              <MenuItem
                key={i}
                onClick={() => props.onPick(sg)}
                title={rows.map((r) => `${r.cell}: ${r.before} → ${r.after}`).join("\n")}
                data-testid="suggestion"
              >
                {pick(sg.desc, lang)}
                {/* A drafted row opens its editor first: the ellipsis says a dialog follows. */}
                {sg.draft ? "…" : ""}
              </MenuItem>
            );
          })}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
