import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateTimeText } from "@/components/ui/date-text";
import type { UserListItem } from "@/lib/users/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function UserTable({ users }: { users: UserListItem[] }) {
  const t = await getTranslations("users");
  const tRole = await getTranslations("enums.role");
  if (users.length === 0) return <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-tinted)] p-6">{t("none")}</p>;
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <ScrollRegion label={t("caption")}>
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t("columns.name")}</th>
            <th scope="col" className={th}>{t("columns.email")}</th>
            <th scope="col" className={th}>{t("columns.role")}</th>
            <th scope="col" className={th}>{t("columns.status")}</th>
            <th scope="col" className={th}>{t("columns.lastSignIn")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/admin/users/${u.id}`} className="ds-link">{u.name}</Link>
              </th>
              <td className="px-3 py-2">{u.email}</td>
              <td className="px-3 py-2">{tRole(u.role)}</td>
              <td className="px-3 py-2">{u.active ? t("active") : t("inactive")}</td>
              <td className="px-3 py-2">{u.lastSignInAt ? <DateTimeText value={u.lastSignInAt} /> : t("never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
