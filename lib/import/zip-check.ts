// An xlsx is a zip. Before exceljs opens one, every entry is inflated here once with a budget, so
// a zip that does not open, lies about its sizes or inflates to gigabytes (a zip bomb) is refused
// without exceljs ever holding it in memory.
import yauzl from "yauzl";

export const ZIP_LIMITS = { entries: 2_000, uncompressedBytes: 100 * 1024 * 1024 } as const;

export type ZipProblem = "broken" | "tooBig";

/** Null when the zip opens and inflates within the limits, else why not. */
export function checkZip(bytes: Buffer, limits: { entries: number; uncompressedBytes: number } = ZIP_LIMITS): Promise<ZipProblem | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ZipProblem | null, zip?: yauzl.ZipFile) => {
      if (settled) return;
      settled = true;
      zip?.close();
      resolve(result);
    };
    // validateEntrySizes (the default): an entry that inflates to more than it declared is an error.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return done("broken");
      let entries = 0;
      let total = 0;
      zip.on("error", () => done("broken", zip));
      zip.on("end", () => done(null, zip));
      zip.on("entry", (entry: yauzl.Entry) => {
        entries++;
        total += entry.uncompressedSize;
        if (entries > limits.entries || total > limits.uncompressedBytes) return done("tooBig", zip);
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return done("broken", zip);
          stream.on("data", () => {});
          stream.on("error", () => done("broken", zip));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}
