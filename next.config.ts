import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native / WASM packages stay outside the bundle so the custom server and Next share one copy.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "socket.io"],
  poweredByHeader: false,
  // Separate build folders let several servers (e2e, parallel work) run from one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run typecheck` (part of `npm test`) checks types; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: { serverActions: { bodySizeLimit: "3mb" }, authInterrupts: true },
};

export default withNextIntl(nextConfig);
