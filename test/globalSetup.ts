/** Builds the .xlsx fixtures (test/fixtures/generated) once, when missing or older than their sources. */
import { buildFixtures, fixturesUpToDate } from "../scripts/build-fixtures";

export default async function globalSetup(): Promise<void> {
  if (!fixturesUpToDate()) await buildFixtures();
}
