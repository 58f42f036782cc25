import { Message } from "./types";

/** Fills {{name}} placeholders; a placeholder without data stays visible rather than vanishing. */
export function interpolate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function render(msg: Message, data?: Record<string, string | number>): Message {
  return { zh: interpolate(msg.zh, data), en: interpolate(msg.en, data) };
}
