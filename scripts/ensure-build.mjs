// `npm start` on a fresh clone: build once when there is no production build yet.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running `next build` (once)…");
  execSync("npx next build", { stdio: "inherit" });
}
