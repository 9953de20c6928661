// SDG texts in the UI language; 24 targets have no published bokmål text and fall back to English.
import type { Locale } from "./i18n/config";

export type LocalizedText = { text: string; lang: Locale; fallback: boolean };

/** The target's text in `locale`, or the English one marked as a fallback. */
export function targetText(target: { textNb: string | null; textEn: string }, locale: Locale): LocalizedText {
  if (locale === "nb" && target.textNb) return { text: target.textNb, lang: "nb", fallback: false };
  return { text: target.textEn, lang: "en", fallback: locale !== "en" };
}

/** The goal's title in `locale` (every goal has both). */
export function goalTitle(goal: { titleNb: string; titleEn: string }, locale: Locale): string {
  return locale === "nb" ? goal.titleNb : goal.titleEn;
}

/** Groups a plan's targets under their goals, keeping the given order. */
export function groupByGoal<T extends { target: { goalCode: number; goal: unknown } }>(
  links: T[],
): { goal: T["target"]["goal"]; links: T[] }[] {
  type Group = { goal: T["target"]["goal"]; links: T[] };
  const groups = new Map<number, Group>();
  for (const link of links) {
    const group: Group = groups.get(link.target.goalCode) ?? { goal: link.target.goal, links: [] };
    group.links.push(link);
    groups.set(link.target.goalCode, group);
  }
  return [...groups.values()];
}
