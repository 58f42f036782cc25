/** Real .xlsx files (examples, generated fixtures) read through the file host into the ET fake. */
import type { ReadResult } from "../../../src/hosts/file/read";
import { readExample, readFixture } from "../../helpers/xlsx";
import { FakeEtApp } from "./fakeEt";
import { fakeFrom } from "./load";

export { fakeFrom, hostOn } from "./load";

export async function seedFake(name = "seed-form.xlsx"): Promise<{ app: FakeEtApp; read: ReadResult }> {
  const read = await readExample(name);
  return { app: fakeFrom(read), read };
}

/** A generated fixture (test/fixtures/generated) in the fake. */
export async function fixtureFake(name: string): Promise<{ app: FakeEtApp; read: ReadResult }> {
  const read = await readFixture(name);
  return { app: fakeFrom(read), read };
}
