/**
 * 指标模板: search the standard indicators by name, filter by category and tag, check or edit the
 * values, and insert the row into its group of the form. Custom templates (saved from a row, or
 * imported JSON) sit in the same list, kept per user and optionally in the workbook (CustomTemplates below).
 */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Tag,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular, Delete16Regular } from "@fluentui/react-icons";
import { CheckResult } from "../../core/engine";
import { FormModel, Level1, Level2 } from "../../core/form/model";
import { level1Label, level2Label } from "../../core/form/labels";
import { allTags, search } from "../../core/templates/catalogue";
import { defaultValues } from "../../core/templates/insert";
import { CUSTOM_PREFIX, mergeLibraries } from "../../core/templates/library";
import { IndicatorTemplate, LEVEL1_ORDER, LEVEL2_ORDER, placementFor } from "../../core/templates/types";
import { PARENT_OF } from "../../core/form/labels";
import { Host, Lang } from "../../hosts/host";
import { customStore } from "../templates/customStore";
import { insertTemplate } from "../templates/insertTemplate";
import { TemplateStrings, templateStrings } from "../templates/strings";
import { loadWorkbookTemplates } from "../templates/workbookTemplates";
import { CustomTemplates } from "./CustomTemplates";
import { orderForForm } from "../templates/fit";
import { errorMessage } from "../../core/errors";
import { pick } from "../../core/i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    minWidth: 0,
  },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalSNudge },
  dropdown: { minWidth: "130px", flexGrow: 1, flexBasis: "130px" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, minWidth: 0 },
  item: { listStyleType: "none", display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  pick: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalXXS,
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  picked: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalSNudge,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  value: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground2 },
  editor: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalSNudge,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalSNudge },
});

export interface TemplatesTabProps {
  host: Host;
  lang: Lang;
  /** The last check, for the form's layout and rows (may be null before the first check). */
  result: CheckResult | null;
  /** Called after a row was inserted, so the pane checks again. */
  onApplied(): void;
  /** A template to open in the editor (from a finding's 插入模板 button); seq re-opens the same one. */
  preselect?: { id: string; seq: number } | null;
}

type Notice = { intent: "success" | "error" | "info" | "warning"; text: string; duplicate?: boolean };

// 成本 is a 二级 under 产出 in the 2021 table and a 一级 of its own in the later one; the filter matches
// either placement, so it is listed once, as the 一级 its own 二级 follow.
const CATEGORY_OPTIONS: (Level1 | Level2)[] = LEVEL1_ORDER.flatMap((l1) => [
  l1,
  ...LEVEL2_ORDER.filter((l2) => PARENT_OF[l2] === l1 && !(LEVEL1_ORDER as string[]).includes(l2)),
]);

function categoryText(c: Level1 | Level2 | ""): string {
  if (c === "") return "";
  return (LEVEL1_ORDER as string[]).includes(c) ? level1Label(c as Level1) : `· ${level2Label(c as Level2)}`;
}

function TemplateItem(props: {
  t: IndicatorTemplate;
  picked: boolean;
  where: string;
  text: TemplateStrings;
  /** Also stored in the workbook's own library. */
  inWorkbook: boolean;
  onPick(): void;
  onRemove?(): void;
}): React.JSX.Element {
  const s = useStyles();
  const { t } = props;
  const values = t.period === t.annual ? t.annual : `${t.period} / ${t.annual}`;
  return (
    <li className={s.item} data-template-id={t.id}>
      <button type="button" className={mergeClasses(s.pick, props.picked && s.picked)} aria-pressed={props.picked} onClick={props.onPick}>
        <span className={s.line}>
          <Text weight="semibold">{t.name}</Text>
          <span className={s.value}>{values}</span>
        </span>
        <span className={s.line}>
          <Caption1 className={s.muted}>{props.where}</Caption1>
          {t.id.startsWith(CUSTOM_PREFIX) && (
            <Tag size="extra-small" appearance="brand">
              {props.text.custom}
            </Tag>
          )}
          {props.inWorkbook && (
            <Badge size="small" appearance="tint" color="informative" data-testid="workbook-badge">
              {props.text.workbookBadge}
            </Badge>
          )}
          {t.tags.map((tag) => (
            <Tag key={tag} size="extra-small" appearance="outline">
              {tag}
            </Tag>
          ))}
        </span>
      </button>
      {props.onRemove && (
        <Button
          size="small"
          appearance="subtle"
          icon={<Delete16Regular />}
          aria-label={`${props.text.remove}:${t.name}`}
          title={props.text.remove}
          onClick={props.onRemove}
        />
      )}
    </li>
  );
}

