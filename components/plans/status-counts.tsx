import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PlanListPage, PlanListParams } from "@/lib/plans/list";
import { planStatuses } from "@/lib/plans/schema";
import { listHref } from "@/lib/plans/list-url";

/** How many plans of each status the current filter finds; each count filters by that status. */
export async function StatusCounts({ params, counts }: { params: PlanListParams; counts: PlanListPage["statusCounts"] }) {
  const t = await getTranslations("plans.list");
  const tEnum = await getTranslations("enums.planStatus");
  return (
    <nav aria-label={t("statusCounts")} className="mb-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        {planStatuses.map((s) => {
          const active = params.status.includes(s);
          return (
            <li key={s}>
              <Link href={listHref(params, { status: active ? undefined : s, page: undefined })} aria-current={active ? "true" : undefined} className="ds-button" data-size="sm" data-variant={active ? "primary" : "secondary"}>
                {tEnum(s)}: {counts[s] ?? 0}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
