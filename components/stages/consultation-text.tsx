import { getFormatter, getTranslations } from "next-intl/server";
import type { ConsultationView } from "@/lib/plans/stage-view";

// Designsystemet tag colours; the words carry the meaning, the colour only repeats it.
const colour = (c: ConsultationView) => (c.deadlinePassed ? "danger" : c.state === "open" ? "warning" : "neutral");

/** A consultation in words: "På høring til 21. feb. 2027", "Høringsfrist utløpt 21. feb. 2027", "Høring fra …". */
export async function ConsultationText({ consultation: c }: { consultation: ConsultationView }) {
  const t = await getTranslations("consultation");
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const text = c.deadlinePassed ? t("ended", { date: date(c.to) })
    : c.state === "open" ? t("open", { date: date(c.to) })
    : c.state === "upcoming" ? t("upcoming", { date: date(c.from) })
    : t("period", { from: date(c.from), to: date(c.to) });
  return (
    <span data-consultation-state={c.deadlinePassed ? "deadline-passed" : c.state} className="ds-tag whitespace-nowrap font-medium" data-color={colour(c)} data-variant={colour(c) === "neutral" ? "outline" : undefined} data-size="sm">
      {text}
    </span>
  );
}

/** The consultation period, its state in words and the link to its documents. */
export async function ConsultationDetails({ consultation: c, title }: { consultation: ConsultationView; title: string }) {
  const t = await getTranslations("consultation");
  const format = await getFormatter();
  const date = (iso: string) => <time dateTime={iso}>{format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</time>;
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span>{date(c.from)} – {date(c.to)}</span>
      <ConsultationText consultation={c} />
      {c.url ? <a href={c.url} className="ds-link" rel="noopener noreferrer" aria-label={t("documentsFor", { title })}>{t("documents")}</a> : null}
    </span>
  );
}
