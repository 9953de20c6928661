import { getFormatter, getTranslations } from "next-intl/server";
import { isoDate } from "@/lib/dates";

/** A date-only value as a <time>, or "not set". */
export async function DateText({ value }: { value: Date | null }) {
  if (!value) {
    const t = await getTranslations("common");
    return <span className="text-gray-600">{t("notSet")}</span>;
  }
  const format = await getFormatter();
  return <time dateTime={isoDate(value)}>{format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" })}</time>;
}

/** An instant (timestamptz) in Europe/Oslo time. */
export async function DateTimeText({ value }: { value: Date }) {
  const format = await getFormatter();
  return <time dateTime={value.toISOString()}>{format.dateTime(value, { dateStyle: "medium", timeStyle: "short" })}</time>;
}
