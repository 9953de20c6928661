import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateTimeText } from "@/components/ui/date-text";
import type { UserListItem } from "@/lib/users/queries";

export async function UserTable({ users }: { users: UserListItem[] }) {
  const t = await getTranslations("users");
  const tRole = await getTranslations("enums.role");
  if (users.length === 0) return <p className="rounded border border-gray-300 bg-white p-6">{t("none")}</p>;
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <div className="overflow-x-auto rounded border border-gray-300 bg-white">
      <table className="min-w-full divide-y divide-gray-300 text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className={th}>{t("columns.name")}</th>
            <th scope="col" className={th}>{t("columns.email")}</th>
            <th scope="col" className={th}>{t("columns.role")}</th>
            <th scope="col" className={th}>{t("columns.status")}</th>
            <th scope="col" className={th}>{t("columns.lastSignIn")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">{u.name}</Link>
              </th>
              <td className="px-3 py-2">{u.email}</td>
              <td className="px-3 py-2">{tRole(u.role)}</td>
              <td className="px-3 py-2">{u.active ? t("active") : t("inactive")}</td>
              <td className="px-3 py-2">{u.lastSignInAt ? <DateTimeText value={u.lastSignInAt} /> : t("never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
