// The child process that reads uploaded files (lib/import/worker-pool.ts starts it and sends one
// file at a time): exceljs and csv-parse run here, with a heap of their own, so a file that needs
// too much memory ends this process and never the web server.
import { parseSpreadsheet } from "./read-file";
import { ImportFileError } from "./limits";

process.on("message", (message: { fileName: string; bytes: Uint8Array }) => {
  const { fileName, bytes } = message;
  parseSpreadsheet(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
    (table) => process.send!({ ok: true, table }),
    (error: unknown) => process.send!(error instanceof ImportFileError ? { ok: false, key: error.key, values: error.values } : { ok: false, message: String(error) }),
  );
});
// The server that started this process is gone: so is the reason to run.
process.on("disconnect", () => process.exit(0));
