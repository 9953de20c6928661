import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/config";

/** A plain form, so switching language works without client JavaScript. */
export async function LanguageSwitch() {
  const t = await getTranslations("common.language");
  const current = await getLocale();
  return (
    <form action={setLocaleAction} className="flex items-center gap-2 text-sm">
      <label htmlFor="locale-select" className="text-gray-100">
        {t("label")}
      </label>
      <select
        id="locale-select"
        name="locale"
        defaultValue={current}
        className="rounded border border-gray-300 bg-white px-2 py-1 text-gray-900"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-white px-2 py-1 text-white hover:bg-brand-800">
        {t("submit")}
      </button>
    </form>
  );
}
