// The council docx of a whole 8,000-plan schedule: time and memory of one build, and 8 viewers at
// once with and without lib/council/bounded.ts (decision 041). Usage (a database for the register
// version): DATABASE_URL=… node --conditions=react-server --import tsx bench/council/measure.ts
import { boundedCouncilFile } from "../../lib/council/bounded";
import { scheduleDocument, type ScheduleDocRow } from "../../lib/council/schedule";

const PLANS = Number(process.env.PLANS ?? 8000);
const rows: ScheduleDocRow[] = Array.from({ length: PLANS }, (_, i) => ({
  title: `Plan for samisk språk og kultur – Åarjel-saemien nr. ${i}`, type: "temaplan", responsibleUnit: `Enhet ${i % 40}`,
  owner: { name: `Eier ${i % 90}` }, adoptedOn: new Date(Date.UTC(2015 + (i % 10), 0, 1)), caseNumber: `${15 + (i % 10)}/${1000 + i}`, revisionDueOn: new Date(Date.UTC(2024 + (i % 12), 5, 1)),
}));
const meta = { municipality: "Røros kommune", subtitle: `${PLANS} planer`, printedOn: new Date(), today: new Date(), locale: "nb" as const, caseLinkTemplate: "https://innsyn.kommune.example/journal?saksaar={saksaar}&sekvensnr={sekvensnr}" };
let builds = 0;
const build = () => { builds++; return scheduleDocument("docx", meta, rows); };
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

// The build blocks the event loop, so memory is read as the process's high-water mark (maxRSS).
const maxRss = () => process.resourceUsage().maxRSS * 1024;
async function measure(label: string, run: () => Promise<unknown>) {
  const [before, started] = [maxRss(), performance.now()];
  builds = 0;
  await run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s, ${builds} build(s), peak RSS ${mb(maxRss())} (+${mb(maxRss() - before)})`);
}

await measure("one build", async () => { const file = await build(); console.log(`  size ${(file.length / 1024 / 1024).toFixed(1)} MB`); });
await measure("8 at once, bounded, same document", () => Promise.all(Array.from({ length: 8 }, () => boundedCouncilFile("bench", build))));
await measure("8 at once, bounded, 8 different documents", async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => boundedCouncilFile(`bench ${i}`, build)));
  console.log(`  built ${answers.filter(Boolean).length}, refused (503) ${answers.filter((a) => !a).length}`);
});
await measure("8 at once, unbounded", () => Promise.all(Array.from({ length: 8 }, build)));
process.exit(0);
