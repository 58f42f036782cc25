/** CRC-32 (src/core/crc32.ts): the summary workbook's ZIP writer uses it where Node has no zlib.crc32, the icon script for PNG chunks. */
import { crc32 as zlibCrc32 } from "zlib";
import { crc32 } from "../../src/core/crc32";

test("the check value of CRC-32/ISO-HDLC, and the same as zlib's", () => {
  // The standard check value over "123456789".
  expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  const text = Buffer.from("汇总 & 明细\n".repeat(1000));
  expect(crc32(text)).toBe(zlibCrc32(text));
  expect(crc32(new Uint8Array(0))).toBe(0);
});
