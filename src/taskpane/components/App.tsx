/**
 * The task pane: the form at a glance, the status ("can I send it?"), the primary 一键校验, and tabs
 * for the findings, the indicator templates and the settings. Works on any Host, so the same pane
 * runs in Excel, in the browser preview and under jsdom.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Switch,
  Tab,
  TabList,
  Theme,
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  makeStyles,
  tokens,
  useId,
  useToastController,
  webLightTheme,
} from "@fluentui/react-components";
import { CheckmarkStarburst20Regular, DocumentBulletList20Regular, Eraser20Regular, Info16Regular } from "@fluentui/react-icons";
import { Finding, Rule, Suggestion } from "../../core/rules/types";
import { Host, Lang } from "../../hosts/host";
import { pick, strings } from "../i18n";
import { Notice, useChecker } from "../state/useChecker";
import { FindingsList } from "./FindingsList";
import { FormSummary } from "./FormSummary";
import { StatusBar } from "./StatusBar";
import { lazyPart } from "./lazy";
import { preloadFixActions } from "./FindingItem";
import { useFindingTemplates } from "../templates/useFindingTemplates";
import { templateStrings } from "../templates/strings";

const useStyles = makeStyles({
  // Not on FluentProvider: its className is copied onto every portal's mount node (toasts, dropdown
  // lists), which would then cover the whole page at z-index 1000000 and swallow every click.
  root: { minHeight: "100%", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalMNudge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  top: { display: "flex", flexDirection: "column", gap: tokens.spacingHorizontalS, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalSNudge },
  // Positioned, so the toaster's visually hidden aria-live regions (absolute, 1 px) stay inside the
  // scrolling pane instead of lengthening the page below it (9 px at 320 px wide).
  toasts: { position: "relative", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, ":empty": { display: "none" } },
  // Fluent positions an inline toaster absolutely (and centres it with a transform): here it is a
  // block in the pane's flow, as wide as the pane, so it can push content down but never cover it.
  toaster: {
    position: "static !important" as "static",
    transform: "none !important" as "none",
    width: "auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  marks: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start", color: tokens.colorNeutralForeground2 },
  marksIcon: { flexShrink: 0, marginTop: "1px" },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  panel: { minWidth: 0 },
});

// The settings and templates tabs are not needed for the first paint.
const settings = lazyPart(() => import(/* webpackChunkName: "settings" */ "./SettingsTab").then((m) => m.SettingsTab));
const templates = lazyPart(() => import(/* webpackChunkName: "templates" */ "./TemplatesTab").then((m) => m.TemplatesTab));
const SettingsTab = settings.Part;
const TemplatesTab = templates.Part;
// Opened from a drafted indicator's 建议 item only: not part of the first load.
const DraftEditor = React.lazy(() =>
  import(/* webpackChunkName: "draft-editor" */ "./DraftEditor").then((m) => ({ default: m.DraftEditor })),
);

/**
 * Loads both tabs and the findings' 修复 / 建议 now, so that opening a tab or showing a finding
 * renders it in the same render (tests await this).
 */
export async function preloadTabs(): Promise<void> {
  await Promise.all([settings.preload(), templates.preload(), preloadFixActions()]);
}

type TabId = "issues" | "templates" | "settings";

export interface AppProps {
  host: Host;
  /** The rule catalogue; tests may pass their own. */
  rules?: Rule[];
  theme?: Theme;
  /** Told when the user switches language (the preview's toolbar follows it). */
  onLangChange?(lang: Lang): void;
  /** Checks run elsewhere (the ribbon button); the pane re-checks to show what was marked. */
  externalChecks?(listener: () => void): () => void;
  /** Colour the cells on the pane's first check (the preview); Excel's pane leaves that to 一键校验. */
  markOnOpen?: boolean;
  /** Inside another page's landmark (the preview's aside): no <main> of its own, which must be top-level. */
  embedded?: boolean;
  /** The user's own language choice, over the workbook's (the preview keeps it across reloads). */
  defaultLang?: Lang;
}

