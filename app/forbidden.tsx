import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      <p className="mt-4 text-gray-700">{t("body")}</p>
      <p className="mt-6">
        <Link href="/plans" className="ds-link">{t("home")}</Link>
      </p>
    </main>
  );
}
