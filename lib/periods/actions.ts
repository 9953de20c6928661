"use server";
// Planning-strategy actions: editors and admins (permission "plan.write"), checked by authedAction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "../action";
import { invalidatePublicCache } from "../public/cache";
import { createPeriod, updatePeriod } from "./mutations";
import { periodCreateSchema, periodUpdateSchema } from "./schema";

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
