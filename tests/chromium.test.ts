import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveChromium } from "../e2e/chromium";

describe("choosing the e2e browser", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planregister-chromium-"));
  const present = path.join(dir, "chromium");
  fs.writeFileSync(present, "");
  const missing = path.join(dir, "missing");

  it("prefers CHROMIUM_PATH, then Playwright's own browser, then the system's", () => {
    expect(resolveChromium({ CHROMIUM_PATH: present }, missing, [])).toBe(present);
    expect(resolveChromium({}, present, [missing])).toBeUndefined();
    expect(resolveChromium({}, missing, [missing, present])).toBe(present);
  });

  it("says in one sentence what to do when there is no Chromium", () => {
    expect(() => resolveChromium({}, missing, [missing])).toThrow(
      /^Chromium was not found: install it \(sudo apt-get install chromium\) or set CHROMIUM_PATH to a Chromium executable\.$/,
    );
    expect(() => resolveChromium({ CHROMIUM_PATH: missing }, present, [])).toThrow(/^CHROMIUM_PATH=.* does not exist/);
  });
});
