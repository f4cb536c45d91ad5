import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { actionBodyLimitBytes } from "./lib/security/limits";
import { originPolicyFromEnv } from "./lib/security/origin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** The hosts of APP_URL and ALLOWED_ORIGINS, as Next compares them with a server action's Origin. */
const allowedHosts = () => originPolicyFromEnv().origins.map((origin) => new URL(origin).host);

const nextConfig: NextConfig = {
  // Native / WASM packages stay outside the bundle so the custom server and Next share one copy.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "socket.io"],
  poweredByHeader: false,
  // Separate build folders let several servers (e2e, parallel work) run from one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm run typecheck` (part of `npm test`) checks types; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // server.ts answers 413 above this limit and 403 to foreign origins (lib/security/request-guard.ts);
    // Next's own checks agree, so an origin named in APP_URL / ALLOWED_ORIGINS behind a proxy is not refused here.
    serverActions: { bodySizeLimit: actionBodyLimitBytes, allowedOrigins: allowedHosts() },
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
