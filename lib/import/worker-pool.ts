// Uploaded files are read in a worker thread, one at a time per process, each with bounded heap
// and time: the web server's event loop and memory stay the other users' (issue 22, item 3).
// A file that exhausts the worker's heap or time is a "too complex" message, never a crash.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ImportFileError, type FileErrorKey } from "./limits";
import type { SheetTable } from "./read-file";

/** The worker's heap, its time per file, files read at once, files waiting. */
export const PARSE_LIMITS = { heapMb: 512, seconds: 60, concurrent: 1, waiting: 8 } as const;
// A smaller heap for a test, read when a thread starts.
const heapMb = () => Number(process.env.IMPORT_WORKER_HEAP_MB) || PARSE_LIMITS.heapMb;

// The worker runs the TypeScript source through tsx, as the server and the mail worker do; the
// path is the project's (Next.js bundles lib/, but not a file that a thread loads on its own).
// Node 20 does not pass --import hooks to a worker, so the worker registers tsx itself.
const WORKER_FILE = pathToFileURL(path.join(process.cwd(), "lib/import/parse-worker.ts")).href;
const BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_FILE)}); })`;

let running = 0;
const queue: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= PARSE_LIMITS.concurrent) {
    if (queue.length >= PARSE_LIMITS.waiting) throw new ImportFileError("busy");
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  running++;
  return () => {
    running--;
    queue.shift()?.();
  };
}

type Reply = { ok: true; table: SheetTable } | { ok: false; key: FileErrorKey; values: Record<string, string | number> } | { ok: false; message: string };

// One thread, kept between files (starting one costs seconds of module loading); a new one after
// a file ended it.
let worker: Worker | null = null;

function thread(): Worker {
  if (worker) return worker;
  const started = new Worker(BOOTSTRAP, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMb(), maxYoungGenerationSizeMb: 64 },
  });
  started.unref();
  started.on("exit", () => { if (worker === started) worker = null; });
  started.on("error", () => { if (worker === started) worker = null; });
  worker = started;
  return started;
}

/** `fileName`'s table, read in the worker thread within PARSE_LIMITS. */
export async function parseInWorker(fileName: string, bytes: Buffer): Promise<SheetTable> {
  const release = await slot();
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const current = thread();
      const cleanup = () => {
        clearTimeout(timer);
        current.unref();
        current.off("message", onMessage).off("error", onError).off("exit", onExit);
      };
      const onMessage = (reply: Reply) => { cleanup(); resolve(reply); };
      const onError = (error: Error & { code?: string }) => {
        cleanup();
        reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new ImportFileError("tooComplex") : error);
      };
      const onExit = () => { cleanup(); reject(new ImportFileError("tooComplex")); };
      const timer = setTimeout(() => {
        cleanup();
        worker = null;
        void current.terminate();
        reject(new ImportFileError("tooComplex"));
      }, PARSE_LIMITS.seconds * 1000);
      // Referenced while it works, so a script that awaits it is not ended under it.
      current.ref();
      current.on("message", onMessage).on("error", onError).on("exit", onExit);
      current.postMessage({ fileName, bytes });
    });
    if (reply.ok) return reply.table;
    if ("key" in reply) throw new ImportFileError(reply.key, reply.values);
    throw new Error(`Reading ${fileName} failed: ${reply.message}`);
  } finally {
    release();
  }
}
