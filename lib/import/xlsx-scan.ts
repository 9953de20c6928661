// What an xlsx's XML would decode to, counted as the zip check inflates it and before exceljs
// builds anything: the text of every shared string and cell, the rows with values and the cells
// of each sheet, and the text the cells would hold once each reference to a shared string is
// resolved (one 4 MB string used by 20,000 cells is 80 GB of text to everything after exceljs).
// The XML is read as a stream of tags and text with a bounded carry-over, never held whole.
import { IMPORT_LIMITS, ImportFileError } from "./limits";

/** Counts one zip entry's XML; throws an ImportFileError as soon as a limit is passed. */
export type XmlInspector = { write(text: string): void; end(): void };

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedstrings\.xml$/i;
/** A tag longer than this (attributes included) is not a workbook's. */
const MAX_TAG = 64 * 1024;
const ENTITY = /&[#a-zA-Z0-9]{1,10};/g;

// Characters of XML text once its entities are decoded (&amp; is one).
function decodedLength(text: string): number {
  if (!text.includes("&")) return text.length;
  let length = text.length;
  for (const m of text.matchAll(ENTITY)) length -= m[0].length - 1;
  return length;
}

const tooLong = () => new ImportFileError("cellTooLong", { max: IMPORT_LIMITS.cellChars });

/** Tags and text of a stream of XML, split wherever the chunks fall. */
abstract class XmlCounter implements XmlInspector {
  private carry = "";
  write(chunk: string): void {
    const text = this.carry + chunk;
    let at = 0;
    for (;;) {
      const open = text.indexOf("<", at);
      if (open < 0) {
        // Text up to the end; an entity cut in two is counted as its characters (a few too many).
        this.text(text.slice(at));
        this.carry = "";
        return;
      }
      if (open > at) this.text(text.slice(at, open));
      const close = text.indexOf(">", open);
      if (close < 0) {
        if (text.length - open > MAX_TAG) throw new ImportFileError("brokenXlsx");
        this.carry = text.slice(open);
        return;
      }
      this.tag(text.slice(open + 1, close));
      at = close + 1;
    }
  }
  private tag(body: string): void {
    if (body.startsWith("?") || body.startsWith("!")) return;
    const closing = body.startsWith("/");
    const name = /^\/?(?:[\w.-]+:)?([\w.-]+)/.exec(body)?.[1] ?? "";
    const selfClosing = body.endsWith("/");
    if (closing) this.close(name);
    else {
      this.open(name, body);
      if (selfClosing) this.close(name);
    }
  }
  end(): void {
    this.carry = "";
  }
  protected abstract text(text: string): void;
  protected abstract open(name: string, body: string): void;
  protected abstract close(name: string): void;
}

/** The workbook's totals across its XML parts (the shared strings may come after the sheets). */
export class XlsxScan {
  readonly sharedLengths: number[] = [];
  /** How many cells refer to each shared string. */
  readonly sharedUses = new Map<number, number>();
  cells = 0;
  inlineChars = 0;

  /** An inspector for the zip entry `fileName`, or undefined when its text does not matter. */
  inspector(fileName: string): XmlInspector | undefined {
    if (SHARED_STRINGS.test(fileName)) return new SharedStrings(this);
    if (SHEET.test(fileName)) return new Sheet(this);
    return undefined;
  }

  /** Throws when the cells' text, each shared string once per cell that uses it, passes the limit. */
  finish(): void {
    let total = this.inlineChars;
    for (const [index, uses] of this.sharedUses) total += (this.sharedLengths[index] ?? 0) * uses;
    if (total > IMPORT_LIMITS.textChars) throw new ImportFileError("tooMuchText", { max: IMPORT_LIMITS.textChars / 1_000_000 });
  }
}

class SharedStrings extends XmlCounter {
  private inString = false;
  private length = 0;
  constructor(private readonly scan: XlsxScan) { super(); }
  protected text(text: string) {
    if (!this.inString) return;
    this.length += decodedLength(text);
    if (this.length > IMPORT_LIMITS.cellChars) throw tooLong();
  }
  protected open(name: string) {
    if (name === "si") { this.inString = true; this.length = 0; }
  }
  protected close(name: string) {
    if (name !== "si") return;
    this.inString = false;
    this.scan.sharedLengths.push(this.length);
  }
}

class Sheet extends XmlCounter {
  private rows = 0;
  private rowHasValue = false;
  private inCell = false;
  private shared = false;
  private cellChars = 0;
  private value = "";
  private inValue = false;
  constructor(private readonly scan: XlsxScan) { super(); }
  protected text(text: string) {
    if (!this.inCell) return;
    this.cellChars += decodedLength(text);
    if (this.cellChars > IMPORT_LIMITS.cellChars) throw tooLong();
    if (this.inValue && this.shared && this.value.length < 12) this.value += text.trim();
  }
  protected open(name: string, body: string) {
    if (name === "row") this.rowHasValue = false;
    else if (name === "c") {
      if (++this.scan.cells > IMPORT_LIMITS.cells) throw new ImportFileError("tooManyCells", { max: IMPORT_LIMITS.cells });
      this.inCell = true;
      this.shared = /\st\s*=\s*["']s["']/.test(body);
      this.cellChars = 0;
      this.value = "";
    } else if (this.inCell && (name === "v" || name === "is")) {
      this.rowHasValue = true;
      this.inValue = name === "v";
    }
  }
  protected close(name: string) {
    if (name === "v") this.inValue = false;
    else if (name === "c" && this.inCell) {
      this.inCell = false;
      if (this.shared && /^\d{1,9}$/.test(this.value)) {
        const index = Number(this.value);
        this.scan.sharedUses.set(index, (this.scan.sharedUses.get(index) ?? 0) + 1);
      } else this.scan.inlineChars += this.cellChars;
    } else if (name === "row" && this.rowHasValue && ++this.rows > IMPORT_LIMITS.rows + 1) {
      throw new ImportFileError("tooManyRows", { max: IMPORT_LIMITS.rows });
    }
  }
}
