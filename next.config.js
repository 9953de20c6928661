import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WASM packages that must stay plain Node requires on the server.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/migrate", "@prisma/internals"],
};

export default withNextIntl(nextConfig);
