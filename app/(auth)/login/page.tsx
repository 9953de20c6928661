import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { LoginForm } from "@/components/auth/login-form";
import { SsoButton } from "@/components/auth/sso-button";
import { getCurrentUser } from "@/lib/auth/session";
import { safeNext } from "@/lib/auth/safe-next";
import { cookiesNeedHttps } from "@/lib/auth/secure-context";
import { sessionCookieName } from "@/lib/auth/settings";
import { OIDC_PROVIDER_ID, oidcConfigured, oidcName } from "@/lib/auth/next-auth";
import { ClientMessages } from "@/components/ui/client-messages";

type Props = { searchParams: Promise<{ next?: string; error?: string; signedOut?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.login"))("title") };
}

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations("auth.login");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      {cookiesNeedHttps(await headers()) ? <p role="alert" className="ds-alert mb-4" data-color="danger">{t("insecureHttp")}</p> : null}
      {/* A session cookie that no longer works: expired, idle, revoked or the user deactivated — which one is not said. */}
      {!params.signedOut && (await cookies()).get(sessionCookieName())?.value ? <p role="status" className="mb-4 rounded border border-gray-400 bg-white p-3 text-gray-900">{t("sessionEnded")}</p> : null}
      {params.signedOut ? <p role="status" className="ds-alert mb-4" data-color="success">{t("signedOut")}</p> : null}
      {params.error ? <p role="alert" className="ds-alert mb-4" data-color="danger">{t("ssoDenied")}</p> : null}
      <ClientMessages namespaces={["auth", "edge", "errors"]}><LoginForm next={next} /></ClientMessages>
      {oidcConfigured() ? (
        <div className="mt-8 border-t border-gray-300 pt-6">
          <p className="mb-3 text-gray-700">{t("or")}</p>
          <SsoButton providerId={OIDC_PROVIDER_ID} label={t("sso", { provider: oidcName() })} callbackUrl={next} />
        </div>
      ) : null}
    </>
  );
}
