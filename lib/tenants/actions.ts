"use server";
// The platform operator's actions (permission "tenant.manage", on the platform's host only); the
// database functions check both again.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "../action";
import { DomainError } from "../errors";
import { getTenant } from "../tenant";
import { installationBaseUrl } from "../base-url";
import { passwordLinkPath } from "../auth/password-tokens";
import { changeHost, createTenant } from "./mutations";
import { tenantUrl } from "./links";
import { hostChangeSchema, tenantCreateSchema } from "./schema";

export type TenantCreated = { tenantId: number; name: string; adminName: string; link: string };

async function assertPlatform() {
  if ((await getTenant()).kind !== "platform") throw new DomainError("forbidden", "forbidden");
}

export const createTenantAction = authedAction("tenant.manage", tenantCreateSchema, async (input, actor) => {
  await assertPlatform();
  const { tenantId, token } = await createTenant(actor.id, input);
  revalidatePath("/operator", "layout");
  const link = tenantUrl(installationBaseUrl(await headers()), input.hosts[0]!, passwordLinkPath(token));
  const t = await getTranslations("operator.create");
  return { ok: true, data: { tenantId, name: input.name, adminName: input.adminName, link } satisfies TenantCreated, message: t("created", { name: input.name }) };
});

export const addHostAction = authedAction("tenant.manage", hostChangeSchema, async ({ tenantId, host }, actor) => {
  await assertPlatform();
  await changeHost(actor.id, tenantId, host, true);
  revalidatePath("/operator", "layout");
  return { ok: true, data: undefined, message: (await getTranslations("operator.hosts"))("added", { host }) };
});

export const removeHostAction = authedAction("tenant.manage", hostChangeSchema, async ({ tenantId, host }, actor) => {
  await assertPlatform();
  await changeHost(actor.id, tenantId, host, false);
  revalidatePath("/operator", "layout");
  return { ok: true, data: undefined, message: (await getTranslations("operator.hosts"))("removed", { host }) };
});
