import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DateTimeText } from "@/components/ui/date-text";
import { ActiveForm, ResetPasswordForm, RoleForm } from "@/components/users/user-admin-forms";
import { requirePermission } from "@/lib/auth/guards";
import { passwordLinkHours } from "@/lib/auth/password-tokens";
import { getUser } from "@/lib/users/queries";
import { parseId } from "@/lib/ids";
import { ClientMessages } from "@/components/ui/client-messages";

type Props = { params: Promise<{ id: string }> };

async function loadUser(params: Props["params"]) {
  await requirePermission("user.manage");
  const id = parseId((await params).id);
  const user = id === null ? null : await getUser(id);
  if (!user) notFound();
  return user;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadUser(params)).name };
}

export default async function UserPage({ params }: Props) {
  const user = await loadUser(params);
  const t = await getTranslations("users");
  return (
    <>
      <p className="mb-4"><Link href="/admin/users" className="ds-link">← {t("detail.back")}</Link></p>
      <PageHeader title={user.name} lead={user.email} />
      <dl className="grid max-w-xl grid-cols-3 gap-2 rounded border border-gray-300 bg-white p-4">
        <dt className="font-medium text-gray-700">{t("detail.status")}</dt>
        <dd className="col-span-2">{user.active ? t("active") : t("inactive")}</dd>
        <dt className="font-medium text-gray-700">{t("detail.lastSignIn")}</dt>
        <dd className="col-span-2">{user.lastSignInAt ? <DateTimeText value={user.lastSignInAt} /> : t("never")}</dd>
        <dt className="font-medium text-gray-700">{t("detail.created")}</dt>
        <dd className="col-span-2"><DateTimeText value={user.createdAt} /></dd>
      </dl>
      <Section id="role" title={t("detail.changeRole")}>
        <ClientMessages namespaces={["users", "enums"]}><RoleForm key={`${user.id}-${user.role}`} userId={user.id} role={user.role} /></ClientMessages>
      </Section>
      <Section id="status" title={t("detail.status")}>
        <ClientMessages namespaces={["users", "enums"]}><ActiveForm key={user.id} userId={user.id} active={user.active} /></ClientMessages>
      </Section>
      <Section id="password" title={t("detail.resetPassword")}>
        <ClientMessages namespaces={["users", "enums"]}><ResetPasswordForm userId={user.id} linkHours={passwordLinkHours()} /></ClientMessages>
      </Section>
    </>
  );
}
