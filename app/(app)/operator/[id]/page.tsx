import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/ui/client-messages";
import { Section } from "@/components/ui/section";
import { AddHostForm, RemoveHostForm } from "@/components/operator/host-forms";
import { getTenantDetail, requireOperator } from "@/lib/tenants/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator.hosts"))("title") };
}

export default async function TenantPage({ params }: Props) {
  await requireOperator();
  const tenant = await getTenantDetail((await params).id);
  const t = await getTranslations("operator");
  const tKind = await getTranslations("enums.tenantKind");
  return (
    <>
      <p className="mb-4"><Link href="/operator" className="ds-link">← {t("back")}</Link></p>
      <PageHeader title={tenant.name} lead={[tKind(tenant.kind), tenant.kommunenummer, tenant.countyName ? `${tenant.countyNumber} ${tenant.countyName}` : null].filter(Boolean).join(" · ")} />
      <Section id="hosts" title={t("hosts.title")}>
        <ClientMessages namespaces={["operator"]}>
          <ul className="mb-2">
            {tenant.hosts.map((h) => (
              <li key={h.host} className="flex items-center gap-3 py-1"><span className="font-mono">{h.host}</span><RemoveHostForm tenantId={tenant.id} host={h.host} /></li>
            ))}
          </ul>
          <AddHostForm tenantId={tenant.id} />
        </ClientMessages>
      </Section>
    </>
  );
}
