import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/ui/client-messages";
import { CreateTenantForm } from "@/components/operator/create-tenant-form";
import { requireOperator } from "@/lib/tenants/queries";
import { passwordLinkHours } from "@/lib/auth/password-tokens";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.create"))("title") };
}

export default async function NewTenantPage() {
  await requireOperator();
  const t = await getTranslations("operator");
  return (
    <>
      <p className="mb-4"><Link href="/operator" className="ds-link">← {t("back")}</Link></p>
      <PageHeader title={t("create.title")} lead={t("create.intro")} />
      <ClientMessages namespaces={["operator", "enums"]}><CreateTenantForm linkHours={passwordLinkHours()} /></ClientMessages>
    </>
  );
}
