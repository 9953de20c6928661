import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { UserTable } from "@/components/users/user-table";
import { requirePermission } from "@/lib/auth/guards";
import { searchUsers } from "@/lib/users/queries";
import { userSearchSchema } from "@/lib/users/schema";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: Props) {
  await requirePermission("user.manage");
  const parsed = userSearchSchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data.q : "";
  const users = await searchUsers(q);
  const t = await getTranslations("users");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" className="flex items-end gap-2">
          <div>
            <label htmlFor="user-search" className="mb-1 block font-medium">{t("search")}</label>
            <input id="user-search" name="q" type="search" defaultValue={q} className="rounded border border-gray-500 bg-white px-3 py-2" />
          </div>
          <button type="submit" className="ds-button" data-variant="secondary">{t("searchSubmit")}</button>
        </form>
        <Link href="/admin/users/new" className="ds-button" data-variant="primary">{t("new")}</Link>
      </div>
      <p className="mb-3 text-sm text-gray-700" role="status">{t("count", { count: users.length })}</p>
      <UserTable users={users} />
    </>
  );
}
