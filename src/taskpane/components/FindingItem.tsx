/**
 * One finding: the message and the cell form one big button (click or Enter goes to the cell);
 * 修复 and 忽略 sit beside it as their own buttons, so nothing interactive is nested.
 */
import { CellRef, formatRef } from "../../core/a1";
import * as React from "react";
import { Badge, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Add16Regular, Eye16Regular, EyeOff16Regular } from "@fluentui/react-icons";
import { Finding, Suggestion } from "../../core/rules/types";
import { lazyPart } from "./lazy";
import type * as FixActions from "./FixActions";
import { findTemplate } from "../../core/templates/catalogue";
import { Lang } from "../../hosts/host";
import { pick, severityName, strings } from "../i18n";
import { templateStrings } from "../templates/strings";
import { RULE_DOC_LINK_WIDTH, RuleDocLink } from "./RuleDocLink";
import { SeverityIcon, SEVERITY_COLOR, markStyle } from "./severity";

// 修复's preview (Popover) and 建议 (Menu) with their positioning code are a chunk of their own: the
// first paint shows no finding, and the pane preloads them as soon as it is on screen.
const loadFixActions = () => import(/* webpackChunkName: "fix-actions" */ "./FixActions");
const fixButton = lazyPart<React.ComponentProps<typeof FixActions.FixButton>>(() => loadFixActions().then((m) => m.FixButton));
const suggestionsMenu = lazyPart<React.ComponentProps<typeof FixActions.SuggestionsMenu>>(() =>
  loadFixActions().then((m) => m.SuggestionsMenu),
);
const FixButton = fixButton.Part;
const SuggestionsMenu = suggestionsMenu.Part;

/** Loads 修复 and 建议, so that a finding shows them in its first render. */
export async function preloadFixActions(): Promise<void> {
  await Promise.all([fixButton.preload(), suggestionsMenu.preload()]);
}

