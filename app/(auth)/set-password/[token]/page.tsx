import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { findTokenUser } from "@/lib/auth/mutations";
import { ClientMessages } from "@/components/ui/client-messages";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.setPassword"))("title"), referrer: "no-referrer" };
}

// Public: the one-time token in the URL is the credential.
export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("auth.setPassword");
  const user = token.length <= 100 ? await findTokenUser(token) : null;
  return (
    <>
      <PageHeader title={t("title")} lead={user ? t("intro", { email: user.email }) : undefined} />
      {user ? <ClientMessages namespaces={["auth"]}><SetPasswordForm token={token} /></ClientMessages> : <p role="alert" className="ds-alert" data-color="danger">{t("invalid")}</p>}
    </>
  );
}
