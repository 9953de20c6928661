import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dueStates, type PlanListParams } from "@/lib/plans/list";
import { planStatuses, planTypes } from "@/lib/plans/schema";
import { publicStatuses } from "@/lib/public/visibility";
import { FilterSelect, filterControl as control } from "@/components/ui/filter-select";

type Choices = { units: string[]; goals: { code: number; shortNb: string; shortEn: string }[] };

/** Signed-in: the register (/plans) with owner and archived. Public: innsyn, without them and with the public statuses only. */
type Props = { params: PlanListParams } & ({ audience: "staff"; choices: Choices & { owners: { id: number; name: string }[] } } | { audience: "public"; choices: Choices });

/** Search and filters as a GET form: the result is a URL that shows the same view. */
export async function PlanFilters(props: Props) {
  const { params, choices } = props;
  const staff = props.audience === "staff" ? props.choices : null;
  const action = staff ? "/plans" : "/innsyn";
  const t = await getTranslations("plans.list");
  const tEnum = await getTranslations("enums");
  const locale = await getLocale();
  const any = t("any");
  return (
    <form method="get" action={action} role="search" className="mb-6 rounded border border-gray-300 bg-white p-4">
      <div className="mb-4">
        <label htmlFor="plan-q" className="mb-1 block font-medium">{t("search")}</label>
        <input id="plan-q" name="q" type="search" defaultValue={params.q ?? ""} className={`${control} max-w-xl`} />
      </div>
      <fieldset>
        <legend className="mb-2 font-medium">{t("filters")}</legend>
        <div className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${staff ? "lg:grid-cols-4" : "lg:grid-cols-3"}`}>
          <FilterSelect name="type" label={t("columns.type")} value={params.type[0] ?? ""} anyLabel={any} options={planTypes.map((v) => ({ value: v, label: tEnum(`planType.${v}`) }))} />
          <FilterSelect name="status" label={t("columns.status")} value={params.status[0] ?? ""} anyLabel={any} options={(staff ? planStatuses : publicStatuses).map((v) => ({ value: v, label: tEnum(`planStatus.${v}`) }))} />
          <FilterSelect name="due" label={t("due")} value={params.due ?? ""} anyLabel={any} options={dueStates.map((v) => ({ value: v, label: t(`dueStates.${v}`) }))} />
          <FilterSelect name="unit" label={t("unit")} value={params.unit ?? ""} anyLabel={any} options={choices.units.map((u) => ({ value: u, label: u }))} />
          {staff ? <FilterSelect name="owner" label={t("owner")} value={params.owner ? String(params.owner) : ""} anyLabel={any} options={staff.owners.map((o) => ({ value: String(o.id), label: o.name }))} /> : null}
          <FilterSelect name="goal" label={t("goal")} value={params.goal ? String(params.goal) : ""} anyLabel={any} options={choices.goals.map((g) => ({ value: String(g.code), label: t("goalOption", { code: g.code, title: locale === "nb" ? g.shortNb : g.shortEn }) }))} />
          <FilterSelect name="required" label={t("required")} value={params.required ?? ""} anyLabel={any} options={[{ value: "yes", label: t("requiredOnly") }, { value: "no", label: t("notRequired") }]} />
          {staff ? (
            <div className="flex items-end">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="archived" value="1" defaultChecked={Boolean(params.archived)} className="h-4 w-4" />
                {t("archived")}
              </label>
            </div>
          ) : null}
        </div>
      </fieldset>
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
      <div className="mt-4 flex gap-3">
        <button type="submit" className="ds-button" data-variant="primary">{t("filterSubmit")}</button>
        <Link href={action} className="ds-button" data-variant="secondary">{t("reset")}</Link>
      </div>
    </form>
  );
}
