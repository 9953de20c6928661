import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requirePermission } from "@/lib/auth/guards";
import { passwordLinkHours } from "@/lib/auth/password-tokens";
import { ClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users.create"))("title") };
}

export default async function NewUserPage() {
  await requirePermission("user.manage");
  const t = await getTranslations("users");
  return (
    <>
      <p className="mb-4"><Link href="/admin/users" className="ds-link">← {t("detail.back")}</Link></p>
      <PageHeader title={t("create.title")} />
      <ClientMessages namespaces={["users", "enums"]}><CreateUserForm linkHours={passwordLinkHours()} /></ClientMessages>
    </>
  );
}
