import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Section, EmptyNote } from "@/components/ui/section";
import { installationBaseUrl } from "@/lib/base-url";
import { otherTenants } from "@/lib/tenants/queries";
import { tenantUrl } from "@/lib/tenants/links";

/** "Your other municipalities": where the same e-mail has an active account (decision 056). */
export async function OtherTenantsSection({ userId }: { userId: number }) {
  const tenants = await otherTenants(userId);
  const t = await getTranslations("account.otherTenants");
  const base = installationBaseUrl(await headers());
  const reachable = tenants.filter((x) => x.host);
  return (
    <Section id="other-tenants" title={t("title")}>
      {reachable.length === 0 ? (
        <EmptyNote>{t("none")}</EmptyNote>
      ) : (
        <>
          <p className="mb-3 max-w-2xl">{t("intro")}</p>
          <ul className="list-disc pl-6">
            {reachable.map((x) => (
              <li key={x.tenant_id}><a href={tenantUrl(base, x.host!, "/")} className="ds-link">{x.name}</a> <span className="font-mono text-sm">({x.host})</span></li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
