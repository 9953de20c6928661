// Chromium through the real sign-in form (a __Host- cookie cannot be planted from outside the
// browser), then first-load JavaScript of some pages: script bytes on the wire, browser cache
// off, measured with the DevTools protocol.
import { chromium, type BrowserContext } from "@playwright/test";
import { resolveChromium } from "../../e2e/chromium";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export type FirstLoad = { path: string; scripts: number; wireBytes: number; bodyBytes: number; decodedBytes: number };
export type BrowserResult = { cookie: string; firstLoad: FirstLoad[] };

/** Script resources of one cold page load: count, bytes received incl. headers, compressed body bytes, decoded bytes. */
async function measure(context: BrowserContext, url: string, path: string): Promise<FirstLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, { headers: number; wire: number; decoded: number }>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, { headers: e.response.encodedDataLength, wire: 0, decoded: 0 });
  });
  cdp.on("Network.dataReceived", (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.wire = e.encodedDataLength;
  });
  const response = await page.goto(`${url}${path}`, { waitUntil: "networkidle" });
  if (response?.status() !== 200 || new URL(page.url()).pathname !== path) throw new Error(`first load of ${path} ended at ${page.url()} (${response?.status()})`);
  await page.close();
  const all = [...scripts.values()];
  const sum = (f: (s: (typeof all)[number]) => number) => all.reduce((t, s) => t + f(s), 0);
  return { path, scripts: all.length, wireBytes: sum((s) => s.wire), bodyBytes: sum((s) => s.wire - s.headers), decodedBytes: sum((s) => s.decoded) };
}

/** Signs in as `email` through /login and measures first-load JS of `paths`; returns the session cookie header. */
export async function signInAndMeasure(url: string, email: string, password: string, paths: string[]): Promise<BrowserResult> {
  const browser = await chromium.launch({ executablePath: resolveChromium(), args: ARGS });
  try {
    const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel("E-postadresse").fill(email);
    await page.getByLabel("Passord").fill(password);
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL(`${url}/`, { timeout: 60_000 });
    await page.close();
    const session = (await context.cookies(url)).find((c) => c.name.endsWith("planregister.session"));
    if (!session) throw new Error("signed in, but the browser has no planregister.session cookie");
    const firstLoad: FirstLoad[] = [];
    for (const path of paths) firstLoad.push(await measure(context, url, path));
    return { cookie: `${session.name}=${session.value}`, firstLoad };
  } finally {
    await browser.close();
  }
}
