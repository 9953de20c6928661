import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodForm } from "@/components/periods/period-form";
import { requirePermission } from "@/lib/auth/guards";
import { parseId } from "@/lib/ids";
import { updatePeriodAction } from "@/lib/periods/actions";
import { periodFormValues } from "@/lib/periods/form-values";
import { getPeriod } from "@/lib/periods/queries";
import { ClientMessages } from "@/components/ui/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("periods"))("edit") };
}

export default async function EditPeriodPage({ params }: Props) {
  await requirePermission("plan.write");
  const id = parseId((await params).id);
  const period = id ? await getPeriod(id) : null;
  if (!period) notFound();
  const t = await getTranslations("periods");
  return (
    <>
      <PageHeader title={t("edit")} lead={period.name} />
      <ClientMessages namespaces={["periods", "enums", "dateField"]}><PeriodForm action={updatePeriodAction} initial={periodFormValues(period)} cancelHref={`/periods/${period.id}`} /></ClientMessages>
    </>
  );
}