export function App({
  host,
  rules,
  theme = webLightTheme,
  onLangChange,
  externalChecks,
  markOnOpen = false,
  embedded = false,
  defaultLang,
}: AppProps): React.JSX.Element {
  const s = useStyles();
  const toasterId = useId("toaster");
  const { dispatchToast, dismissAllToasts } = useToastController(toasterId);
  // Escape closes the notices wherever focus is (Fluent's Toaster hears it only from inside itself,
  // and a notice never takes focus). An Escape a menu, list box or dialog already used is left to it.
  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) dismissAllToasts();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [dismissAllToasts]);
  const notify = React.useCallback(
    (n: Notice) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{n.title}</ToastTitle>
          {n.body && <ToastBody>{n.body}</ToastBody>}
        </Toast>,
        { intent: n.intent, timeout: n.intent === "error" ? 8000 : 3000 },
      ),
    [dispatchToast],
  );
  const [view, act] = useChecker(host, { rules, notify, markOnOpen, defaultLang });
  const [tab, setTab] = React.useState<TabId>("issues");
  // A drafted indicator the user chose from 建议: edited in a dialog before anything is written.
  const [draft, setDraft] = React.useState<{ finding: Finding; suggestion: Suggestion } | null>(null);
  const lang = view.settings.lang;
  const t = strings(lang);
  const templates = useFindingTemplates({
    host,
    lang,
    result: view.result,
    notify,
    onApplied: () => void act.check(),
    openTab: () => setTab("templates"),
  });

  React.useEffect(() => {
    document.documentElement.lang = strings(lang).htmlLang;
    onLangChange?.(lang);
  }, [lang, onLangChange]);

  // Once the pane is on screen, fetch what the first result's findings show (修复, 建议). Until they
  // are in, the pane says it is busy: their buttons arriving later would shift every finding under
  // the user's pointer (and under a test's click).
  const [fixUi, setFixUi] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    preloadFixActions()
      .catch(() => undefined)
      .then(() => live && setFixUi(true));
    return () => {
      live = false;
    };
  }, []);
  const busy = view.busy || !fixUi;
  // Once the first result is on screen, fetch the other tabs so that opening one shows it at once.
  const firstShown = view.seq > 0;
  React.useEffect(() => {
    if (firstShown) preloadTabs().catch(() => undefined);
  }, [firstShown]);

  const { check } = act;
  React.useEffect(() => externalChecks?.(() => void check({ ribbon: true })), [externalChecks, check]);

  const Landmark = embedded ? "div" : "main";
  const tabLabel: Record<TabId, string> = { issues: t.tabIssues, templates: t.tabTemplates, settings: t.tabSettings };

  return (
    <FluentProvider theme={theme}>
      <div className={s.root}>
        <Landmark className={s.pane} data-check-seq={view.seq} data-busy={busy ? "true" : "false"} aria-busy={busy}>
          <section className={s.top} aria-label={t.appTitle}>
            <FormSummary result={view.result} lang={lang} />
            <StatusBar
              phase={view.phase}
              visible={view.visible}
              passed={view.passed}
              lang={lang}
              loadError={view.loadError}
              noForm={view.result !== null && view.result.forms.length === 0}
            />
            {view.hostWarnings.map((w, i) => (
              <MessageBar key={i} intent="warning" layout="multiline">
                <MessageBarBody>{pick(w, lang)}</MessageBarBody>
              </MessageBar>
            ))}
            <div className={s.actions}>
              <Button
                appearance="primary"
                icon={<CheckmarkStarburst20Regular />}
                onClick={() => void act.check({ mark: true })}
                disabledFocusable={view.busy}
              >
                {t.validate}
              </Button>
              <Button appearance="subtle" icon={<Eraser20Regular />} onClick={() => void act.clearMarks()}>
                {t.clearMarks}
              </Button>
              {act.writeReport && (
                <Button appearance="subtle" icon={<DocumentBulletList20Regular />} onClick={() => void act.writeReport!()}>
                  {t.report}
                </Button>
              )}
              <Switch
                label={t.liveCheck}
                checked={view.settings.liveCheck}
                onChange={(_, d) => void act.updateSettings({ liveCheck: d.checked })}
              />
            </div>
            {view.marked > 0 && (
              <Caption1 className={s.marks} role="note" data-testid="marks-note">
                <Info16Regular className={s.marksIcon} aria-hidden />
                {t.marksOn(view.marked)}
              </Caption1>
            )}
            {/*
              Notices in the flow, under the buttons that cause them, in a region of their own: a
              floating toaster covered the tabs and the result of 修复全部 in a 320 px pane and sat
              outside every landmark. Ctrl+Shift+M moves focus to them (Fluent's shortcut hook).
            */}
            <section className={s.toasts} aria-label={t.notices} data-testid="notices">
              <Toaster
                toasterId={toasterId}
                inline
                className={s.toaster}
                shortcuts={{ focus: (e) => e.ctrlKey && e.shiftKey && e.key.toLowerCase() === "m" }}
              />
            </section>
          </section>
          <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
            <Tab value="issues">{t.tabIssues}</Tab>
            <Tab value="templates">{t.tabTemplates}</Tab>
            <Tab value="settings">{t.tabSettings}</Tab>
          </TabList>
          <div className={s.panel} role="tabpanel" aria-label={tabLabel[tab]}>
            {tab === "issues" && (
              <FindingsList
                findings={view.visible}
                hidden={view.hidden}
                lang={lang}
                onGoTo={(c) => void act.goTo(c)}
                onFix={(f) => void act.fix(f)}
                onSuggest={(f, sg) => (sg.draft ? setDraft({ finding: f, suggestion: sg }) : void act.suggest(f, sg))}
                onFixAll={() => void act.fixAll()}
                busy={view.busy}
                onIgnore={(f) => void act.ignore(f)}
                onUnignore={(f) => void act.unignore(f)}
                onTemplate={templates.onTemplate}
              />
            )}
            {tab === "templates" && (
              <React.Suspense fallback={null}>
                <TemplatesTab
                  host={host}
                  lang={lang}
                  result={view.result}
                  onApplied={() => void act.check()}
                  preselect={templates.preselect}
                />
              </React.Suspense>
            )}
            {tab === "settings" && (
              <React.Suspense fallback={null}>
                <SettingsTab settings={view.settings} rules={rules} onChange={(p) => void act.updateSettings(p)} />
              </React.Suspense>
            )}
          </div>
          {draft?.suggestion.draft && (
            <React.Suspense fallback={null}>
              <DraftEditor
                host={host}
                lang={lang}
                template={draft.suggestion.draft}
                sheet={draft.finding.cells[0]?.sheet}
                config={view.settings.config}
                rules={rules}
                onClose={() => setDraft(null)}
                onInserted={(plan, name, warning) => {
                  notify({
                    intent: warning ? "warning" : "success",
                    title: templateStrings(lang).inserted(name, plan.target.row + 1, plan.target.mode === "fill"),
                    ...(warning ? { body: pick(warning, lang) } : {}),
                  });
                  void act.check();
                }}
              />
            </React.Suspense>
          )}
        </Landmark>
      </div>
    </FluentProvider>
  );
}
