"use server";
// Planning-strategy actions: editors and admins (permission "plan.write"), checked by authedAction.
// refresh(), not revalidatePath("/", "layout"): that would expire every municipality's cached
// innsyn data, whose entries carry the paths they were made under (decision 057).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "../action";
import { invalidatePublicCache } from "../public/cache";
import { createPeriod, deletePeriod, updatePeriod } from "./mutations";
import { periodCreateSchema, periodDeleteSchema, periodUpdateSchema } from "./schema";

export const createPeriodAction = authedAction("plan.write", periodCreateSchema, async (input, user) => {
  const { id } = await createPeriod(user.id, input);
  invalidatePublicCache();
  refresh();
  redirect(`/periods/${id}?saved=created`);
});

export const updatePeriodAction = authedAction("plan.write", periodUpdateSchema, async (input, user) => {
  await updatePeriod(user.id, input);
  invalidatePublicCache();
  refresh();
  redirect(`/periods/${input.id}?saved=updated`);
});

export const deletePeriodAction = authedAction("plan.write", periodDeleteSchema, async (input, user) => {
  await deletePeriod(user, input);
  invalidatePublicCache();
  refresh();
  redirect("/periods?deleted=1");
});
