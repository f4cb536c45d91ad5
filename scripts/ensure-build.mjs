// `npm start` on a fresh clone: build once when there is no production build yet.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
if (!existsSync(path.join(distDir, "BUILD_ID"))) {
  console.log("No production build yet: running `next build` once (about a minute)…");
  execSync("npx next build", { stdio: "inherit" });
}
