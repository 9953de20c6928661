// Council documents of the whole register are the app's most expensive answers (decision 041:
// ~8 s and a few hundred MB for 8,000 plans). Each instance keeps the last few files, keyed by
// the register's version (and what else the file shows), so viewers of the same document share one
// build, and builds at once are capped: past the cap the answer is 503 with Retry-After, not a
// queue that stalls every other request of the instance.
import "server-only";
import { registerVersion, tenantCacheKey } from "../register-cache";

const MAX_BUILDS = Number(process.env.COUNCIL_DOCUMENT_BUILDS ?? 2);
const MAX_FILES = 8;
const MAX_BYTES = 64 * 1024 * 1024;
/** Seconds a refused client is asked to wait. */
export const COUNCIL_RETRY_SECONDS = 10;

type Entry = { file: Promise<Buffer>; bytes: number };
const files = new Map<string, Entry>();
let building = 0;

// Oldest first, until at most MAX_FILES files of at most MAX_BYTES in all are kept.
function prune() {
  let total = [...files.values()].reduce((n, e) => n + e.bytes, 0);
  for (const [key, entry] of files) {
    if (files.size <= MAX_FILES && total <= MAX_BYTES) break;
    files.delete(key);
    total -= entry.bytes;
  }
}

// Viewers arriving together share one read of the version, so they also share one build even
// when the register changes while that read is under way.
const versionReads = new Map<string, Promise<bigint>>();
function versionNow(tenant: string): Promise<bigint> {
  let read = versionReads.get(tenant);
  if (!read) {
    read = registerVersion().finally(() => versionReads.delete(tenant));
    versionReads.set(tenant, read);
  }
  return read;
}

/**
 * The file for `key` (the request's filters, locale, day and settings) at the register's current
 * version: a kept one, one being built for another viewer, or a new build; null when `MAX_BUILDS`
 * builds are already running (answer `councilBusy()`). A failed build is not kept.
 */
export async function boundedCouncilFile(key: string, build: () => Promise<Buffer>): Promise<Buffer | null> {
  // The municipality first: versions are per tenant and may coincide (decision 044).
  const tenant = tenantCacheKey();
  const versioned = `${tenant} ${await versionNow(tenant)} ${key}`;
  const kept = files.get(versioned);
  if (kept) return kept.file;
  if (building >= MAX_BUILDS) return null;
  building++;
  const entry: Entry = { file: build().finally(() => void building--), bytes: 0 };
  files.set(versioned, entry);
  entry.file.then(
    (b) => { entry.bytes = b.length; prune(); },
    () => { if (files.get(versioned) === entry) files.delete(versioned); },
  );
  return entry.file;
}

/** 503 with Retry-After: too many council documents are being built on this instance. */
export const councilBusy = () =>
  new Response("Too many documents are being made right now. Try again in a few seconds.", { status: 503, headers: { "Retry-After": String(COUNCIL_RETRY_SECONDS), "Content-Type": "text/plain; charset=utf-8" } });
