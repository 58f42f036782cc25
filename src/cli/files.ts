/**
 * Writing files so that an input is never touched and a failed write never leaves a broken file.
 * Paths are compared by what they are (device + inode, then real path), not how they are spelled:
 * a symlinked folder or a hard link reaches the same bytes under another name. Writes go to a
 * temporary file in the target's folder, are flushed to disk, then renamed over (or linked to) the
 * target, so the target is either the old file or the complete new one (POSIX rename(2) is atomic
 * within a file system; https://nodejs.org/api/fs.html#fsrenamesyncoldpath-newpath).
 */
import * as fs from "fs";
import { basename, dirname, join, resolve } from "path";
import { Message, bilingual } from "../core/i18n";
import { CLI } from "./messages";
import { errorMessage } from "../core/errors";

/** Windows and macOS file systems ignore case: "A.xlsx" and "a.XLSX" are one file there. */
export function pathKey(p: string): string {
  return process.platform === "win32" || process.platform === "darwin" ? p.toLowerCase() : p;
}

/** The real path of a file that may not exist yet (its folder's real path + its name). */
function realPath(p: string): string {
  const abs = resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return join(fs.realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Whether two paths reach the same file: same device and inode when both exist, else same real path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return pathKey(realPath(a)) === pathKey(realPath(b));
  }
}

/** What a write does when the target exists. */
export type Existing = "replace" | "refuse";

/** The few file-system calls a write makes; tests inject failing ones (a full disk, a lost mount). */
export interface WriteOps {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  linkSync: typeof fs.linkSync;
  unlinkSync: typeof fs.unlinkSync;
}

const NODE_OPS: WriteOps = {
  openSync: fs.openSync,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  linkSync: fs.linkSync,
  unlinkSync: fs.unlinkSync,
};

/**
 * Writes `bytes` to `target` atomically. With "refuse", an existing target (or one created
 * meanwhile) is left alone and the error's code is EEXIST: link(2) fails rather than replace.
 * On any failure the temporary file is removed and the old target, if any, is unchanged.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, existing: Existing, ops: WriteOps = NODE_OPS): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fd = ops.openSync(tmp, "wx", 0o644);
    for (let at = 0; at < bytes.length;) at += ops.writeSync(fd, bytes, at, bytes.length - at);
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = null;
    if (existing === "replace") ops.renameSync(tmp, target);
    else {
      try {
        ops.linkSync(tmp, target);
      } catch (e) {
        // FAT/exFAT drives and some network shares have no hard links: check, then rename.
        if ((e as NodeJS.ErrnoException).code === "EEXIST" || fs.existsSync(target))
          throw Object.assign(new Error(`${target} exists`), { code: "EEXIST" });
        ops.renameSync(tmp, target);
        return;
      }
      ops.unlinkSync(tmp);
    }
  } catch (e) {
    if (fd !== null) {
      try {
        ops.closeSync(fd);
      } catch {
        /* already failing: the original error is the one to report */
      }
    }
    try {
      ops.unlinkSync(tmp);
    } catch {
      /* never created, or already renamed */
    }
    throw e;
  }
}

/** Why a write failed, naming the file, in words a user can act on. */
export function writeFailure(e: unknown, display: string): Message {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why: Record<string, Message> = {
    ENOSPC: CLI.diskFull,
    EDQUOT: CLI.quotaExceeded,
    EACCES: CLI.writeDenied,
    EPERM: CLI.writeDenied,
    EROFS: CLI.readOnlyDisk,
    ENOENT: CLI.noFolder,
    EEXIST: CLI.fileExists,
    EBUSY: CLI.fileLocked,
  };
  // Not a file-system error: a workbook that could not be generated says why itself, in Chinese.
  const own = (e as { reason?: Message })?.reason;
  if (!code && own && typeof own.zh === "string") return bilingual(CLI.cannotGenerate, display, own);
  // An error code we have no words for is still named, never shown as Node's English sentence.
  const reason =
    (code && why[code]) || (code ? bilingual(CLI.systemError, code, errorMessage(e)) : bilingual(CLI.unexpectedError, errorMessage(e)));
  return bilingual(CLI.cannotWrite, display, reason, CLI.writeKept);
}
