import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native / WASM packages stay outside the bundle so the custom server and Next share one copy.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "socket.io"],
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: "3mb" }, authInterrupts: true },
};

export default withNextIntl(nextConfig);
