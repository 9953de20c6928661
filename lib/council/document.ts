// A table for the council's papers (an attachment to a saksframlegg), as Word (docx) and as Excel
// (exceljs): the municipality's name, the title and period, the date printed, and the table with
// its header row repeated on every page; Word gets page numbers and landscape pages when the
// table is wide. Rows in, a Buffer out: the planprogram, the revision schedule and drafts use it.
// Case numbers become links into the municipality's archive, as on the pages (lib/links.ts).
import ExcelJS from "exceljs";
import { AlignmentType, Document, ExternalHyperlink, Footer, Header, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { caseLink } from "../links";

export type CouncilColumn = { header: string; /** relative width; xlsx column width in characters */ width: number; kind?: "text" | "date" | "number" | "caseNumber" };
export type CouncilCell = string | number | Date | null;
export type CouncilTable = {
  /** The municipality's name (admin settings); left out where empty. */
  municipality: string;
  title: string;
  /** e.g. the period, "2024–2027", or the filter */
  subtitle: string;
  /** "Skrevet ut 26. november 2026" */
  printed: string;
  columns: CouncilColumn[];
  rows: CouncilCell[][];
  /** Optional group headings: a row index → heading before it. */
  groups?: Map<number, string>;
  /** A case number for the whole document (the planning strategy's decision), under the subtitle. */
  caseNumber?: { label: string; value: string } | null;
  /** The municipality's archive-link template (settings); a case number that does not fit stays text. */
  caseLinkTemplate: string | null;
  labels: { page: string; of: string; sheetName: string };
};

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Tables wider than this many relative width units get landscape pages. */
const LANDSCAPE_FROM = 90;
const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
// XML 1.0 forbids most control characters, U+FFFE/U+FFFF and unpaired surrogates: the docx writer
// drops some (so "A\u0002B" reads "AB") and writes the rest into a file Word refuses and LibreOffice
// loses text at. A cell is one line, as on the page: controls and line breaks become a space,
// letters are composed (NFC), so the document's text is the text the schedule page shows.
const NOT_TEXT = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** `text` as one line of a council document: composed, without characters a document cannot hold. */
export const documentText = (text: string) => text.normalize("NFC").replace(NOT_TEXT, " ").replace(/\s+/g, " ").trim();
const cellText = (c: CouncilCell) => (c === null ? "" : c instanceof Date ? dmy(c) : documentText(String(c)));

// A case number as a Word run: a hyperlink into the archive where the template and pattern allow it.
function caseRun(text: string, template: string | null, size?: number) {
  const href = caseLink(template, text);
  const run = new TextRun({ text, size, style: href ? "Hyperlink" : undefined });
  return href ? new ExternalHyperlink({ link: href, children: [run] }) : run;
}

/** The table as a Word document. */
export async function councilDocx(doc: CouncilTable): Promise<Buffer> {
  const total = doc.columns.reduce((n, c) => n + c.width, 0);
  const landscape = total >= LANDSCAPE_FROM;
  const cell = (text: string, bold = false, width?: number, kind?: CouncilColumn["kind"]) =>
    new TableCell({
      width: width ? { size: Math.round((width / total) * 100), type: WidthType.PERCENTAGE } : undefined,
      children: [new Paragraph({ children: [kind === "caseNumber" && text ? caseRun(text, doc.caseLinkTemplate, 18) : new TextRun({ text, bold, size: 18 })] })],
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: doc.columns.map((c) => cell(c.header, true, c.width)) });
  const body: TableRow[] = [];
  doc.rows.forEach((row, i) => {
    const group = doc.groups?.get(i);
    if (group) body.push(new TableRow({ cantSplit: true, children: [new TableCell({ columnSpan: doc.columns.length, children: [new Paragraph({ children: [new TextRun({ text: documentText(group), bold: true, size: 20 })] })] })] }));
    body.push(new TableRow({ cantSplit: true, children: row.map((c, j) => cell(cellText(c), false, undefined, doc.columns[j]?.kind)) }));
  });
  const document = new Document({
    creator: doc.municipality,
    title: `${doc.title} ${doc.subtitle}`.trim(),
    styles: { default: { document: { run: { font: "Calibri", size: 20 } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
      headers: doc.municipality ? { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: documentText(doc.municipality), size: 18 })] })] }) } : undefined,
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 18, children: [`${doc.labels.page} `, PageNumber.CURRENT, ` ${doc.labels.of} `, PageNumber.TOTAL_PAGES] })] })],
        }),
      },
      children: [
        ...(doc.municipality ? [new Paragraph({ children: [new TextRun({ text: documentText(doc.municipality), bold: true })] })] : []),
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(documentText(doc.title))] }),
        new Paragraph({ children: [new TextRun(documentText(doc.subtitle))] }),
        ...(doc.caseNumber ? [new Paragraph({ children: [new TextRun(`${doc.caseNumber.label}: `), caseRun(documentText(doc.caseNumber.value), doc.caseLinkTemplate)] })] : []),
        new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: doc.printed, italics: true })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body] }),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

// A case number as an Excel cell: a hyperlink where the template and pattern allow it, else text.
function caseCell(text: string, caseNumber: string, template: string | null): ExcelJS.CellValue {
  const href = caseLink(template, caseNumber);
  return href ? { text, hyperlink: href } : text;
}

/** The same table as an Excel workbook: the heading lines, then the table (header frozen and repeated when printed). */
export async function councilXlsx(doc: CouncilTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.municipality;
  const total = doc.columns.reduce((n, c) => n + c.width, 0);
  const headerRow = 5;
  const sheet = workbook.addWorksheet(doc.labels.sheetName.slice(0, 31), {
    views: [{ state: "frozen", ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: total >= LANDSCAPE_FROM ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
    headerFooter: { oddFooter: `${doc.labels.page} &P ${doc.labels.of} &N` },
  });
  sheet.columns = doc.columns.map((c) => ({ width: c.width, style: c.kind === "date" ? { numFmt: "dd.mm.yyyy" } : {} }));
  sheet.getCell("A1").value = doc.municipality;
  sheet.getCell("A1").font = { bold: true };
  sheet.getCell("A2").value = doc.title;
  sheet.getCell("A2").font = { bold: true, size: 14 };
  sheet.getCell("A3").value = doc.subtitle;
  if (doc.caseNumber) sheet.getCell("B3").value = caseCell(`${doc.caseNumber.label}: ${documentText(doc.caseNumber.value)}`, doc.caseNumber.value, doc.caseLinkTemplate);
  sheet.getCell("A4").value = doc.printed;
  const header = sheet.getRow(headerRow);
  header.values = doc.columns.map((c) => c.header);
  header.font = { bold: true };
  let r = headerRow + 1;
  doc.rows.forEach((row, i) => {
    const group = doc.groups?.get(i);
    if (group) {
      sheet.getRow(r).values = [documentText(group)];
      sheet.getRow(r).font = { bold: true };
      r++;
    }
    sheet.getRow(r).values = row.map((c, j) => (typeof c !== "string" ? c : doc.columns[j]?.kind === "caseNumber" ? caseCell(documentText(c), c, doc.caseLinkTemplate) : documentText(c)));
    r++;
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, r - 1), column: doc.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
