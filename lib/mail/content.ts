// The words of each kind of mail, in the recipient's language: pure functions of the data the
// sender loads (lib/mail/content-data.ts), so tests see exactly what recipients read.
import { createTranslator } from "use-intl/core";
import nb from "../i18n/messages/nb.json";
import en from "../i18n/messages/en.json";
import type { MailLocale, StrategyDecisionKind } from "../generated/prisma/enums";
import type { Block, MailContent } from "./layout";
import { distanceFromDue } from "./schedule";

export const translator = (locale: MailLocale) => createTranslator({ locale, messages: locale === "en" ? en : nb });
type T = ReturnType<typeof translator>;

/** "1. juni 2027" / "1 June 2027" for a date-only value. */
export const formatDay = (locale: MailLocale, day: Date) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day);

export type Common = { locale: MailLocale; baseUrl: string; municipality: string | null; recipientName: string };

const municipalityOf = (t: T, c: Common) => c.municipality ?? t("mail.municipalityFallback");
const footer = (t: T, c: Common, why: string): Block[] => [
  { type: "small", text: why },
  { type: "small", text: t("mail.preferences", { url: `${c.baseUrl}/account#mail` }) },
];

export type ReminderData = {
  plan: { id: number; title: string };
  dueOn: Date;
  /** The day the mail speaks of (the scan's day): what it says is left is counted from it, not from the step's day. */
  asOf: Date;
  decision: { kind: StrategyDecisionKind; periodName: string; targetYear: number | null; note: string } | null;
};

/** "3 måneder og 28 dager" between `asOf` and the due date, either way. */
function timeLeft(t: T, asOf: Date, dueOn: Date): string {
  const { months, days } = distanceFromDue(asOf, dueOn);
  return t("mail.reminder.timeLeft", { months, days, shape: days === 0 ? "months" : months === 0 ? "days" : "both" });
}

/** The owner's reminder: the plan, the date and how far off it is, what the planning strategy expects, a link. */
export function reminderContent(c: Common, d: ReminderData): MailContent {
  const t = translator(c.locale);
  // A mail can go out after its step's day (the first scan after a start, a retry): it says
  // how long is really left on the day it speaks of, and "today" only on the due date itself.
  const when = d.asOf < d.dueOn ? "Lead" : d.asOf > d.dueOn ? "Overdue" : "Due";
  const vars = { title: d.plan.title, date: formatDay(c.locale, d.dueOn), left: timeLeft(t, d.asOf, d.dueOn) };
  const subject = t(`mail.reminder.subject${when}`, vars);
  const intro = t(`mail.reminder.intro${when}`, vars);
  const blocks: Block[] = [{ type: "paragraph", text: t("mail.greeting", { name: c.recipientName }) }, { type: "paragraph", text: intro }];
  if (d.decision) {
    const decision = translator(c.locale)(`enums.strategyDecision.${d.decision.kind}`);
    const parts = [t("mail.reminder.expected", { period: d.decision.periodName, decision })];
    if (d.decision.targetYear) parts.push(t("mail.reminder.targetYear", { year: String(d.decision.targetYear) }));
    blocks.push({ type: "paragraph", text: parts.join(" ") });
    if (d.decision.note.trim()) blocks.push({ type: "paragraph", text: t("mail.reminder.note", { note: d.decision.note.trim() }) });
  } else {
    blocks.push({ type: "paragraph", text: t("mail.reminder.noDecision") });
  }
  blocks.push({ type: "button", text: t("mail.openPlan"), href: `${c.baseUrl}/plans/${d.plan.id}` });
  return { subject, blocks, footer: footer(t, c, t("mail.reminder.why", { municipality: municipalityOf(t, c) })), lang: c.locale };
}

type Listed = { total: number; items: { text: string; href?: string }[] };

export type DigestData = {
  week: string;
  from: Date;
  to: Date;
  fellDue: { total: number; plans: { id: number; title: string; dueOn: Date }[] };
  dueSoon: { total: number; plans: { id: number; title: string; dueOn: Date }[] };
  missing: { total: number; plans: { id: number; title: string }[] };
  changes: { total: number; events: { at: Date; type: string; title: string; actor: string | null; planId: number | null }[] };
};

function section(t: T, heading: string, list: Listed): Block[] {
  const blocks: Block[] = [{ type: "heading", text: heading }];
  if (list.total === 0) return [...blocks, { type: "paragraph", text: t("mail.digest.none") }];
  blocks.push({ type: "list", items: list.items });
  if (list.total > list.items.length) blocks.push({ type: "small", text: t("mail.digest.more", { count: list.total - list.items.length }) });
  return blocks;
}

