"use server";
// Planning-strategy actions: editors and admins (permission "plan.write"), checked by authedAction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "../action";
import { invalidatePublicCache } from "../public/cache";
import { createPeriod, deletePeriod, updatePeriod } from "./mutations";
import { periodCreateSchema, periodDeleteSchema, periodUpdateSchema } from "./schema";

export const createPeriodAction = authedAction("plan.write", periodCreateSchema, async (input, user) => {
  const { id } = await createPeriod(user.id, input);
  invalidatePublicCache();
  revalidatePath("/", "layout");
  redirect(`/periods/${id}?saved=created`);
});

export const updatePeriodAction = authedAction("plan.write", periodUpdateSchema, async (input, user) => {
  await updatePeriod(user.id, input);
  invalidatePublicCache();
  revalidatePath("/", "layout");
  redirect(`/periods/${input.id}?saved=updated`);
});

export const deletePeriodAction = authedAction("plan.write", periodDeleteSchema, async (input, user) => {
  await deletePeriod(user, input);
  invalidatePublicCache();
  revalidatePath("/", "layout");
  redirect("/periods?deleted=1");
});
