// The account page's "API-nøkler": what a token is for, the user's tokens with last use, the forms.
import { getTranslations } from "next-intl/server";
import { Section, EmptyNote } from "@/components/ui/section";
import { DateTimeText } from "@/components/ui/date-text";
import { ClientMessages } from "@/components/ui/client-messages";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { CreateApiTokenForm, RevokeApiTokenForm } from "./api-token-forms";

type TokenRow = { id: number; name: string; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null };

export async function ApiTokenSection({ tokens, now }: { tokens: TokenRow[]; now: Date }) {
  const t = await getTranslations("apiTokens");
  const th = "px-3 py-2 text-left font-semibold";
  const state = (row: TokenRow) => (row.revokedAt ? t("stateRevoked") : row.expiresAt && row.expiresAt <= now ? t("stateExpired") : t("stateActive"));
  return (
    <Section id="api-tokens" title={t("title")}>
      <div className="max-w-2xl space-y-2 text-gray-800">
        <p>{t("intro")}</p>
        <p>{t("secret")}</p>
      </div>
      <div className="mt-4">
        {tokens.length === 0 ? <EmptyNote>{t("none")}</EmptyNote> : (
          <ScrollRegion label={t("caption")}>
            <table className="ds-table" data-size="sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>{t("name")}</th>
                  <th scope="col" className={th}>{t("createdAt")}</th>
                  <th scope="col" className={th}>{t("expiresAt")}</th>
                  <th scope="col" className={th}>{t("lastUsedAt")}</th>
                  <th scope="col" className={th}>{t("state")}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {tokens.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">{row.name}</th>
                    <td className="px-3 py-2"><DateTimeText value={row.createdAt} /></td>
                    <td className="px-3 py-2">{row.expiresAt ? <DateTimeText value={row.expiresAt} /> : t("never")}</td>
                    <td className="px-3 py-2">{row.lastUsedAt ? <DateTimeText value={row.lastUsedAt} /> : t("unused")}</td>
                    <td className="px-3 py-2">{state(row)}</td>
                    <td className="px-3 py-2">
                      <ClientMessages namespaces={["apiTokens"]}><RevokeApiTokenForm id={row.id} name={row.name} revoked={row.revokedAt !== null} /></ClientMessages>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>
      <h3 className="mt-6 mb-2 text-lg font-semibold text-gray-900">{t("new")}</h3>
      <ClientMessages namespaces={["apiTokens"]}><CreateApiTokenForm /></ClientMessages>
    </Section>
  );
}