const useStyles = makeStyles({
  row: {
    position: "relative",
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderLeftWidth: tokens.strokeWidthThicker,
    borderLeftStyle: "solid",
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  ignored: { opacity: 0.7 },
  // Read by screen readers, not shown (the usual visually-hidden recipe).
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  main: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalSNudge,
    width: "100%",
    minWidth: 0,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalSNudge}`,
    border: "none",
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "left",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
    ":disabled": { cursor: "default" },
  },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingHorizontalXS, minWidth: 0, flexGrow: 1 },
  message: { overflowWrap: "anywhere", wordBreak: "break-word", whiteSpace: "normal" },
  cell: {
    alignSelf: "flex-start",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: `0 ${tokens.spacingHorizontalSNudge}`,
    borderRadius: tokens.borderRadiusSmall,
    overflowWrap: "anywhere",
  },
  cellLine: { display: "flex", minHeight: "24px", alignItems: "center", boxSizing: "border-box" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalSNudge,
  },
  // Beside the cell chip, so a finding takes one line less; the chip line keeps room for them.
  overlay: { position: "absolute", right: tokens.spacingHorizontalSNudge, bottom: tokens.spacingVerticalXS },
  // Template suggestions and the actions share one wrapping row under the message.
  inline: { justifyContent: "flex-start", paddingLeft: tokens.spacingHorizontalXXXL, paddingTop: tokens.spacingVerticalXXS },
});

export interface FindingItemProps {
  finding: Finding;
  lang: Lang;
  ignored: boolean;
  onGoTo(cell: CellRef): void;
  onFix(f: Finding): void;
  /** A suggestion picked from the finding's 建议 menu. */
  onSuggest?(f: Finding, s: Suggestion): void;
  onIgnore(f: Finding): void;
  onUnignore(f: Finding): void;
  onTemplate?(f: Finding, templateId: string): void;
}

export function FindingItem({
  finding: f,
  lang,
  ignored,
  onGoTo,
  onFix,
  onSuggest,
  onIgnore,
  onUnignore,
  onTemplate,
}: FindingItemProps): React.JSX.Element {
  const s = useStyles();
  const t = strings(lang);
  const first = f.cells[0];
  const cell = first ? formatRef(first) : "";
  const more = f.cells.length > 1 ? t.cellsInAll(f.cells.length) : "";
  const message = pick(f.message, lang);
  const sev = severityName(f.severity, lang);
  const fixTitle = f.fix ? pick(f.fix.title, lang) : "";
  // Template suggestions get a row of their own: they are long and there may be three.
  const templateButtons =
    onTemplate && !ignored
      ? (f.templates ?? []).slice(0, 3).flatMap((id) => {
          const tpl = findTemplate(id);
          if (!tpl) return [];
          return [
            <Button
              key={id}
              size="small"
              appearance="secondary"
              icon={<Add16Regular />}
              data-template-id={id}
              title={`${tpl.annual} · ${tpl.formula}`}
              aria-label={cell ? `${templateStrings(lang).insertTemplate(tpl.name)} · ${cell}` : undefined}
              onClick={() => onTemplate(f, id)}
            >
              {templateStrings(lang).insertTemplate(tpl.name)}
            </Button>,
          ];
        })
      : [];
  // With no template row, the actions sit on the chip's line; reserve their room (px, generous for English).
  const suggestionsShown = !ignored && !!onSuggest && (f.suggestions?.length ?? 0) > 0;
  // The actions sit on the cell chip's line while they leave it room; with 建议 beside 忽略 and 为什么?
  // they take a line of their own, or the chip wraps a character at a time in a narrow pane.
  const overlay = !!cell && templateButtons.length === 0 && !suggestionsShown;
  const suggestions = !ignored && onSuggest ? (f.suggestions ?? []) : [];
  const reserve = overlay
    ? (ignored ? 56 + 96 : 72) + (f.fix && !ignored ? 72 : 0) + (suggestions.length ? 96 : 0) + RULE_DOC_LINK_WIDTH
    : 0;
  return (
    <li
      className={mergeClasses(s.row, ignored && s.ignored)}
      style={{ borderLeftColor: SEVERITY_COLOR[f.severity] }}
      data-rule-id={f.rule}
      data-cell={cell}
      data-severity={f.severity}
      data-ignored={ignored ? "true" : undefined}
    >
      <button
        type="button"
        className={s.main}
        disabled={!cell}
        onClick={() => first && onGoTo(first)}
        title={cell ? t.goToCell(cell) : undefined}
      >
        <SeverityIcon severity={f.severity} />
        <span className={s.text}>
          {/* The name is the visible text plus what only the eye gets from colour (severity, ignored):
              an aria-label would hide the cell chip's text and mismatch what is read (WCAG 2.5.3). */}
          <span className={s.srOnly}>{sev}:</span>
          <span className={s.message}>{message}</span>
          {cell && (
            <span className={s.cellLine} style={{ paddingRight: reserve }}>
              <span className={s.cell} style={markStyle(f.severity)}>
                {cell}
                {more}
              </span>
            </span>
          )}
          {ignored && <span className={s.srOnly}>({t.ignoredTag})</span>}
        </span>
      </button>
      <div className={mergeClasses(s.actions, overlay ? s.overlay : s.inline)}>
        {templateButtons}
        {ignored && (
          <Badge appearance="outline" color="subtle" size="small">
            {t.ignoredTag}
          </Badge>
        )}
        {f.fix && !ignored && <FixButton plan={f.fix} lang={lang} label={t.fixLabel(fixTitle, cell + more)} onApply={() => onFix(f)} />}
        {suggestions.length > 0 && onSuggest && (
          <SuggestionsMenu suggestions={suggestions} lang={lang} cell={cell + more} onPick={(sg) => onSuggest(f, sg)} />
        )}
        {ignored ? (
          <Button
            size="small"
            appearance="subtle"
            icon={<Eye16Regular />}
            onClick={() => onUnignore(f)}
            aria-label={t.unignoreLabel(cell + more, message)}
          >
            {t.unignore}
          </Button>
        ) : (
          <Button
            size="small"
            appearance="subtle"
            icon={<EyeOff16Regular />}
            onClick={() => onIgnore(f)}
            aria-label={t.ignoreLabel(cell + more, message)}
          >
            {t.ignore}
          </Button>
        )}
        <RuleDocLink rule={f.rule} lang={lang} at={cell + more} />
      </div>
    </li>
  );
}
