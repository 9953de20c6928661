import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dueStates, type PlanListPage, type PlanListParams } from "@/lib/plans/list";
import { planStatuses, planTypes } from "@/lib/plans/schema";

const control = "block w-full rounded border border-gray-500 bg-white px-2 py-1.5";

/** Search and filters as a GET form: the result is a URL that shows the same view. */
export async function PlanFilters({ params, page }: { params: PlanListParams; page: PlanListPage }) {
  const t = await getTranslations("plans.list");
  const tEnum = await getTranslations("enums");
  const locale = await getLocale();
  return (
    <form method="get" action="/plans" role="search" className="mb-6 rounded border border-gray-300 bg-white p-4">
      <div className="mb-4">
        <label htmlFor="plan-q" className="mb-1 block font-medium">{t("search")}</label>
        <input id="plan-q" name="q" type="search" defaultValue={params.q ?? ""} className={`${control} max-w-xl`} />
      </div>
      <fieldset>
        <legend className="mb-2 font-medium">{t("filters")}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="plan-type" className="mb-1 block text-sm">{t("columns.type")}</label>
            <select id="plan-type" name="type" defaultValue={params.type[0] ?? ""} className={control}>
              <option value="">{t("any")}</option>
              {planTypes.map((v) => <option key={v} value={v}>{tEnum(`planType.${v}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="plan-status" className="mb-1 block text-sm">{t("columns.status")}</label>
            <select id="plan-status" name="status" defaultValue={params.status[0] ?? ""} className={control}>
              <option value="">{t("any")}</option>
              {planStatuses.map((v) => <option key={v} value={v}>{tEnum(`planStatus.${v}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="plan-due" className="mb-1 block text-sm">{t("due")}</label>
            <select id="plan-due" name="due" defaultValue={params.due ?? ""} className={control}>
              <option value="">{t("any")}</option>
              {dueStates.map((v) => <option key={v} value={v}>{t(`dueStates.${v}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="plan-unit" className="mb-1 block text-sm">{t("unit")}</label>
            <select id="plan-unit" name="unit" defaultValue={params.unit ?? ""} className={control}>
              <option value="">{t("any")}</option>
              {page.units.map((u) => <option key={u} value={u}>{u}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="plan-owner" className="mb-1 block text-sm">{t("owner")}</label>
            <select id="plan-owner" name="owner" defaultValue={params.owner ? String(params.owner) : ""} className={control}>
              <option value="">{t("any")}</option>
              {page.owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="plan-goal" className="mb-1 block text-sm">{t("goal")}</label>
            <select id="plan-goal" name="goal" defaultValue={params.goal ? String(params.goal) : ""} className={control}>
              <option value="">{t("any")}</option>
              {page.goals.map((g) => <option key={g.code} value={g.code}>{t("goalOption", { code: g.code, title: locale === "nb" ? g.shortNb : g.shortEn })}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="plan-required" className="mb-1 block text-sm">{t("required")}</label>
            <select id="plan-required" name="required" defaultValue={params.required ?? ""} className={control}>
              <option value="">{t("any")}</option>
              <option value="yes">{t("requiredOnly")}</option>
              <option value="no">{t("notRequired")}</option>
            </select>
          </div>
          <div className="flex items-end">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="archived" value="1" defaultChecked={Boolean(params.archived)} className="h-4 w-4" />
              {t("archived")}
            </label>
          </div>
        </div>
      </fieldset>
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
      <div className="mt-4 flex gap-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("filterSubmit")}</button>
        <Link href="/plans" className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-700">{t("reset")}</Link>
      </div>
    </form>
  );
}
