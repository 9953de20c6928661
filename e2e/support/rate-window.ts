// Rate limits count in fixed windows aligned to the clock (lib/rate-limit.ts), so a burst that
// straddles a window boundary is split over two counts and a test expecting a refusal may see
// none. Before such a burst, wait for a fresh window when the current one is nearly over. Tests,
// app and PostgreSQL run on one machine, so they share the clock.
export async function startOfRateWindowIfNeeded(windowSeconds: number, neededSeconds: number): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < neededSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}
