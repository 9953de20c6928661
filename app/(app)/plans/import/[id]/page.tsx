import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/ui/client-messages";
import { MappingForm } from "@/components/import/mapping-form";
import { requirePermission } from "@/lib/auth/guards";
import { guessMapping, storedMapping } from "@/lib/import/mapping";
import { ImportFileError, readSpreadsheet } from "@/lib/import/read-file";
import { fileErrorPath } from "@/lib/import/file-errors";
import { getUpload } from "@/lib/import/store";
import { COLUMN_CODES, COLUMN_KEYS } from "@/lib/spreadsheet/columns";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

const shown = (v: unknown) => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).slice(0, 80);

export default async function ImportMappingPage({ params }: Props) {
  const user = await requirePermission("plan.write");
  const upload = await getUpload((await params).id, user.id);
  if (!upload || upload.appliedAt) redirect("/plans/import?error=expired");
  // An upload stored before a limit existed is refused as a new one would be.
  const table = await readSpreadsheet(upload.fileName, Buffer.from(upload.content)).catch((error: unknown) => {
    if (error instanceof ImportFileError) redirect(fileErrorPath(error));
    throw error;
  });
  const stored = storedMapping(upload.mapping);
  const mapping = stored && stored.columns.length === table.headers.length ? stored.columns : guessMapping(table.headers);
  const t = await getTranslations("import.mapping");
  const tCol = await getTranslations("spreadsheet.columns");
  const tEnum = await getTranslations("enums");
  const first = table.rows[0]?.cells ?? [];
  return (
    <>
      <PageHeader title={t("title", { file: upload.fileName })} lead={`${t("lead")} ${t("rows", { count: table.rows.length })}.`} />
      <ClientMessages namespaces={["import"]}>
        <MappingForm
          upload={upload.id}
          columns={table.headers.map((header, i) => ({ header: shown(header), sample: shown(first[i]), field: mapping[i] ?? "" }))}
          fields={COLUMN_KEYS.map((k) => ({ value: k, label: tCol(k) }))}
          defaults={stored?.defaults}
          statuses={COLUMN_CODES.status.map((c) => ({ value: c, label: tEnum(`planStatus.${c}`) }))}
          bodies={COLUMN_CODES.adoptedBy.map((c) => ({ value: c, label: tEnum(`decisionBody.${c}`) }))}
        />
      </ClientMessages>
    </>
  );
}
