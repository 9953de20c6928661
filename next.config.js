import createNextIntlPlugin from "next-intl/plugin";


const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Headers for every response, static files included. The CSP with its per-request nonce is set
// by proxy.ts (lib/security-headers.ts). Browsers honour HSTS only over HTTPS.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WASM packages that must stay plain Node requires on the server.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/migrate", "@prisma/internals"],
  // forbidden() renders app/forbidden.tsx with status 403.
  // Server actions accept up to 2 MB, so an oversized field (a 1 MB title) reaches zod and gets
  // a field error instead of the framework's 500.
  // The HTTP edge (scripts/server.ts) answers 413 for larger bodies before Next.js reads them.
  // The spreadsheet upload (a route handler, not an action) takes files of 10 MB; proxy.ts runs
  // in front of it, and Next.js buffers at most this much of a body for it (the edge allows 12 MB
  // on that one path only; the handler counts the bytes itself).
  // The data cache (unstable_cache in lib/public/cache.ts: one entry per distinct innsyn query or
  // plan id, 404s too) stays in memory, an LRU of cacheMaxMemorySize bytes: on disk, under
  // .next/cache/fetch-cache, nothing would ever delete it (decision 041).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" }, proxyClientMaxBodySize: "12mb", isrFlushToDisk: false },
  cacheMaxMemorySize: 32 * 1024 * 1024,
  // The app has no images to optimize; /_next/image would only be an attack surface.
  images: { unoptimized: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
