/**
 * React's development warnings (act(...), unknown DOM attributes, duplicate keys) are defects or test
 * races, and in a long log they hide real failures: any one of them fails the test that caused it.
 */
import { format } from "util";

const seen: string[] = [];
const original = console.error;

beforeEach(() => {
  seen.length = 0;
  console.error = (...args: unknown[]) => {
    const text = format(...args);
    if (text.startsWith("Warning:")) seen.push(text.split("\n")[0]);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  if (seen.length > 0) throw new Error(`React warned during this test:\n${seen.join("\n")}`);
});
