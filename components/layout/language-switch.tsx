import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/config";

/** A plain form, so switching language works without client JavaScript. */
export async function LanguageSwitch() {
  const t = await getTranslations("common.language");
  const current = await getLocale();
  return (
    <form action={setLocaleAction} className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="locale-select" className="ds-label" data-weight="regular">
        {t("label")}
      </label>
      <select id="locale-select" name="locale" defaultValue={current} className="ds-input w-auto" data-size="sm">
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
        {t("submit")}
      </button>
    </form>
  );
}
