// An xlsx is a zip. Before exceljs opens one, every entry is inflated here once with a budget, so
// a zip that does not open, lies about its sizes or inflates to gigabytes (a zip bomb) is refused
// without exceljs ever holding it in memory. The workbook's XML is counted on the way
// (lib/import/xlsx-scan.ts): cells, rows and text past the limits are refused here too.
import yauzl from "yauzl";
import { ImportFileError } from "./limits";
import { XlsxScan } from "./xlsx-scan";

export const ZIP_LIMITS = { entries: 2_000, uncompressedBytes: 100 * 1024 * 1024 } as const;

export type ZipProblem = "broken" | "tooBig";

/** Null when the zip opens and inflates within the limits, else why not (an ImportFileError when its XML passes a limit of the import). */
export function checkZip(bytes: Buffer, limits: { entries: number; uncompressedBytes: number } = ZIP_LIMITS): Promise<ZipProblem | ImportFileError | null> {
  const scan = new XlsxScan();
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ZipProblem | ImportFileError | null, zip?: yauzl.ZipFile) => {
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
      zip.on("end", () => {
        try {
          scan.finish();
          done(null, zip);
        } catch (error) {
          done(error instanceof ImportFileError ? error : "broken", zip);
        }
      });
      zip.on("entry", (entry: yauzl.Entry) => {
        entries++;
        total += entry.uncompressedSize;
        if (entries > limits.entries || total > limits.uncompressedBytes) return done("tooBig", zip);
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return done("broken", zip);
          const inspector = scan.inspector(entry.fileName);
          const fail = (error: unknown) => {
            stream.destroy();
            done(error instanceof ImportFileError ? error : "broken", zip);
          };
          if (inspector) stream.setEncoding("utf8");
          stream.on("data", (chunk: string | Buffer) => {
            if (!inspector || settled) return;
            try {
              inspector.write(chunk as string);
            } catch (error) {
              fail(error);
            }
          });
          stream.on("error", () => done("broken", zip));
          stream.on("end", () => {
            inspector?.end();
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
