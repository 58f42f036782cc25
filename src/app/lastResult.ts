/**
 * What the ribbon's 一键校验 found, handed to the task pane of the same document. With a shared
 * runtime both run in one page and the in-process listeners suffice; without one the ribbon runs in
 * its own page, and localStorage (shared by pages of one origin) plus its `storage` event carry it.
 *
 * localStorage is shared by every document's pages too: "The partition key is undefined in
 * environments without partitioning, such as the webview controls for Office on Windows" (Microsoft
 * docs, "Persist add-in state and settings"). So every outcome names its document, and a listener
 * hears only its own document's outcomes: 一键校验 in one workbook must never re-check (and re-mark)
 * another (issue #21).
 */
import { Summary } from "../core/engine";
import { Message } from "../core/rules/types";

export interface CommandOutcome {
  /** Milliseconds since the epoch. */
  at: number;
  /** The document checked (Host.documentId()); outcomes of other documents are not heard. */
  doc: string;
  summary?: Summary;
  ignored?: number;
  /** What the host could not read or mark, so the pane can say so (absent when nothing). */
  warnings?: Message[];
  /** Set when the check failed. */
  error?: Message;
}

export const OUTCOME_KEY = "budgetFormAssistant.lastCommand";

type Listener = (o: CommandOutcome) => void;
const listeners = new Set<{ doc: () => string | null; l: Listener }>();

function storage(): Storage | null {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    return null;
  }
}

function parse(raw: string | null | undefined): CommandOutcome | null {
  if (!raw) return null;
  try {
    const o = JSON.parse(raw) as CommandOutcome;
    // An outcome without its document (an older version's) could be any document's: not ours.
    return o && typeof o.at === "number" && typeof o.doc === "string" && o.doc ? o : null;
  } catch {
    return null;
  }
}

export function publishOutcome(o: CommandOutcome): void {
  try {
    storage()?.setItem(OUTCOME_KEY, JSON.stringify(o));
  } catch {
    // Storage full or blocked: the in-process listeners still hear it.
  }
  for (const { doc, l } of listeners) if (doc() === o.doc) l(o);
}

/** The last outcome published for `doc` (another document's last outcome is not this one's). */
export function readLastOutcome(doc: string): CommandOutcome | null {
  const o = parse(storage()?.getItem(OUTCOME_KEY));
  return o && o.doc === doc ? o : null;
}

export interface SubscribeOptions {
  /**
   * Also hear other pages through `storage` events. Only where the ribbon has a page of its own (no
   * shared runtime, or WPS's background page); elsewhere the channel only invites other documents in.
   */
  crossPage?: boolean;
}

/**
 * Hears the outcomes for the document `doc()` names at the moment one arrives (null: none yet, so
 * nothing is heard); returns an unsubscribe.
 */
export function subscribeOutcome(doc: () => string | null, l: Listener, opts: SubscribeOptions = {}): () => void {
  const entry = { doc, l };
  listeners.add(entry);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== OUTCOME_KEY) return;
    const o = parse(e.newValue);
    const mine = doc();
    if (o && mine !== null && o.doc === mine) l(o);
  };
  const w = opts.crossPage && typeof window !== "undefined" ? window : null;
  w?.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(entry);
    w?.removeEventListener("storage", onStorage);
  };
}

/**
 * WPS: the ribbon's background page and the pane are two pages, and both writing the workbook (marks
 * and their record in _BudgetFormMarks) from two JS contexts interleaves their bridge calls with no
 * lock. So the ribbon only asks; the pane, the one page that touches the workbook, does the check.
 */
export const CHECK_REQUEST_KEY = "budgetFormAssistant.checkRequest";

export interface CheckRequest {
  at: number;
  /** The workbook the ribbon was clicked in (Host.documentId() form). */
  doc: string;
}

export function requestCheck(r: CheckRequest): void {
  try {
    storage()?.setItem(CHECK_REQUEST_KEY, JSON.stringify(r));
  } catch {
    // Blocked storage: the pane, shown by the same click, is checked by the user instead.
  }
}

function parseRequest(raw: string | null | undefined): CheckRequest | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as CheckRequest;
    return r && typeof r.at === "number" && typeof r.doc === "string" && r.doc ? r : null;
  } catch {
    return null;
  }
}

/** Takes (and removes) a request waiting for the pane, so that it is served once. */
export function takeCheckRequest(): CheckRequest | null {
  const s = storage();
  const r = parseRequest(s?.getItem(CHECK_REQUEST_KEY));
  try {
    if (r) s?.removeItem(CHECK_REQUEST_KEY);
  } catch {
    // Cannot remove: served again at most on the pane's next start.
  }
  return r;
}

/** Hears requests the ribbon's page makes; returns an unsubscribe. */
export function subscribeCheckRequests(l: (r: CheckRequest) => void): () => void {
  const w = typeof window !== "undefined" ? window : null;
  const onStorage = (e: StorageEvent) => {
    if (e.key !== CHECK_REQUEST_KEY || !parseRequest(e.newValue)) return;
    const r = takeCheckRequest();
    if (r) l(r);
  };
  w?.addEventListener("storage", onStorage);
  return () => w?.removeEventListener("storage", onStorage);
}
