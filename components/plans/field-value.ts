// One plan field's value as the plan pages show it (codes as their labels, dates as the date
// fields show them, yes/no): shared by the plan history and the import preview.
import { getFormatter, getTranslations } from "next-intl/server";

/** A function that shows a scalar field's value; lists are left to the caller. */
export async function fieldValueText(ownerNames: Map<number, string>) {
  const t = await getTranslations();
  const format = await getFormatter();
  const empty = t("plans.history.empty");
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return empty;
    switch (field) {
      case "type": return t(`enums.planType.${v as "annet"}`);
      case "status": return t(`enums.planStatus.${v as "vedtatt"}`);
      case "adoptedBy": return t(`enums.decisionBody.${v as "annet"}`);
      case "ownerId": return ownerNames.get(v as number) ?? `#${String(v)}`;
      case "legallyRequired":
      case "publicDraft":
      case "archived": return v ? t("common.yes") : t("common.no");
      case "adoptedOn":
      case "revisionDueOn": return format.dateTime(new Date(`${String(v)}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
      default: return String(v);
    }
  };
}
