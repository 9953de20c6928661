// The read API's reference for people, rendered from the same OpenAPI document that machines read
// at /api/v1/openapi.json (generated from the zod schemas): per endpoint a form to try it
// (lib/api/try-it.ts, components/api-docs), its answers, and a curl example.
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { appBaseUrl } from "@/lib/app-base-url";
import { openApiDocument } from "@/lib/api/openapi";
import { tryOperations } from "@/lib/api/try-it";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ApiTokenField, ApiTokenProvider } from "@/components/api-docs/api-token";
import { TryItForm } from "@/components/api-docs/try-it-form";

export const metadata: Metadata = { title: "API" };

export default async function ApiDocsPage() {
  const { info } = openApiDocument() as unknown as { info: { description?: string } };
  const base = await appBaseUrl(await headers());
  return (
    <main id="main" tabIndex={-1} lang="en" className="mx-auto max-w-5xl px-4 py-8">
      <PageHeader title="Planregister API (v1)" lead={info.description} />
      <p className="mb-2">
        Machine-readable: <a href="/api/v1/openapi.json" className="ds-link">/api/v1/openapi.json</a> (OpenAPI 3.1).{" "}
        <Link href="/innsyn" className="ds-link">Innsyn</Link>
      </p>
      <ScrollRegion label="curl example" className="overflow-x-auto rounded border border-gray-300 bg-white p-3">
        <pre className="text-sm">
          {`curl -H "Authorization: Bearer prt_…" "${base}/api/v1/plans?status=vedtatt&sort=revisionDueOn&limit=100"\n`}
          {`curl "${base}/api/v1/plans?cursor=<nextCursor from the previous page>"`}
        </pre>
      </ScrollRegion>
      <ApiTokenProvider>
        <Section id="try" title="Try it">
          <p className="mb-3">
            Each endpoint below has a form: fill in what you need (empty fields are left out) and send it. The answer is shown
            under the form, as the API gives it: a bad value gets the API&apos;s own 400 naming the parameter.
          </p>
          <ApiTokenField />
        </Section>
        {tryOperations().map((op) => (
          <Section key={op.path} id={`op-${op.path.replace(/[^a-z]/gi, "-")}`} title={`GET /api/v1${op.path}`}>
            <p className="mb-2">{op.summary}</p>
            <TryItForm op={op} />
            <h3 className="mt-4 font-semibold">Answers</h3>
            <ul className="mt-1 list-disc pl-6 text-sm">
              {op.responses.map((r) => <li key={r.status}><strong>{r.status}</strong>: {r.description}</li>)}
            </ul>
          </Section>
        ))}
      </ApiTokenProvider>
    </main>
  );
}
