// The file is read in a child process with a heap of its own (issue 22, item 3): the web server's
// event loop goes on answering while a large workbook is read, and a file that exhausts the
// worker's heap is a message, after which the next file is read as before.
import { describe, expect, it } from "vitest";
import { rawWorkbook, rowsOf } from "./support/hostile-xlsx";

import { ImportFileError, readSpreadsheet } from "../lib/import/read-file";

// 20,000 rows of 19 cells, as the register's export has (read in this thread, exceljs paused it 3.3 s).
const large = () => rawWorkbook(["Plan", "Type"], rowsOf(20_001, (i) => (i === 0 ? [{ shared: 0 }, { shared: 1 }] : Array.from({ length: 19 }, (_, c) => (c === 1 ? { inline: "temaplan" } : c % 3 === 2 ? i * 19 + c : { inline: `Plan ${i} felt ${c}` })))));

/** The longest pause of this thread's event loop while `work` runs. */
async function longestPause(work: () => Promise<unknown>): Promise<number> {
  let last = Date.now();
  let longest = 0;
  const timer = setInterval(() => { const now = Date.now(); longest = Math.max(longest, now - last); last = now; }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, Date.now() - last);
}

describe("reading in a child process", () => {
  it("a file that exhausts the worker's heap is refused as too complex, the process goes on, and the next file is read", async () => {
    // A heap too small for 20,000 rows (read when a child starts; the next child has the usual one).
    process.env.IMPORT_WORKER_HEAP_MB = "48";
    const file = await large();
    const pause = await longestPause(async () => {
      const error = await readSpreadsheet("stor.xlsx", file).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).key).toBe("tooComplex");
    });
    // The process that read (and failed) was not this one: its event loop kept turning.
    expect(pause).toBeLessThan(1_000);
    delete process.env.IMPORT_WORKER_HEAP_MB;
    expect((await readSpreadsheet("liten.csv", Buffer.from("Plan;Type\r\nKulturplan;temaplan\r\n"))).rows[0]!.cells).toEqual(["Kulturplan", "temaplan"]);
  });

  it("reads a 20,000-row workbook while this thread's event loop keeps turning", async () => {
    const file = await large();
    let rows = 0;
    const pause = await longestPause(async () => { rows = (await readSpreadsheet("stor.xlsx", file)).rows.length; });
    expect(rows).toBe(20_000);
    expect(pause).toBeLessThan(1_000);
  });
});
