/** Types for scripts/chromium.js (plain JS so bench/bundle-size.js needs no compiler). */
import type { Browser, LaunchOptions } from "playwright-core";

export const CHROMIUM: string;
export const CHROMIUM_ARGS: readonly string[];
export function launchChromium(extra?: LaunchOptions): Promise<Browser>;
