/** Runs the CLI's main() in-process with collected output. */
import { main } from "../../src/cli/main";
import { ROOT } from "../helpers/xlsx";

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(argv: string[], opts: { isTTY?: boolean; cwd?: string } = {}): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    isTTY: opts.isTTY ?? false,
    cwd: opts.cwd ?? ROOT,
  });
  return { code, out, err };
}

export const noStackTrace = (text: string): void => {
  if (/\n\s+at .+\(.+:\d+:\d+\)/.test(text)) throw new Error(`stack trace in output:\n${text}`);
};
