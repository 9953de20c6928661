"use server";
// Draft planprogram actions: editors and admins ("plan.write"), checked by authedAction. Each
// change refreshes the period's page, so the table, counts and workload chart show it at once.
import { refresh as refreshRouter, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction } from "../../action";
import { invalidatePublicCache } from "../../public/cache";
import { adoptDraft, publishDraft } from "./adopt";
import { addDraftPlan, bulkUpdateDraft, removeDraftPlan, updateDraftItem } from "./mutations";
import { adoptSchema, draftBulkSchema, draftItemSchema, draftNewPlanSchema, draftRemoveSchema, publishSchema } from "./schema";

const refresh = (periodId: number) => {
  invalidatePublicCache();
  revalidatePath(`/periods/${periodId}`);
  // The client router, not every tenant's cached path: revalidatePath("/", "layout") would also
  // expire every other municipality's innsyn data (decision 057).
  refreshRouter();
};

export const updateDraftItemAction = authedAction("plan.write", draftItemSchema, async (input, user) => {
  const data = await updateDraftItem(user.id, input);
  refresh(input.periodId);
  return { ok: true, data, message: (await getTranslations("periods.draft"))("rowSaved") };
});

export const bulkUpdateDraftAction = authedAction("plan.write", draftBulkSchema, async (input, user) => {
  const { count } = await bulkUpdateDraft(user.id, input);
  refresh(input.periodId);
  return { ok: true, data: undefined, message: (await getTranslations("periods.draft.bulk"))("done", { count }) };
});

export const addDraftPlanAction = authedAction("plan.write", draftNewPlanSchema, async (input, user) => {
  await addDraftPlan(user.id, input);
  refresh(input.periodId);
  return { ok: true, data: undefined, message: (await getTranslations("periods.draft.newPlan"))("added", { title: input.title }) };
});

export const removeDraftPlanAction = authedAction("plan.write", draftRemoveSchema, async (input, user) => {
  await removeDraftPlan(user.id, input);
  refresh(input.periodId);
  return { ok: true, data: undefined, message: (await getTranslations("periods.draft"))("removed") };
});

export const publishDraftAction = authedAction("plan.write", publishSchema, async (input, user) => {
  await publishDraft(user.id, input);
  refresh(input.periodId);
  return { ok: true, data: undefined, message: (await getTranslations("periods.draft.publish"))("done") };
});

export const adoptDraftAction = authedAction("plan.write", adoptSchema, async (input, user) => {
  const summary = await adoptDraft(user.id, input);
  refresh(input.periodId);
  redirect(`/periods/${input.periodId}?saved=adopted&decisions=${summary.decisions}&newPlans=${summary.newPlans}`);
});
