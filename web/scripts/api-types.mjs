// Writes src/api/schema.d.ts from the server's own OpenAPI document (`kwartiermaker openapi`), so the web app is
// type-checked against the API the server really has: a changed or removed field fails `tsc`, not a user.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const binary = process.env.KWM_BIN ?? resolve(web, "..", "build", "kwartiermaker");
if (!existsSync(binary)) {
  console.error(`api-types: ${binary} does not exist; build the server first (make build), or set KWM_BIN`);
  process.exit(1);
}
const generator = join(web, "tools", "api-types", "node_modules", ".bin", "openapi-typescript");
if (!existsSync(generator)) {
  console.error("api-types: openapi-typescript is missing; run scripts/bootstrap (npm ci in web/tools/api-types)");
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), "kwm-openapi-"));
try {
  const document = join(scratch, "openapi.json");
  execFileSync(binary, ["openapi", "--out", document], { stdio: "inherit" });
  execFileSync(generator, [document, "--output", join(web, "src", "api", "schema.d.ts"), "--silent"], {
    stdio: "inherit",
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
