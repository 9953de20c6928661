// Uploaded files are read in a child process, one at a time per server process, each with bounded
// heap and time: the web server's event loop and memory stay the other users' (issue 22, item 3).
// A file that exhausts the child's heap or time is a "too complex" message, never a crash.
//
// A process, not a worker thread: a worker thread that reaches its heap limit may abort the whole
// process ("FATAL ERROR: Reached heap limit", nodejs/node#47224 — it depends on the shape of the
// allocation; seen here with exceljs on Node 24), while a child that runs out of heap only ends
// itself (decision 024).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ImportFileError, type FileErrorKey } from "./limits";
import type { SheetTable } from "./read-file";

/** The child's heap, its time per file, files read at once, files waiting. */
export const PARSE_LIMITS = { heapMb: 512, seconds: 60, concurrent: 1, waiting: 8 } as const;
// A smaller heap for a test, read when a child starts.
const heapMb = () => Number(process.env.IMPORT_WORKER_HEAP_MB) || PARSE_LIMITS.heapMb;

// The child runs the TypeScript source through tsx, as the server and the mail worker do; the
// path is the project's (Next.js bundles lib/, but not a file that a process loads on its own;
// named inside the code string so that the bundler does not try to bundle it as fork()'s module).
const WORKER_FILE = pathToFileURL(path.join(process.cwd(), "lib/import/parse-worker.ts")).href;
const BOOTSTRAP = `await import(${JSON.stringify(WORKER_FILE)});`;

const CHILD_ENV = ["PATH", "HOME", "TMPDIR", "LANG", "TZ", "TSX_TSCONFIG_PATH"] as const;
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV };
  for (const name of CHILD_ENV) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

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

// One child, kept between files (starting one costs a second or more of module loading); a new
// one after a file ended it. Not referenced while idle, so it never keeps a script alive.
let child: ChildProcess | null = null;

function setRef(process: ChildProcess, on: boolean) {
  if (on) { process.ref(); process.channel?.ref(); } else { process.unref(); process.channel?.unref(); }
}

function reader(): ChildProcess {
  if (child && child.exitCode === null && child.signalCode === null && child.connected) return child;
  const started = spawn(process.execPath, ["--import", "tsx", `--max-old-space-size=${heapMb()}`, "--max-semi-space-size=32", "--input-type=module", "--eval", BOOTSTRAP], {
    serialization: "advanced",
    // V8's out-of-memory report would go to stderr: the answer says it instead.
    stdio: ["ignore", "ignore", "ignore", "ipc"],
    // Only what Node and tsx need: the child parses untrusted files and gets no secret (database
    // address, session secret, SSO client secret).
    env: childEnv(),
  });
  started.on("exit", () => { if (child === started) child = null; });
  started.on("error", () => { if (child === started) child = null; });
  setRef(started, false);
  child = started;
  return started;
}

/** `fileName`'s table, read in the child process within PARSE_LIMITS. */
export async function parseInWorker(fileName: string, bytes: Buffer): Promise<SheetTable> {
  const release = await slot();
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const current = reader();
      const cleanup = () => {
        clearTimeout(timer);
        setRef(current, false);
        current.off("message", onMessage).off("error", onError).off("exit", onExit);
      };
      const onMessage = (reply: Reply) => { cleanup(); resolve(reply); };
      const onError = () => { cleanup(); end(); reject(new ImportFileError("tooComplex")); };
      // Out of heap (SIGABRT or exit code 134), killed, or gone for any other reason.
      const onExit = () => { cleanup(); reject(new ImportFileError("tooComplex")); };
      const end = () => { if (child === current) child = null; current.kill("SIGKILL"); };
      const timer = setTimeout(() => { cleanup(); end(); reject(new ImportFileError("tooComplex")); }, PARSE_LIMITS.seconds * 1000);
      // Referenced while it works, so a script that awaits it is not ended under it.
      setRef(current, true);
      current.on("message", onMessage).on("error", onError).on("exit", onExit);
      current.send({ fileName, bytes }, (error) => { if (error) onError(); });
    });
    if (reply.ok) return reply.table;
    if ("key" in reply) throw new ImportFileError(reply.key, reply.values);
    throw new Error(`Reading ${fileName} failed: ${reply.message}`);
  } finally {
    release();
  }
}
