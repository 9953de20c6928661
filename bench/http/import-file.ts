// A large but valid planprogram workbook for bench/http/import-load.ts (issue 22, item 3):
// node --conditions=react-server --import tsx bench/http/import-file.ts <rows> <summary characters> <out.xlsx>
// Written by the export's own writer, so every column maps and every row is a new plan.
import fs from "node:fs";
import { writePlanWorkbook } from "../../lib/spreadsheet/xlsx";
import { NO_SHEET_STAGES, type SheetPlan } from "../../lib/spreadsheet/columns";

const [rows, summaryChars, out] = [Number(process.argv[2] ?? 20_000), Number(process.argv[3] ?? 100), process.argv[4] ?? "import-load.xlsx"];
const types = ["kommunedelplan", "temaplan", "strategi", "handlingsplan"] as const;
// Text that does not repeat, so the shared-strings table grows as a real planprogram's would.
const words = ["plan", "tiltak", "samfunn", "areal", "klima", "helse", "skole", "vei", "vann", "kultur", "næring", "beredskap"];
const text = (i: number, length: number) => {
  let s = `Sammendrag ${i}:`;
  for (let k = 0; s.length < length; k++) s += ` ${words[(i * 7 + k * 13) % words.length]}${(i + k) % 97}`;
  return s.slice(0, length);
};
const plans: SheetPlan[] = Array.from({ length: rows }, (_, i) => ({
  id: null, version: null, title: `Lastplan ${i} ${Date.now().toString(36)}`, type: types[i % 4]!, status: "vedtatt",
  adoptedOn: new Date(Date.UTC(2015 + (i % 10), i % 12, 1)), adoptedBy: "kommunestyret", caseNumber: `${15 + (i % 10)}/${i}`, decisionUrl: null,
  revisionDueOn: new Date(Date.UTC(2027 + (i % 5), i % 12, 1)), periodFromYear: null, periodToYear: null, responsibleUnit: `Enhet ${i % 40}`, ownerEmail: null,
  legallyRequired: i % 5 === 0, targets: i % 3 === 0 ? ["3.4", "11.3"] : [], summary: text(i, summaryChars), documents: [], relations: [], ...NO_SHEET_STAGES,
}));
const file = fs.createWriteStream(out);
await writePlanWorkbook((async function* () { yield plans; })(), "nb", file);
await new Promise<void>((resolve) => file.close(() => resolve()));
console.log(`${out}: ${rows} rows, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB`);
