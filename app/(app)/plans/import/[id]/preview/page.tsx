import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ClientMessages } from "@/components/ui/client-messages";
import { ApplyForm } from "@/components/import/apply-form";
import { PreviewTable, type PreviewRow } from "@/components/import/preview-table";
import { requirePermission } from "@/lib/auth/guards";
import { getUpload, PREVIEW_FILTERS, previewCounts, previewPage, type PreviewFilter } from "@/lib/import/store";
import { ownerNames } from "@/lib/import/owners";
import { NEEDED_COLUMNS, storedMapping } from "@/lib/import/mapping";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ImportPreviewPage({ params, searchParams }: Props) {
  const user = await requirePermission("plan.write");
  const upload = await getUpload((await params).id, user.id);
  if (!upload) redirect("/plans/import?error=expired");
  if (upload.mapping === null) redirect(`/plans/import/${upload.id}`);
  const search = await searchParams;
  const filter: PreviewFilter = PREVIEW_FILTERS.find((f) => f === one(search.show)) ?? "all";
  const pageNumber = /^\d{1,6}$/.test(one(search.page) ?? "") ? Number(one(search.page)) : 1;
  const counts = await previewCounts(upload.id);
  const page = await previewPage(upload.id, filter, pageNumber);
  const rows = page.rows as unknown as PreviewRow[];
  const names = await ownerNames(rows);
  const t = await getTranslations("import.preview");
  const tCol = await getTranslations("spreadsheet.columns");
  const tEnum = await getTranslations("enums");
  const stored = storedMapping(upload.mapping);
  const defaults = stored?.defaults;
  // The fields a plan needs that no column of the file was mapped to.
  const missing = stored ? NEEDED_COLUMNS.filter((k) => !stored.columns.includes(k)) : [];
  const href = (f: PreviewFilter, p = 1) => `/plans/import/${upload.id}/preview?${new URLSearchParams({ ...(f !== "all" ? { show: f } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const blocking = counts.error + counts.conflict;
  const writes = counts.new + counts.changed;
  return (
    <>
      <PageHeader title={t("title", { file: upload.fileName })} lead={upload.appliedAt ? undefined : t("lead")} />
      {upload.appliedAt ? (
        <p role="status" className="ds-alert mb-4 max-w-3xl" data-color="success">
          {t("applied", { created: counts.new, updated: counts.changed })} <Link href="/plans" className="underline underline-offset-2">{(await getTranslations("nav"))("plans")}</Link>
        </p>
      ) : null}
      <p role="status" className="mb-3 text-gray-800">{t("counts", counts)}</p>
      {missing.length && !upload.appliedAt ? (
        <div className="ds-alert mb-4 max-w-3xl" data-color="info">
          <p>{t("missing", { columns: missing.map((k) => tCol(k)).join(", ") })}</p>
          {missing.includes("status") ? <p>{defaults?.status === "fromAdoption" ? t("statusFromAdoption") : t("statusDefault", { status: tEnum(`planStatus.${defaults!.status as "planlagt"}`) })}</p> : null}
          {missing.includes("adoptedBy") && defaults?.adoptedBy ? <p>{t("adoptedByDefault", { body: tEnum(`decisionBody.${defaults.adoptedBy as "annet"}`) })}</p> : null}
        </div>
      ) : null}
      <nav aria-label={t("filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {PREVIEW_FILTERS.map((f) => (
          <Link key={f} href={href(f)} aria-current={f === filter ? "page" : undefined} className="ds-button" data-variant={f === filter ? "primary" : "secondary"} data-size="sm">
            {t(`filters.${f}`)}{f !== "all" ? ` (${counts[f]})` : ""}
          </Link>
        ))}
      </nav>
      {upload.appliedAt ? null : blocking > 0 ? (
        <p role="alert" className="ds-alert mb-4 max-w-3xl" data-color="danger">{t("blocked")}</p>
      ) : writes === 0 ? (
        <p className="ds-alert mb-4 max-w-3xl" data-color="info">{t("nothing")}</p>
      ) : (
        <ClientMessages namespaces={["import"]}><ApplyForm upload={upload.id} count={writes} /></ClientMessages>
      )}
      {page.rows.length ? <PreviewTable rows={rows} ownerNames={names} /> : <p className="mb-4 rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-4">{t("none")}</p>}
      <Pagination page={page.page} pages={page.pages} href={(p) => href(filter, p)} />
      {upload.appliedAt ? null : (
        <ul className="mt-6 flex flex-wrap gap-6">
          <li><Link href={`/plans/import/${upload.id}`} className="ds-link">{t("remap")}</Link></li>
          <li><Link href="/plans/import" className="ds-link">{t("uploadAgain")}</Link></li>
        </ul>
      )}
    </>
  );
}
