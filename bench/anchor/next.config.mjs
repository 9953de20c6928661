import path from "node:path";

// The anchor resolves packages from the project's node_modules (two folders up).
/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default config;
