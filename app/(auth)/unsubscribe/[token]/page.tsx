import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/ui/client-messages";
import { UnsubscribeForm } from "@/components/mail/unsubscribe-form";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe-token";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unsubscribe"))("title"), referrer: "no-referrer" };
}

// Public: the signed token in the link is the credential. Opening the page changes nothing (mail
// scanners open links); the button does. Mail clients use the one-click POST of RFC 8058 instead.
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("unsubscribe");
  const target = readUnsubscribeToken(decodeURIComponent(token));
  return (
    <>
      <PageHeader title={t("title")} lead={target ? t("confirm", { kind: t(`kind.${target.kind}`) }) : undefined} />
      {target ? (
        <ClientMessages namespaces={["unsubscribe"]}><UnsubscribeForm token={decodeURIComponent(token)} /></ClientMessages>
      ) : (
        <p role="alert" className="ds-alert" data-color="danger">{t("invalid")}</p>
      )}
    </>
  );
}