/** The editors' weekly digest. */
export function digestContent(c: Common, d: DigestData): MailContent {
  const t = translator(c.locale);
  const day = (x: Date) => formatDay(c.locale, x);
  const planHref = (id: number) => `${c.baseUrl}/plans/${id}`;
  const dated = (plans: DigestData["fellDue"]["plans"]) => plans.map((p) => ({ text: t("mail.digest.dueOn", { title: p.title, date: day(p.dueOn) }), href: planHref(p.id) }));
  const audit = t as unknown as { has: (k: string) => boolean; (k: string): string };
  const what = (type: string) => (audit.has(`mail.audit.${type.replace(".", "_")}`) ? audit(`mail.audit.${type.replace(".", "_")}`) : type);
  const blocks: Block[] = [
    { type: "paragraph", text: t("mail.greeting", { name: c.recipientName }) },
    { type: "paragraph", text: t("mail.digest.intro", { municipality: municipalityOf(t, c), from: day(d.from), to: day(d.to) }) },
    ...section(t, t("mail.digest.fellDue", { count: d.fellDue.total }), { total: d.fellDue.total, items: dated(d.fellDue.plans) }),
    ...section(t, t("mail.digest.dueSoon", { count: d.dueSoon.total }), { total: d.dueSoon.total, items: dated(d.dueSoon.plans) }),
    ...section(t, t("mail.digest.missing", { count: d.missing.total }), { total: d.missing.total, items: d.missing.plans.map((p) => ({ text: p.title, href: planHref(p.id) })) }),
    ...section(t, t("mail.digest.changes", { count: d.changes.total }), {
      total: d.changes.total,
      items: d.changes.events.map((e) => ({
        text: t("mail.digest.change", { date: day(e.at), title: e.title, what: what(e.type), actor: e.actor ?? t("mail.digest.system") }),
        href: e.planId ? planHref(e.planId) : undefined,
      })),
    }),
    { type: "button", text: t("mail.summary.open"), href: `${c.baseUrl}/` },
  ];
  return { subject: t("mail.digest.subject", { week: d.week.split("-W")[1]! }), blocks, footer: footer(t, c, t("mail.digest.why")), lang: c.locale };
}

export type SummaryData = {
  quarter: string;
  asOf: Date;
  figures: { overdue: number; dueSoon: number; withoutOwner: number; withoutDueDate: number; total: number };
  strategy: { name: string; done: number; total: number; rate: number | null } | null;
};

/** The politicians' quarterly summary: the overview's figures and the strategy's completion. */
export function summaryContent(c: Common, d: SummaryData): MailContent {
  const t = translator(c.locale);
  const f = d.figures;
  const items = [
    [t("overview.active"), f.total],
    [t("overview.overdue"), f.overdue],
    [t("overview.dueSoon"), f.dueSoon],
    [t("overview.withoutOwner"), f.withoutOwner],
    [t("overview.withoutDueDate"), f.withoutDueDate],
  ].map(([label, value]) => ({ text: `${label}: ${value}` }));
  const rate = d.strategy?.rate === null || !d.strategy ? "" : new Intl.NumberFormat(c.locale === "en" ? "en-GB" : "nb-NO", { style: "percent" }).format(d.strategy.rate);
  const strategy = !d.strategy
    ? t("mail.summary.strategyNone")
    : d.strategy.total === 0
      ? t("mail.summary.completionNone", { name: d.strategy.name })
      : t("mail.summary.completion", { name: d.strategy.name, done: d.strategy.done, total: d.strategy.total, rate });
  const blocks: Block[] = [
    { type: "paragraph", text: t("mail.greeting", { name: c.recipientName }) },
    { type: "paragraph", text: t("mail.summary.intro", { municipality: municipalityOf(t, c), date: formatDay(c.locale, d.asOf) }) },
    { type: "heading", text: t("mail.summary.figures") },
    { type: "list", items },
    { type: "heading", text: t("mail.summary.strategy") },
    { type: "paragraph", text: strategy },
    { type: "button", text: t("mail.summary.open"), href: `${c.baseUrl}/` },
  ];
  const [year, q] = d.quarter.split("-");
  return { subject: t("mail.summary.subject", { quarter: `${q} ${year}` }), blocks, footer: footer(t, c, t("mail.summary.why")), lang: c.locale };
}

/** The admin's test message. */
export function testContent(c: Common, senderName: string): MailContent {
  const t = translator(c.locale);
  return {
    subject: t("mail.test.subject"),
    blocks: [{ type: "paragraph", text: t("mail.test.body", { name: senderName, municipality: municipalityOf(t, c) }) }],
    footer: [],
    lang: c.locale,
  };
}
