"use client";
// One endpoint's "try it" form. Without JavaScript it is a plain GET form: /api/docs/try sends
// the browser on to the API's URL and the browser shows the JSON. With JavaScript the same
// request is sent with fetch (and the optional token) and the answer shown below the form: its
// status announced in a live region, the headers that matter, the body pretty-printed.
import { useState, type FormEvent } from "react";
import type { TryOperation } from "@/lib/api/try-it";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TryItField } from "./try-it-fields";
import { useApiToken } from "./api-token";

type Answer =
  | { kind: "none" }
  | { kind: "sending" }
  | { kind: "failed"; message: string }
  | { kind: "done"; url: string; status: number; statusText: string; headers: [string, string][]; body: string; summary: string };

const SHOWN_HEADERS = ["content-type", "etag", "cache-control", "retry-after", "www-authenticate"];
const STATUS_TEXT: Record<number, string> = { 200: "OK", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable" };
const MAX_SHOWN = 400_000;

/** The body pretty-printed, and a few words about it for the announcement. */
function describe(text: string): { body: string; words: string } {
  try {
    const json: unknown = JSON.parse(text);
    const items = json && typeof json === "object" && "items" in json && Array.isArray(json.items) ? json.items.length : null;
    const pretty = JSON.stringify(json, null, 2);
    return { body: pretty, words: items === null ? "" : `${items} item${items === 1 ? "" : "s"}` };
  } catch {
    return { body: text, words: "" };
  }
}

async function send(form: HTMLFormElement, token: string): Promise<Answer> {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
  try {
    const response = await fetch(`/api/docs/try?${params}`, {
      headers: { Accept: "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      cache: "no-store",
    });
    const { body, words } = describe(await response.text());
    const url = new URL(response.url);
    const statusText = response.statusText || STATUS_TEXT[response.status] || "";
    const type = response.headers.get("content-type")?.split(";")[0] ?? "";
    return {
      kind: "done",
      url: url.pathname + url.search,
      status: response.status,
      statusText,
      headers: SHOWN_HEADERS.flatMap((h) => (response.headers.has(h) ? [[h, response.headers.get(h)!] as [string, string]] : [])),
      body: body.length > MAX_SHOWN ? `${body.slice(0, MAX_SHOWN)}\n… (cut here; open the URL to see all of it)` : body,
      summary: [`${response.status} ${statusText}`.trim(), type, words].filter(Boolean).join(", "),
    };
  } catch (error) {
    return { kind: "failed", message: `The request could not be sent: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The form of one endpoint and the answer to its last request. */
export function TryItForm({ op }: { op: TryOperation }) {
  const token = useApiToken();
  const [answer, setAnswer] = useState<Answer>({ kind: "none" });
  const idPrefix = `try-${op.operation}`;
  const title = `GET /api/v1${op.path}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAnswer({ kind: "sending" });
    setAnswer(await send(event.currentTarget, token));
  }

  return (
    <div className="mt-3 rounded border border-gray-300 p-4">
      <form method="get" action="/api/docs/try" onSubmit={onSubmit} aria-label={`Try ${title}`}>
        <input type="hidden" name="operation" value={op.operation} />
        {op.fields.length ? (
          <div className="mb-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
            {op.fields.map((f) => <TryItField key={f.in + f.name} field={f} idPrefix={idPrefix} />)}
          </div>
        ) : <p className="mb-3">No parameters.</p>}
        <button type="submit" className="ds-button" data-variant="primary">Send request</button>
      </form>
      <p role="status" className="mt-3 font-semibold">
        {answer.kind === "sending" ? "Sending…" : answer.kind === "failed" ? answer.message : answer.kind === "done" ? `Answer: ${answer.summary}` : ""}
      </p>
      {answer.kind === "done" ? (
        <div className="mt-2">
          <p className="break-all text-sm">Request: <code>GET {answer.url}</code></p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
            {answer.headers.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="font-mono">{name}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
          {answer.body ? (
            <ScrollRegion label={`Answer body of ${title}`} className="mt-2 max-h-[32rem] overflow-auto rounded border border-gray-300 bg-white p-3">
              <pre className="text-sm"><code>{answer.body}</code></pre>
            </ScrollRegion>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
