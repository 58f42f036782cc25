import { checkWorkbook } from "../src/core/engine";
import { clearMemoCaches } from "../src/core/memo";
import { seedSheet, cleanSheet } from "../test/helpers/forms";
const a = { source: "s", sheets: [seedSheet()] }, b = { source: "c", sheets: [cleanSheet()] };
for (let i = 0; i < 3000; i++) { clearMemoCaches(); checkWorkbook(a); checkWorkbook(b); }
