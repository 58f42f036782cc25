/** What a CLI command may touch of the outside world; tests pass collectors instead of the process's streams. */
import { Lang, Message } from "../core/i18n";
import type { WriteOps } from "./files";

export interface Writer {
  write(text: string): unknown;
}

export interface CliIO {
  stdout: Writer;
  stderr: Writer;
  /** Whether stderr is a terminal (progress is shown only then). */
  isTTY: boolean;
  cwd: string;
  /**
   * stdout when it is a terminal (its width, read when the table is printed), for the verdict
   * table's width and colours; absent or not a TTY: 80 columns, no colour.
   */
  terminal?: { isTTY?: boolean; columns?: number };
  /** The environment, for NO_COLOR; absent: no colour. */
  env?: Record<string, string | undefined>;
  /** File-system calls of a write; tests pass failing ones (a full disk). Default: Node's. */
  writeOps?: WriteOps;
}

export interface CliContext {
  io: CliIO;
  lang: Lang;
}

export interface Command {
  name: string;
  summary: Message;
  /** Usage lines shown by `budget-form <command> --help`, per language. */
  help: Message;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
