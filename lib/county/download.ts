// The county view's figures as CSV (Norwegian Excel: lib/csv.ts) and JSON, public fields only.
import { csvRows } from "../csv";
import { countyRecordFields, publicRecord, type CountyFigure } from "./figures";

/** The figures as a CSV file's text: one header row (the JSON's field names), one row each. */
export function countyCsv(figures: CountyFigure[]): string {
  const records = figures.map(publicRecord);
  return csvRows([countyRecordFields, ...records.map((r) => countyRecordFields.map((f) => r[f]))], true);
}

/** The figures as the JSON the download and the API give. */
export function countyJson(county: { number: string; name: string }, figures: CountyFigure[], generatedAt = new Date()) {
  return { county, generatedAt: generatedAt.toISOString(), municipalities: figures.map(publicRecord) };
}
