import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/guards";

export default async function Home() {
  await requirePermission("plan.read");
  redirect("/plans");
}
