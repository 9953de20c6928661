import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links with "page x of y"; hidden when there is one page. */
export async function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("plans.list");
  const link = "rounded border border-brand-700 px-3 py-1 text-brand-700";
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center gap-4">
      {page > 1 ? <Link href={href(page - 1)} className={link} rel="prev">{t("prev")}</Link> : null}
      <span aria-current="page">{t("page", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)} className={link} rel="next">{t("next")}</Link> : null}
    </nav>
  );
}
