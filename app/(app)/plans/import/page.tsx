import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { IMPORT_FILE_ERRORS } from "@/lib/import/file-errors";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ImportPage({ searchParams }: Props) {
  await requirePermission("plan.write");
  const t = await getTranslations("import");
  const search = await searchParams;
  const error = IMPORT_FILE_ERRORS.find((k) => k === one(search.error));
  const number = (v: string | string[] | undefined) => (/^\d{1,9}$/.test(one(v) ?? "") ? Number(one(v)) : 0);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {error ? <p role="alert" className="ds-alert mb-4 max-w-3xl" data-color="danger">{t(`fileErrors.${error}`, { max: number(search.max), line: number(search.line) })}</p> : null}
      <form action="/plans/import/upload" method="post" encType="multipart/form-data" className="mb-8 max-w-3xl rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-4">
        <label htmlFor="import-file" className="mb-1 block font-medium text-gray-900">{t("file")}</label>
        <p id="import-file-hint" className="mb-2 text-sm text-gray-700">{t("fileHint")}</p>
        <input id="import-file" name="file" type="file" required accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="import-file-hint" aria-invalid={error ? true : undefined} className="mb-4 block w-full max-w-md rounded border border-gray-500 bg-white px-3 py-2 text-gray-900" />
        <button type="submit" className="ds-button" data-variant="primary">{t("upload")}</button>
      </form>
      <ul className="mb-8 flex flex-wrap gap-6">
        <li><a href="/plans/import/template" className="ds-link" download>{t("template")}</a></li>
        <li><a href="/plans/import/example" className="ds-link" download>{t("example")}</a></li>
      </ul>
      <h2 className="mb-2 text-xl font-semibold text-gray-900">{t("rulesTitle")}</h2>
      <p className="max-w-3xl text-gray-800">{t("rules")}</p>
    </>
  );
}
