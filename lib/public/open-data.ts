// The public register as open data (NLOD 2.0): every public plan, in the allow-list's fields and
// order, read 1,000 at a time with the API's keyset pages, so memory holds one batch at a time.
import "server-only";
import { db } from "../db";
import { csvResponse, type CsvCell } from "../csv";
import { isoDate, todayInOslo } from "../dates";
import { PUBLIC_PLAN_FIELDS, type PublicPlan } from "./fields";
import { listPlans } from "./plans";
import { PUBLIC } from "./visibility";
import { getSettings } from "../settings";
import { getTenant } from "../tenant";
import { municipalFileName } from "../tenant-files";

export const OPEN_DATA_LICENCE = "NLOD 2.0 (https://data.norge.no/nlod/no/2.0)";
const BATCH = 1000;
const headers = { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" };

/** The next batch of public plans in title order on each call; [] at the end. */
function batches() {
  let cursor: string | undefined;
  let done = false;
  return async (): Promise<PublicPlan[]> => {
    if (done) return [];
    const page = await listPlans(PUBLIC, { limit: BATCH, cursor }, db);
    cursor = page.nextCursor ?? undefined;
    done = page.nextCursor === null;
    return page.items as PublicPlan[];
  };
}

// Lists as words; a consultation as its ISO 8601 interval ("2027-01-10/2027-02-21").
const cell = (v: PublicPlan[keyof PublicPlan]): CsvCell => (Array.isArray(v) ? v.join(" ") : v !== null && typeof v === "object" ? `${v.from}/${v.to}` : v);

/** plans.csv: one row per public plan, the allow-list's fields as columns; the file named for its municipality. */
export async function openDataCsv(): Promise<Response> {
  const next = batches();
  const response = csvResponse(await municipalFileName(`planer-${isoDate(todayInOslo())}.csv`), [...PUBLIC_PLAN_FIELDS], async () =>
    (await next()).map((p) => PUBLIC_PLAN_FIELDS.map((k) => cell(p[k]))),
  );
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

/** plans.json: { licence, publisher, generatedAt, plans: [...] }, streamed; the publisher is the municipality. */
export async function openDataJson(): Promise<Response> {
  const next = batches();
  const tenant = await getTenant();
  const publisher = { name: (await getSettings()).municipalityName, kommunenummer: tenant.kommunenummer };
  const filename = await municipalFileName(`planer-${isoDate(todayInOslo())}.json`);
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`{"licence":${JSON.stringify(OPEN_DATA_LICENCE)},"publisher":${JSON.stringify(publisher)},"generatedAt":${JSON.stringify(new Date().toISOString())},"plans":[`));
    },
    async pull(controller) {
      const plans = await next();
      if (plans.length === 0) {
        controller.enqueue(encoder.encode("]}\n"));
        return controller.close();
      }
      controller.enqueue(encoder.encode(plans.map((p) => (first ? ((first = false), "") : ",") + JSON.stringify(p)).join("")));
    },
  });
  return new Response(body, {
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` },
  });
}
