import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isFiltered, type SdgCoverageParams } from "@/lib/sdg/schema";

/** Says which filter applies; printed too, where the filter form is not. */
export async function FilterNotice({ params, clearHref }: { params: SdgCoverageParams; clearHref: string }) {
  if (!isFiltered(params)) return null;
  const t = await getTranslations("sdgCoverage");
  const tEnum = await getTranslations("enums");
  const parts = [...params.type.map((v) => tEnum(`planType.${v}`)), ...(params.unit ? [params.unit] : [])];
  return (
    <p className="mb-4 rounded border border-brand-700 bg-white p-3">
      {t("filterNotice", { filter: parts.join(", ") })}{" "}
      <Link href={clearHref} className="no-print text-brand-700 underline">{t("showAll")}</Link>
    </p>
  );
}
