"use server";
// Plan actions: editors and admins (permission "plan.write"), checked by authedAction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { authedAction } from "../action";
import { invalidatePublicCache } from "../public/cache";
import { DomainError } from "../errors";
import { createPlan, PlanConflict, recordDecision, setArchived, updatePlan, removeDecision } from "./mutations";
import { decisionRemoveSchema, decisionSchema, planCreateSchema, planUpdateSchema, planVersionSchema } from "./schema";

// Turns a version conflict into lines saying who changed which fields when.
async function explainConflict<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof PlanConflict)) throw error;
    const t = await getTranslations("plans");
    const format = await getFormatter();
    const details = error.changes.map((c) =>
      t("conflict.change", {
        who: c.actorName ?? t("history.system"),
        when: format.dateTime(c.at, { dateStyle: "medium", timeStyle: "short" }),
        fields: c.fields.map((f) => t(`fields.${f.field}`)).join(", "),
      }),
    );
    throw new DomainError("conflict", "planConflict", undefined, undefined, details);
  }
}

export const createPlanAction = authedAction("plan.write", planCreateSchema, async (input, user) => {
  const { id } = await createPlan(user.id, input);
  invalidatePublicCache();
  revalidatePath("/plans");
  redirect(`/plans/${id}?saved=created`);
});

export const updatePlanAction = authedAction("plan.write", planUpdateSchema, async (input, user) => {
  await explainConflict(updatePlan(user.id, input));
  invalidatePublicCache();
  revalidatePath("/plans", "layout");
  redirect(`/plans/${input.id}?saved=updated`);
});

export const archivePlanAction = authedAction("plan.write", planVersionSchema, async ({ id, version }, user) => {
  await explainConflict(setArchived(user.id, id, version, true));
  invalidatePublicCache();
  revalidatePath("/plans", "layout");
  redirect(`/plans/${id}?saved=archived`);
});

export const restorePlanAction = authedAction("plan.write", planVersionSchema, async ({ id, version }, user) => {
  await explainConflict(setArchived(user.id, id, version, false));
  invalidatePublicCache();
  revalidatePath("/plans", "layout");
  redirect(`/plans/${id}?saved=restored`);
});

export const recordDecisionAction = authedAction("plan.write", decisionSchema, async (input, user) => {
  await recordDecision(user.id, input);
  invalidatePublicCache();
  revalidatePath(`/plans/${input.planId}`);
  return { ok: true, data: undefined, message: (await getTranslations("plans.decisionForm"))("saved") };
});

export const removeDecisionAction = authedAction("plan.write", decisionRemoveSchema, async (input, user) => {
  await removeDecision(user.id, input);
  revalidatePath(`/plans/${input.planId}`);
  revalidatePath(`/periods/${input.periodId}`);
  return { ok: true, data: undefined, message: (await getTranslations("plans.decisionForm"))("removed") };
});
