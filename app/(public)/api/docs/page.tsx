// The read API's reference for people, rendered from the same OpenAPI document that machines read
// at /api/v1/openapi.json (generated from the zod schemas): endpoints, parameters, answers, a curl example.
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { appBaseUrl } from "@/lib/base-url";
import { openApiDocument } from "@/lib/api/openapi";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "API" };

type Param = { name: string; in: string; description?: string; schema?: { type?: string; enum?: string[]; items?: { enum?: string[] } } };
type Operation = { summary?: string; parameters?: Param[]; responses: Record<string, { description?: string }> };

export default async function ApiDocsPage() {
  const doc = openApiDocument() as unknown as { info: { description?: string }; paths: Record<string, { get: Operation }> };
  const base = appBaseUrl(await headers());
  return (
    <main id="main" tabIndex={-1} lang="en" className="mx-auto max-w-5xl px-4 py-8">
      <PageHeader title="Planregister API (v1)" lead={doc.info.description} />
      <p className="mb-2">
        Machine-readable: <a href="/api/v1/openapi.json" className="text-brand-700 underline">/api/v1/openapi.json</a> (OpenAPI 3.1).{" "}
        <Link href="/innsyn" className="text-brand-700 underline">Innsyn</Link>
      </p>
      <ScrollRegion label="curl example" className="overflow-x-auto rounded border border-gray-300 bg-white p-3">
        <pre className="text-sm">
          {`curl -H "Authorization: Bearer prt_…" "${base}/api/v1/plans?status=vedtatt&sort=revisionDueOn&limit=100"\n`}
          {`curl "${base}/api/v1/plans?cursor=<nextCursor from the previous page>"`}
        </pre>
      </ScrollRegion>
      {Object.entries(doc.paths).map(([path, { get }]) => (
        <Section key={path} id={`op-${path.replace(/[^a-z]/gi, "-")}`} title={`GET /api/v1${path}`}>
          <p className="mb-2">{get.summary}</p>
          {get.parameters?.length ? (
            <ScrollRegion label={`Parameters of ${path}`} className="overflow-x-auto rounded border border-gray-300 bg-white">
              <table className="min-w-full divide-y divide-gray-300 text-sm">
                <caption className="sr-only">Parameters of {path}</caption>
                <thead className="bg-gray-100"><tr><th scope="col" className="px-3 py-2 text-left">Name</th><th scope="col" className="px-3 py-2 text-left">In</th><th scope="col" className="px-3 py-2 text-left">Values</th><th scope="col" className="px-3 py-2 text-left">Description</th></tr></thead>
                <tbody className="divide-y divide-gray-200">
                  {get.parameters.map((p) => (
                    <tr key={p.in + p.name}>
                      <th scope="row" className="px-3 py-2 text-left font-mono">{p.name}</th>
                      <td className="px-3 py-2">{p.in}</td>
                      <td className="px-3 py-2">{(p.schema?.enum ?? p.schema?.items?.enum)?.join(", ") ?? p.schema?.type ?? ""}</td>
                      <td className="px-3 py-2">{p.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : null}
          <ul className="mt-2 list-disc pl-6 text-sm">
            {Object.entries(get.responses).map(([status, r]) => <li key={status}><strong>{status}</strong>: {r.description}</li>)}
          </ul>
        </Section>
      ))}
    </main>
  );
}
