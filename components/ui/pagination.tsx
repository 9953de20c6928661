import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links with "page x of y"; hidden when there is one page. */
export async function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("plans.list");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-4">
      {page > 1 ? <Link href={href(page - 1)} className="ds-button" data-variant="secondary" data-size="sm" rel="prev">{t("prev")}</Link> : null}
      <span aria-current="page">{t("page", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)} className="ds-button" data-variant="secondary" data-size="sm" rel="next">{t("next")}</Link> : null}
    </nav>
  );
}
