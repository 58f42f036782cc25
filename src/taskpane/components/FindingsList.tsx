/** Findings grouped by severity (accordion) and then category, with counts; ignored ones on request. */
import { CellRef } from "../../core/a1";
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanelProps,
  Button,
  Caption1,
  CounterBadge,
  Switch,
  makeStyles,
  renderAccordionPanel_unstable,
  tokens,
  useAccordionPanelStyles_unstable,
  useAccordionPanel_unstable,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { Category, Finding, Severity, Suggestion } from "../../core/rules/types";
import { Lang, ignoreKey } from "../../hosts/host";
import { categoryName, severityName, strings } from "../i18n";
import { FindingItem } from "./FindingItem";
import { Wrench16Regular } from "@fluentui/react-icons";
import { isSafeFix } from "../state/useChecker";
import { SEVERITIES, SeverityIcon } from "./severity";

/**
 * Fluent's AccordionPanel, built from its own hooks, except that a closing panel's `inert` reaches the
 * DOM: Fluent passes `inert: true`, which React 18 drops with a warning (it learned the attribute in
 * 19), so focus could still enter a panel while it collapses. The empty string sets the attribute.
 */
const AccordionPanel = React.forwardRef<HTMLDivElement, AccordionPanelProps>((props, ref) => {
  const state = useAccordionPanel_unstable(props, ref);
  useAccordionPanelStyles_unstable(state);
  const root = state.root as { inert?: unknown };
  if (root.inert === true) root.inert = "";
  return renderAccordionPanel_unstable(state);
});
AccordionPanel.displayName = "AccordionPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  toolbar: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalSNudge },
  panel: { margin: `0 0 ${tokens.spacingVerticalS} 0`, minWidth: 0 },
  category: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalSNudge,
    margin: `${tokens.spacingVerticalSNudge} 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingHorizontalSNudge, margin: 0, padding: 0, minWidth: 0 },
  warningBadge: { backgroundColor: tokens.colorPaletteMarigoldBackground3, color: "#000000" },
  empty: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`, color: tokens.colorNeutralForeground2 },
});

// CounterBadge has no warning colour; the warning badge borrows the status palette instead.
const BADGE_COLOR: Record<Severity, "danger" | "important" | "brand"> = { error: "danger", warning: "important", info: "brand" };

export interface FindingsListProps {
  findings: Finding[];
  hidden: Finding[];
  lang: Lang;
  onGoTo(cell: CellRef): void;
  onFix(f: Finding): void;
  /** A suggestion picked from a finding's 建议 menu. */
  onSuggest?(f: Finding, s: Suggestion): void;
  /** 修复全部; the button shows when some visible finding has a safe fix. */
  onFixAll?(): void;
  busy?: boolean;
  onIgnore(f: Finding): void;
  onUnignore(f: Finding): void;
  /** A finding's 插入模板 button (findings that carry template ids). */
  onTemplate?(f: Finding, templateId: string): void;
}

function groupByCategory(list: Finding[]): [Category, Finding[]][] {
  const map = new Map<Category, Finding[]>();
  for (const f of list) {
    const g = map.get(f.category);
    if (g) g.push(f);
    else map.set(f.category, [f]);
  }
  return [...map.entries()];
}

function CategoryList(
  props: { findings: Finding[]; ignored: Set<string> } & Omit<FindingsListProps, "findings" | "hidden">,
): React.JSX.Element {
  const s = useStyles();
  return (
    <ul className={s.list}>
      {props.findings.map((f, i) => (
        <FindingItem
          key={`${ignoreKey(f)}#${f.messageId}#${i}`}
          finding={f}
          lang={props.lang}
          ignored={props.ignored.has(ignoreKey(f))}
          onGoTo={props.onGoTo}
          onFix={props.onFix}
          onSuggest={props.onSuggest}
          onIgnore={props.onIgnore}
          onUnignore={props.onUnignore}
          onTemplate={props.onTemplate}
        />
      ))}
    </ul>
  );
}

export function FindingsList(props: FindingsListProps): React.JSX.Element {
  const s = useStyles();
  const t = strings(props.lang);
  const [showIgnored, setShowIgnored] = React.useState(false);
  const ignoredKeys = React.useMemo(() => new Set(props.hidden.map(ignoreKey)), [props.hidden]);
  const shown = showIgnored ? [...props.findings, ...props.hidden] : props.findings;
  const bySeverity = SEVERITIES.map((sev) => [sev, shown.filter((f) => f.severity === sev)] as const).filter(([, l]) => l.length > 0);
  // Tips start folded when the first result has something more serious to read first (the seed
  // has 25 of them) and none of them can be fixed (a fold would hide its 修复); after that the user's
  // own folding is kept across re-checks. Decided while rendering that first result, so the tips
  // never show for one frame and then fold.
  const [chosen, setChosen] = React.useState<string[] | null>(null);
  const [initial, setInitial] = React.useState<string[] | null>(null);
  if (initial === null && props.findings.length > 0) {
    const foldTips = props.findings.some((f) => f.severity !== "info") && !props.findings.some((f) => f.severity === "info" && f.fix);
    setInitial(SEVERITIES.filter((sev) => !foldTips || sev !== "info"));
  }
  const open = chosen ?? initial ?? [...SEVERITIES];
  // The list is one tab stop (the last item focused is remembered); the arrow keys move through group
  // headers, findings and their buttons. Tabbing through ~90 buttons on a real form helped nobody.
  const arrows = useArrowNavigationGroup({ axis: "grid-linear", memorizeCurrent: true });
  const fixable = props.findings.filter(isSafeFix).length;

  return (
    <div className={s.root}>
      {(props.hidden.length > 0 || (fixable > 0 && props.onFixAll)) && (
        <div className={s.toolbar}>
          {fixable > 0 && props.onFixAll && (
            <Button
              size="small"
              appearance="secondary"
              icon={<Wrench16Regular />}
              disabledFocusable={props.busy}
              onClick={props.onFixAll}
              data-testid="fix-all"
            >
              {t.fixAll(fixable)}
            </Button>
          )}
          {props.hidden.length > 0 && (
            <>
              <Caption1>{t.ignoredCount(props.hidden.length)}</Caption1>
              <Switch label={t.showIgnored} checked={showIgnored} onChange={(_, d) => setShowIgnored(d.checked)} />
            </>
          )}
        </div>
      )}
      {bySeverity.length === 0 && <div className={s.empty}>{t.noIssues}</div>}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setChosen(d.openItems.map(String))} {...arrows}>
        {bySeverity.map(([sev, list]) => {
          const name = severityName(sev, props.lang);
          return (
            <AccordionItem key={sev} value={sev} data-severity-group={sev}>
              <AccordionHeader size="medium">
                <span className={s.header}>
                  <SeverityIcon severity={sev} />
                  {name}
                  <CounterBadge
                    count={list.length}
                    color={BADGE_COLOR[sev]}
                    className={sev === "warning" ? s.warningBadge : undefined}
                    size="small"
                  />
                </span>
              </AccordionHeader>
              <AccordionPanel className={s.panel}>
                {groupByCategory(list).map(([cat, items]) => (
                  <section key={cat} aria-label={`${name} · ${categoryName(cat, props.lang)}`} data-category={cat}>
                    <div className={s.category}>
                      {categoryName(cat, props.lang)}
                      <CounterBadge count={items.length} appearance="ghost" color="informative" size="small" />
                    </div>
                    <CategoryList {...props} findings={items} ignored={ignoredKeys} />
                  </section>
                ))}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}