interface EditorProps {
  t: IndicatorTemplate;
  form: FormModel | null;
  where: string;
  text: TemplateStrings;
  busy: boolean;
  onInsert(values: { name: string; period?: string; annual: string }): void;
  onCancel(): void;
}

function Editor({ t, form, where, text, busy, onInsert, onCancel }: EditorProps): React.JSX.Element {
  const s = useStyles();
  const defaults = defaultValues(form, t);
  const [name, setName] = React.useState(t.name);
  const [period, setPeriod] = React.useState(defaults.period);
  const [annual, setAnnual] = React.useState(defaults.annual);
  const twoValues = (form?.indicators?.layout ?? "two-values") === "two-values";
  const box = React.useRef<HTMLElement>(null);
  // Keyboard users land in the editor and stay in it until they insert or cancel (Escape); then
  // focus goes back to the template they opened it from.
  React.useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>("input")?.focus();
    return () => {
      // Only when focus was lost with the editor (not when the user moved on to another template).
      const lost = !document.activeElement || document.activeElement === document.body;
      if (opener?.isConnected && lost) opener.focus();
    };
  }, []);
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>): void => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== "Tab" || !box.current) return;
    const stops = Array.from(box.current.querySelectorAll<HTMLElement>("input, button")).filter(
      (el) => !(el as HTMLButtonElement).disabled,
    );
    if (stops.length === 0) return;
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <section className={s.editor} aria-label={t.name} data-testid="template-editor" ref={box} onKeyDown={onKeyDown}>
      <Caption1>{text.goesTo(where)}</Caption1>
      <Field label={text.name}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      {twoValues && (
        <Field label={text.period} hint={t.needsValue ? text.needsValue : undefined}>
          <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
        </Field>
      )}
      <Field label={twoValues ? text.annual : text.value} hint={t.needsValue && !twoValues ? text.needsValue : undefined}>
        <Input value={annual} onChange={(_, d) => setAnnual(d.value)} />
      </Field>
      {t.formula && (
        <Caption1 className={s.muted}>
          {text.formula}:{t.formula}
        </Caption1>
      )}
      <div className={s.buttons}>
        <Button
          appearance="primary"
          icon={<Add16Regular />}
          disabledFocusable={busy}
          onClick={() => onInsert({ name, annual, ...(twoValues ? { period } : {}) })}
        >
          {busy ? text.inserting : text.insert}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </section>
  );
}

