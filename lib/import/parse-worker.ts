// The worker thread that reads uploaded files (lib/import/worker-pool.ts starts it and sends one
// file at a time): exceljs and csv-parse run here, with a heap of their own, so a file that needs
// too much memory ends this thread and never the web server.
import { parentPort } from "node:worker_threads";
import { parseSpreadsheet } from "./read-file";
import { ImportFileError } from "./limits";

parentPort!.on("message", ({ fileName, bytes }: { fileName: string; bytes: Uint8Array }) => {
  parseSpreadsheet(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
    (table) => parentPort!.postMessage({ ok: true, table }),
    (error: unknown) => parentPort!.postMessage(error instanceof ImportFileError ? { ok: false, key: error.key, values: error.values } : { ok: false, message: String(error) }),
  );
});
