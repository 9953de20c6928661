import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { TenantKind } from "@/lib/tenants/schema";

type Row = { id: number; kind: TenantKind; kommunenummer: string | null; name: string; countyNumber: string; countyName: string; hosts: { host: string }[] };

/** The operator's list of tenants with their host names. */
export async function TenantTable({ tenants }: { tenants: Row[] }) {
  const t = await getTranslations("operator");
  const tKind = await getTranslations("enums.tenantKind");
  if (tenants.length === 0) return <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] p-6">{t("none")}</p>;
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <ScrollRegion label={t("caption")}>
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t("columns.name")}</th>
            <th scope="col" className={th}>{t("columns.kind")}</th>
            <th scope="col" className={th}>{t("columns.kommunenummer")}</th>
            <th scope="col" className={th}>{t("columns.county")}</th>
            <th scope="col" className={th}>{t("columns.hosts")}</th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((x) => (
            <tr key={x.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium"><Link href={`/operator/${x.id}`} className="ds-link">{x.name}</Link></th>
              <td className="px-3 py-2">{tKind(x.kind)}</td>
              <td className="px-3 py-2">{x.kommunenummer ?? "–"}</td>
              <td className="px-3 py-2">{x.countyName ? `${x.countyNumber} ${x.countyName}` : "–"}</td>
              <td className="px-3 py-2 font-mono text-sm">{x.hosts.map((h) => h.host).join(", ") || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
