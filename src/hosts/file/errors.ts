/**
 * Why a file could not be read, in words a reviewer can act on. The CLI prints `reason` and moves on
 * to the next file; nothing here carries a stack trace to the user.
 */
import { Message } from "../../core/rules/types";

export type FileReadErrorKind =
  | "empty" // 0 bytes
  | "text" // a CSV / text / HTML file renamed to .xlsx
  | "ole" // legacy .xls, or an encrypted (password-protected) .xlsx
  | "not-zip" // some other binary
  | "corrupt" // a zip that is truncated or damaged
  | "not-workbook" // a zip without a workbook inside (.docx, .zip …)
  | "no-sheets"; // a workbook with no worksheet

export class FileReadError extends Error {
  constructor(
    readonly kind: FileReadErrorKind,
    readonly reason: Message,
    /** The underlying library message, for --verbose style diagnostics; never shown by default. */
    readonly detail?: string,
  ) {
    super(reason.zh);
    this.name = "FileReadError";
  }
}

const SAVE_AS = {
  zh: "请用 Excel 打开后“另存为”Excel 工作簿(*.xlsx)再检查。",
  en: "Open it in Excel and use Save As → Excel Workbook (*.xlsx), then check again.",
};

export function fileReadError(kind: FileReadErrorKind, source: string, detail?: string): FileReadError {
  const name = `「${source}」`;
  const en = `"${source}"`;
  const reasons: Record<FileReadErrorKind, Message> = {
    empty: {
      zh: `无法读取${name}:文件是空的(0 字节),可能复制或下载没有完成。请重新获取该文件。`,
      en: `Cannot read ${en}: the file is empty (0 bytes); the copy or download may not have finished. Get the file again.`,
    },
    text: textReason("plain", name, en),
    ole: {
      zh:
        `无法读取${name}:这是旧版 Excel 97-2003 格式(.xls)的文件,或者是设置了打开密码(加密)的 .xlsx。` +
        `若是旧版格式,${SAVE_AS.zh}若设置了密码,请在 Excel 中“文件 → 信息 → 保护工作簿 → 用密码进行加密”里清除密码后再检查。`,
      en:
        `Cannot read ${en}: it is either a legacy Excel 97-2003 file (.xls) or a password-protected (encrypted) .xlsx. ` +
        `If legacy: ${SAVE_AS.en} If password-protected: remove the password (File → Info → Protect Workbook → Encrypt with Password) and check again.`,
    },
    "not-zip": {
      zh: `无法读取${name}:文件内容不是 Excel 工作簿(.xlsx)格式。${SAVE_AS.zh}`,
      en: `Cannot read ${en}: the content is not an Excel workbook (.xlsx). ${SAVE_AS.en}`,
    },
    corrupt: {
      zh: `无法读取${name}:文件已损坏或不完整(可能下载或复制中断),或含有本工具无法读取的内容。请重新获取该文件,或在 Excel 中打开并修复后另存。`,
      en: `Cannot read ${en}: the file is damaged or incomplete (an interrupted download or copy?), or holds content this tool cannot read. Get it again, or open and repair it in Excel and save a copy.`,
    },
    "not-workbook": {
      zh: `无法读取${name}:这是一个压缩包,但里面没有 Excel 工作簿(可能是 Word 文档或其他文件改了扩展名)。`,
      en: `Cannot read ${en}: it is a zip package but holds no Excel workbook (a Word document or other file renamed?).`,
    },
    "no-sheets": {
      zh: `无法读取${name}:工作簿中没有任何工作表,找不到申报表。`,
      en: `Cannot read ${en}: the workbook contains no worksheet, so there is no form to check.`,
    },
  };
  return new FileReadError(kind, reasons[kind], detail);
}

/** What a text file given as .xlsx turns out to be, from its first lines. */
export type TextKind = "csv" | "html" | "xml-2003" | "plain";

function textReason(what: TextKind, name: string, en: string): Message {
  switch (what) {
    case "csv":
      return {
        zh: `无法读取${name}:这是用逗号或制表符分隔的文本文件(CSV),不是 .xlsx 工作簿,只是扩展名被改成了 .xlsx。${SAVE_AS.zh}`,
        en: `Cannot read ${en}: it is comma- or tab-separated text (CSV), not an .xlsx workbook, renamed to .xlsx. ${SAVE_AS.en}`,
      };
    case "html":
      return {
        zh: `无法读取${name}:这是网页(HTML)文件,不是 .xlsx 工作簿;有些系统导出的“Excel 表”其实是网页。${SAVE_AS.zh}`,
        en: `Cannot read ${en}: it is a web page (HTML), not an .xlsx workbook; some systems export "Excel" files that are web pages. ${SAVE_AS.en}`,
      };
    case "xml-2003":
      return {
        zh: `无法读取${name}:这是 Excel 2003 XML 表格(*.xml),不是 .xlsx 工作簿。${SAVE_AS.zh}`,
        en: `Cannot read ${en}: it is an Excel 2003 XML spreadsheet (*.xml), not an .xlsx workbook. ${SAVE_AS.en}`,
      };
    case "plain":
      return {
        zh: `无法读取${name}:这是普通的文本文件,不是 Excel 工作簿,里面没有表格可以检查。请确认收到的是不是正确的文件。`,
        en: `Cannot read ${en}: it is a plain text file, not an Excel workbook, so there is no table to check. Make sure this is the right file.`,
      };
  }
}

/** A text file given as .xlsx, described as what it is: the advice differs (Save As helps a CSV, not a note). */
export function textFileError(source: string, what: TextKind): FileReadError {
  return new FileReadError("text", textReason(what, `「${source}」`, `"${source}"`));
}
