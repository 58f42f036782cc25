/** Types for scripts/serve.js (plain JS so `npm start` needs no compiler). */
import type { Server } from "node:http";

export interface ServeOptions {
  root?: string;
  port?: number;
  host?: string;
  index?: string;
  tls?: { key: Buffer; cert: Buffer } | null;
}

export function serve(opts?: ServeOptions): Promise<{ server: Server; url: string }>;
export function resolvePath(root: string, urlPath: string, index: string): string | null;
