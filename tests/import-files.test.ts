// Files the import cannot use get a clear error and nothing is written; the CSV variants people
// have (";" or ",", BOM or not, Windows-1252) read the same; formula-looking titles round-trip.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { IMPORT_LIMITS, ImportFileError, readSpreadsheet } from "../lib/import/read-file";
import { checkZip } from "../lib/import/zip-check";
import { readUpload, UPLOAD_BODY_LIMIT } from "../lib/import/upload";
import { refuseRequest } from "../lib/http/edge";
import { planListOrder, planListParamsSchema, planListWhere } from "../lib/plans/list";
import { plansDownload } from "../lib/spreadsheet/export";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";
import { bodyOf, importFile, preview } from "./support/import";

/** The zip with every entry's uncompressed size (local header and central directory) set to `size`. */
function declareSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i < out.length - 4; i++) {
    const signature = out.readUInt32LE(i);
    // Deflated entries only (the folders are stored, and must declare 0).
    if (signature === 0x04034b50 && out.readUInt16LE(i + 8) === 8) out.writeUInt32LE(size, i + 22);
    if (signature === 0x02014b50 && out.readUInt16LE(i + 10) === 8) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

const fileError = (name: string, bytes: Buffer) => readSpreadsheet(name, bytes).then(() => null, (e: unknown) => (e instanceof ImportFileError ? e.key : e));

describe("files the import refuses", () => {
  it("an empty file, one with only headers, and one of the wrong kind", async () => {
    expect(await fileError("tom.csv", Buffer.alloc(0))).toBe("empty");
    expect(await fileError("tom.csv", Buffer.from("\r\n;;\r\n"))).toBe("empty");
    expect(await fileError("bare-overskrift.csv", Buffer.from("Plan;Type\r\n"))).toBe("noRows");
    expect(await fileError("planer.pdf", Buffer.from("%PDF-1.7"))).toBe("wrongType");
    expect(await fileError("planer.xlsx", Buffer.from("Plan;Type\r\nA;temaplan"))).toBe("notXlsx");
    expect(await fileError("planer.csv", await new JSZip().file("a.txt", "x").generateAsync({ type: "nodebuffer" }))).toBe("notCsv");
  });

  it("a file over 10 MB and one with more than 20,000 rows", async () => {
    expect(await fileError("stor.csv", Buffer.alloc(IMPORT_LIMITS.bytes + 1, 0x41))).toBe("tooLarge");
    const rows = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => `Plan ${i};temaplan`);
    expect(await fileError("lang.csv", Buffer.from(["Plan;Type", ...rows].join("\r\n")))).toBe("tooManyRows");
    expect(await fileError("akkurat.csv", Buffer.from(["Plan;Type", ...rows.slice(1)].join("\r\n")))).toBeNull();
  });

  it("a broken xlsx: a zip that does not open, a truncated one, and one that inflates past 100 MB", async () => {
    const good = await new JSZip().file("xl/workbook.xml", "<x/>").generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(await fileError("skadet.xlsx", Buffer.concat([good.subarray(0, 4), Buffer.from("not a zip at all")]))).toBe("brokenXlsx");
    expect(await fileError("avkuttet.xlsx", good.subarray(0, good.length - 30))).toBe("brokenXlsx");
    // A valid zip that is not a workbook.
    expect(await fileError("feil-innhold.xlsx", good)).toBe("brokenXlsx");
    // Sizes as the zip declares them: past the limit is refused before anything is inflated …
    const sheet = await new JSZip().file("xl/worksheets/sheet1.xml", Buffer.alloc(4 * 1024 * 1024, 0x20)).generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(await fileError("bombe.xlsx", declareSize(sheet, 200 * 1024 * 1024))).toBe("zipBomb");
    // … and a zip that declares less than it inflates to is refused when it inflates past it.
    expect(await checkZip(declareSize(sheet, 1024))).toBe("broken");
    expect(await checkZip(sheet, { entries: 10, uncompressedBytes: 1024 * 1024 })).toBe("tooBig");
    expect(await checkZip(sheet)).toBeNull();
  });

  it("broken CSV quoting, with the line", async () => {
    const error = await readSpreadsheet("sitat.csv", Buffer.from('Plan;Type\r\n"Uavsluttet;temaplan\r\nB;temaplan\r\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ key: "brokenCsv" });
    expect(await fileError("sitat2.csv", Buffer.from('Plan;Type\r\nA "b" c;"x"y\r\n'))).toBe("brokenCsv");
  });
});

describe("the upload's body", () => {
  it("is bounded at the edge (12 MB on the upload only) and counted by the handler whatever Content-Length says", async () => {
    const headers = (length: number) => ({ "content-length": String(length), host: "localhost", origin: "http://localhost" });
    expect(refuseRequest("POST", "/plans/import/upload", headers(11 * 1024 * 1024))).toBeNull();
    expect(refuseRequest("POST", "/plans/import/upload", headers(13 * 1024 * 1024))).toMatchObject({ status: 413 });
    expect(refuseRequest("POST", "/plans/new", headers(3 * 1024 * 1024))).toMatchObject({ status: 413 });
    const form = new FormData();
    form.append("file", new Blob([Buffer.alloc(UPLOAD_BODY_LIMIT, 0x41)]), "stor.csv");
    const body = new Request("http://localhost/plans/import/upload", { method: "POST", body: form });
    // A chunked body without Content-Length.
    const chunked = new Request(body.url, { method: "POST", body: body.body, headers: { "content-type": body.headers.get("content-type")! }, duplex: "half" } as RequestInit);
    await expect(readUpload(chunked)).rejects.toMatchObject({ key: "tooLarge" });
    const small = new FormData();
    small.append("file", new Blob(["Plan;Type\r\nA;temaplan\r\n"]), "../../etc/plan\u0007er.csv");
    const read = await readUpload(new Request(body.url, { method: "POST", body: small }));
    expect(read.fileName).toBe("planer.csv");
    await expect(readUpload(new Request(body.url, { method: "POST", body: new FormData() }))).rejects.toMatchObject({ key: "missing" });
  });
});

describe("CSV as people have it", () => {
  it("reads ';' or ',', with or without BOM, and Windows-1252 with æøå intact", async () => {
    const text = "Plan,Type,Vedtatt\r\nKlimaplan for Røros – æøå ÆØÅ,temaplan,01.02.2020\r\n";
    const latin = Buffer.from(new Uint8Array([...text].map((c) => (c === "–" ? 0x96 : c.charCodeAt(0)))));
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), latin, Buffer.from(text.replaceAll(",", ";"))]) {
      const table = await readSpreadsheet("planer.csv", bytes);
      expect(table.headers).toEqual(["Plan", "Type", "Vedtatt"]);
      expect(table.rows[0]!.cells).toEqual(["Klimaplan for Røros – æøå ÆØÅ", "temaplan", "01.02.2020"]);
    }
  });

  it("round-trips formula-looking titles through the CSV export and import unchanged", async () => {
    const editor = await createUser("editor");
    const unit = unique("Formelenhet");
    const titles = ["=HYPERLINK(\"http://evil.example\",\"klikk\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A2)", "'=allerede sitert", "\"sitat\"; semikolon", "Plan,=4+4", "＝1+1", "Plan;＠SUM(A1)", "Plan,'=x"];
    for (const [i, title] of titles.entries()) await createPlan({ title: `${title} ${i}`, responsibleUnit: unit });
    const params = planListParamsSchema.parse({ unit });
    const csv = await bodyOf(plansDownload("csv", "x", planListWhere(params), planListOrder(params), "nb", new Date()));
    const { rows } = await preview(editor.id, "planer.csv", csv);
    expect(rows.map((r) => r.kind)).toEqual(titles.map(() => "unchanged"));
    expect(rows.map((r) => r.title).sort()).toEqual(titles.map((t, i) => `${t} ${i}`).sort());
    // As new plans (ids removed) they are created with exactly these titles.
    const stripped = csv.toString("utf8").replace(/\r\n\d+;\d+;/g, "\r\n;;").replaceAll(unit, `${unit} kopi`);
    await importFile(editor.id, "kopi.csv", Buffer.from(stripped));
    const copies = await db.plan.findMany({ where: { responsibleUnit: `${unit} kopi` }, select: { title: true } });
    expect(copies.map((p) => p.title).sort()).toEqual(titles.map((t, i) => `${t} ${i}`).sort());
  });
});
