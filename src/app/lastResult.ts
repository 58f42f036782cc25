/**
 * What the ribbon's 一键校验 found, handed to the task pane. With a shared runtime both run in one
 * page and the in-process listeners suffice; without one (Office 2019) the ribbon runs in its own
 * page, and localStorage (shared by pages of one origin) plus its `storage` event carry the result.
 */
import { Summary } from "../core/engine";
import { Message } from "../core/rules/types";

export interface CommandOutcome {
  /** Milliseconds since the epoch. */
  at: number;
  summary?: Summary;
  ignored?: number;
  /** What the host could not read or mark, so the pane can say so (absent when nothing). */
  warnings?: Message[];
  /** Set when the check failed. */
  error?: Message;
}

export const OUTCOME_KEY = "budgetFormAssistant.lastCommand";

type Listener = (o: CommandOutcome) => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
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
  for (const l of listeners) l(o);
}

export function readLastOutcome(): CommandOutcome | null {
  try {
    const raw = storage()?.getItem(OUTCOME_KEY);
    const o = raw ? (JSON.parse(raw) as CommandOutcome) : null;
    return o && typeof o.at === "number" ? o : null;
  } catch {
    return null;
  }
}

/** Hears outcomes from this page and from other pages of the add-in; returns an unsubscribe. */
export function subscribeOutcome(l: Listener): () => void {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== OUTCOME_KEY || !e.newValue) return;
    try {
      l(JSON.parse(e.newValue) as CommandOutcome);
    } catch {
      // Not ours to parse.
    }
  };
  const w = typeof window !== "undefined" ? window : null;
  w?.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(l);
    w?.removeEventListener("storage", onStorage);
  };
}
