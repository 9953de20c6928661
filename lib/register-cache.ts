// Filter choices and reference data cached in each app instance, keyed by the register's version
// in PostgreSQL (data_versions, bumped by triggers on every change to plans, their targets and
// users): one primary-key read per request instead of the queries behind them, and correct
// with any number of instances, since each compares with the database before using its copy.
// Each tenant has its own register and version, and versions of two tenants may coincide, so
// every key starts with the tenant (decision 057).
import "server-only";
import { cache } from "react";
import { db } from "./db";
import { currentTenantId } from "./tenant-context";

type Entry = { version: bigint; value: Promise<unknown> };
const entries = new Map<string, Entry>();
// Keys may carry request data (a feed's host name): the oldest entries go first past this many.
const MAX_ENTRIES = 64;

/**
 * The tenant part of every cache key: withTenant's tenant, or "only" when none is set (the
 * database then answers for its only tenant, or refuses).
 */
export const tenantCacheKey = (): string => String(currentTenantId() ?? "only");

// This request's version, when the session check's statement already read it (decision 059).
const knownVersion = cache((): { version: bigint | null } => ({ version: null }));

/** Records the register's version read in this request by another statement (the session check). */
export function knowRegisterVersion(version: bigint): void {
  knownVersion().version ??= version;
}

/** The register's current version (once per request). */
export const registerVersion = cache(async (): Promise<bigint> => {
  const known = knownVersion().version;
  if (known !== null) return known;
  const row = await db.dataVersion.findFirst({ where: { name: "register" }, select: { version: true } });
  return row?.version ?? 0n;
});

/** `load()`'s value, reused until the register changes. A failed load is not kept. */
export async function cachedForRegister<T>(name: string, load: () => Promise<T>): Promise<T> {
  const version = await registerVersion();
  const key = `${tenantCacheKey()} ${name}`;
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = load();
  entries.delete(key);
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => { if (entries.get(key)?.value === value) entries.delete(key); });
  return value;
}
