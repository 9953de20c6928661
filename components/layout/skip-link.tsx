import { getTranslations } from "next-intl/server";

/** The first thing on every page: a link past the header to the page's <main id="main">. */
export async function SkipLink() {
  const t = await getTranslations("common");
  return (
    <a href="#main" className="ds-skip-link">
      {t("skipToContent")}
    </a>
  );
}
