// Tenants as the operator creates them (page and `npm run tenant:create`): one schema for both.
// The database functions check the same rules again (prisma/migrations/*_platform_operator).
import { z } from "zod";

export const tenantKinds = ["municipality", "county", "platform"] as const;
export type TenantKind = (typeof tenantKinds)[number];

// As tenant_hosts stores a host: lower-case, no port, no trailing dot (lib/http/tenant-host.ts).
const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
export const hostSchema = z.string().trim().toLowerCase().max(253).regex(HOST, { message: "validation.host" });

/** Host names as typed: separated by commas, spaces or new lines; 1 to 20, no repeats. One message, on the field. */
export const hostListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(/[\s,]+/)).map((s) => s.trim().toLowerCase()).filter(Boolean))
  .superRefine((hosts, ctx) => {
    const problem =
      hosts.length === 0 ? "validation.hostsRequired"
      : hosts.length > 20 ? "validation.hostsTooMany"
      : hosts.some((h) => h.length > 253 || !HOST.test(h)) ? "validation.host"
      : new Set(hosts).size !== hosts.length ? "validation.hostsRepeated"
      : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const optionalText = z.string().trim().max(200).optional().transform((v) => v || undefined);

export const tenantCreateSchema = z
  .object({
    kind: z.enum(tenantKinds, { message: "validation.tenantKind" }),
    kommunenummer: z.string().trim().optional().transform((v) => v || undefined),
    name: z.string().trim().min(1).max(200),
    countyNumber: z.string().trim().optional().transform((v) => v || undefined),
    countyName: optionalText,
    hosts: hostListSchema,
    adminName: z.string().trim().min(1).max(200),
    adminEmail: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  })
  .superRefine((t, ctx) => {
    if (t.kind === "municipality" && !/^\d{4}$/.test(t.kommunenummer ?? "")) ctx.addIssue({ code: "custom", path: ["kommunenummer"], message: "validation.kommunenummer" });
    if (t.kind !== "municipality" && t.kommunenummer) ctx.addIssue({ code: "custom", path: ["kommunenummer"], message: "validation.kommunenummerNotAllowed" });
    if (t.kind !== "platform" && !/^\d{2}$/.test(t.countyNumber ?? "")) ctx.addIssue({ code: "custom", path: ["countyNumber"], message: "validation.countyNumber" });
    if (t.kind !== "platform" && !t.countyName) ctx.addIssue({ code: "custom", path: ["countyName"], message: "validation.required" });
  })
  .transform((t) => ({
    ...t,
    kommunenummer: t.kind === "municipality" ? t.kommunenummer! : null,
    countyNumber: t.kind === "platform" ? (t.countyNumber ?? "00") : t.countyNumber!,
    countyName: t.countyName ?? "",
  }));
export type TenantCreateInput = z.output<typeof tenantCreateSchema>;

const id = z.coerce.number().int().positive().max(2_147_483_647);
export const hostChangeSchema = z.object({ tenantId: id, host: hostSchema });

export const tenantSearchSchema = z.object({
  q: z.string().trim().max(200).regex(/^[^\u0000-\u001f\u007f]*$/).optional().catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