export function TemplatesTab({ host, lang, result, onApplied, preselect }: TemplatesTabProps): React.JSX.Element {
  const s = useStyles();
  const text = templateStrings(lang);
  const store = React.useMemo(customStore, []);
  const [custom, setCustom] = React.useState<IndicatorTemplate[]>(() => store.load());
  const [workbook, setWorkbook] = React.useState<IndicatorTemplate[]>([]);
  // Until the workbook's own library is read the list may still grow: say so (aria-busy).
  const [libraryRead, setLibraryRead] = React.useState(false);
  // The user's own copy of a template wins over the workbook's one with the same id.
  const all = React.useMemo(() => mergeLibraries(workbook, custom), [workbook, custom]);
  const inWorkbook = React.useMemo(() => new Set(workbook.map((t) => t.id)), [workbook]);
  const [query, setQuery] = React.useState("");
  const [category, setCategory] = React.useState<Level1 | Level2 | "">("");
  const [tag, setTag] = React.useState("");
  const [picked, setPicked] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [lastValues, setLastValues] = React.useState<{ name: string; period?: string; annual: string } | null>(null);

  React.useEffect(() => {
    let alive = true;
    loadWorkbookTemplates(host).then(
      (list) => {
        if (!alive) return;
        setWorkbook(list);
        setLibraryRead(true);
      },
      // A workbook whose state cannot be read carries no library; the user's own templates still show.
      () => {
        if (alive) setLibraryRead(true);
      },
    );
    return () => {
      alive = false;
    };
  }, [host]);

  const form = result?.forms[0]?.model ?? null;
  const costIsLevel1 = form?.indicators?.costIsLevel1 ?? false;
  const whereOf = (t: IndicatorTemplate) => {
    const p = placementFor(t, costIsLevel1);
    return `${level1Label(p.level1)} / ${level2Label(p.level2)}`;
  };

  // The effect below runs for a new preselect request only, against the library as it is then.
  const allRef = React.useRef(all);
  allRef.current = all;
  React.useEffect(() => {
    if (!preselect || !allRef.current.some((t) => t.id === preselect.id)) return;
    setQuery("");
    setCategory("");
    setTag("");
    setPicked(preselect.id);
    setNotice(null);
    // Only a new request opens the editor: saving a custom template must not re-open the last one.
  }, [preselect]);

  // The user's own first, then what fits this form's tasks and department (templates/fit.ts).
  const shown = orderForForm(search(query, { list: all, category: category || undefined, tag: tag || undefined }), form);
  const tags = allTags(all);
  const selected = all.find((t) => t.id === picked) ?? null;

  const updateCustom = (list: IndicatorTemplate[]) => {
    setCustom(list);
    store.save(list);
  };

  const insert = async (values: { name: string; period?: string; annual: string }, allowDuplicate = false) => {
    if (!selected) return;
    setBusy(true);
    setLastValues(values);
    try {
      const r = await insertTemplate(host, selected, { ...values, allowDuplicate });
      if (r.ok) {
        setNotice({ intent: "success", text: text.inserted(values.name.trim(), r.plan.target.row + 1, r.plan.target.mode === "fill") });
        setPicked(null);
        onApplied();
      } else {
        setNotice({ intent: "error", text: pick(r.reason, lang), duplicate: r.duplicate });
      }
    } catch (e) {
      setNotice({ intent: "error", text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.root} aria-busy={!libraryRead} data-testid="templates-tab">
      {/* 我的模板 first: below 49 catalogue cards nobody found it. */}
      <CustomTemplates
        host={host}
        lang={lang}
        form={form}
        custom={custom}
        workbook={workbook}
        persistent={store.persistent}
        onChange={updateCustom}
        onWorkbookChange={setWorkbook}
      />
      <SearchBox aria-label={text.search} placeholder={text.search} value={query} onChange={(_, d) => setQuery(d.value)} />
      <div className={s.filters}>
        <Dropdown
          className={s.dropdown}
          aria-label={text.category}
          placeholder={text.allCategories}
          value={category === "" ? text.allCategories : categoryText(category)}
          selectedOptions={[category]}
          onOptionSelect={(_, d) => setCategory((d.optionValue ?? "") as Level1 | Level2 | "")}
        >
          <Option value="">{text.allCategories}</Option>
          {CATEGORY_OPTIONS.map((c) => (
            <Option key={c} value={c}>
              {categoryText(c)}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          className={s.dropdown}
          aria-label={text.tag}
          placeholder={text.allTags}
          value={tag === "" ? text.allTags : tag}
          selectedOptions={[tag]}
          onOptionSelect={(_, d) => setTag(d.optionValue ?? "")}
        >
          <Option value="">{text.allTags}</Option>
          {tags.map((x) => (
            <Option key={x} value={x}>
              {x}
            </Option>
          ))}
        </Dropdown>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} data-testid="templates-notice">
          <MessageBarBody>
            {notice.text}
            {notice.duplicate && lastValues && selected && (
              <>
                {" "}
                <Button size="small" appearance="transparent" onClick={() => void insert(lastValues, true)}>
                  {text.insertAnyway}
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {selected && (
        <Editor
          key={selected.id}
          t={selected}
          form={form}
          where={whereOf(selected)}
          text={text}
          busy={busy}
          onInsert={(v) => void insert(v)}
          onCancel={() => setPicked(null)}
        />
      )}
      <Caption1 aria-live="polite">{text.count(shown.length)}</Caption1>
      {shown.length === 0 ? (
        <Caption1 className={s.muted}>{text.none}</Caption1>
      ) : (
        <ul className={s.list} aria-label={text.count(shown.length)}>
          {shown.map((t) => (
            <TemplateItem
              key={t.id}
              t={t}
              picked={t.id === picked}
              where={whereOf(t)}
              text={text}
              inWorkbook={inWorkbook.has(t.id)}
              onPick={() => {
                setPicked(t.id === picked ? null : t.id);
                setNotice(null);
              }}
              onRemove={
                custom.some((c) => c.id === t.id)
                  ? () => {
                      updateCustom(custom.filter((c) => c.id !== t.id));
                      if (picked === t.id) setPicked(null);
                      setNotice({ intent: "info", text: text.removed(t.name) });
                    }
                  : undefined
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
