"use client";
// Choose SDG targets: 169 checkboxes grouped by goal. Without JavaScript every goal is a
// <details> to open; with it, a search box narrows the list by word or number.
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { SdgGoalOption } from "@/lib/plans/form-options";

export function SdgPicker({ goals, selected, errors }: { goals: SdgGoalOption[]; selected: string[]; errors?: string[] }) {
  const t = useTranslations("plans.form");
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState(() => new Set(selected));
  const q = query.trim().toLowerCase();
  const visible = useMemo(
    () => goals.map((g) => ({ ...g, targets: q ? g.targets.filter((t) => t.code.startsWith(q) || t.text.toLowerCase().includes(q) || g.title.toLowerCase().includes(q)) : g.targets })),
    [goals, q],
  );
  const toggle = (code: string, on: boolean) => setChosen((prev) => { const next = new Set(prev); if (on) next.add(code); else next.delete(code); return next; });
  return (
    <div>
      <label htmlFor="sdg-search" className="mb-1 block font-medium">{t("sdgSearch")}</label>
      <p id="sdg-hint" className="mb-1 text-sm text-gray-700">{t("sdgHint")}</p>
      <input id="sdg-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="sdg-hint sdg-count" className="mb-2 block w-full max-w-md rounded border border-gray-500 bg-white px-3 py-2" />
      <p id="sdg-count" role="status" className="mb-2 text-sm">{t("sdgSelected", { count: chosen.size })}</p>
      {errors?.length ? <p className="ds-validation-message mb-2">{errors.join(" ")}</p> : null}
      <div className="max-h-[28rem] overflow-y-auto rounded border border-gray-300 bg-white p-2">
        {visible.map((goal) => {
          const all = goals.find((g) => g.code === goal.code)!.targets;
          const chosenHere = all.filter((t) => chosen.has(t.code)).length;
          return (
            <details key={goal.code} open={q ? goal.targets.length > 0 : chosenHere > 0} className={goal.targets.length === 0 ? "hidden" : "border-b border-gray-200 py-1 last:border-0"}>
              <summary className="cursor-pointer py-1 font-medium">
                {goal.code}. {goal.title} {chosenHere ? <span className="ml-1 text-sm text-brand-700">({t("sdgGoalCount", { count: chosenHere })})</span> : null}
              </summary>
              <fieldset className="pl-4">
                <legend className="sr-only">{goal.code}. {goal.title}</legend>
                {all.map((target) => {
                  const shown = goal.targets.some((t) => t.code === target.code);
                  return (
                    <div key={target.code} className={`flex items-start gap-2 py-1 ${shown ? "" : "hidden"}`}>
                      <input id={`target-${target.code}`} type="checkbox" name="targets" value={target.code} checked={chosen.has(target.code)} onChange={(e) => toggle(target.code, e.target.checked)} className="mt-1 h-4 w-4" />
                      <label htmlFor={`target-${target.code}`}><span className="font-mono font-semibold">{target.code}</span> <span lang={target.lang}>{target.text}</span></label>
                    </div>
                  );
                })}
              </fieldset>
            </details>
          );
        })}
      </div>
    </div>
  );
}
