// Runs the browser tests against the real server: a fresh SQLite database with
// the small demo municipality, `kwartiermaker serve` on a free port, then every
// e2e/*.test.mjs through node's own test runner.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const e2eDir = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(e2eDir, "..");
const binary = resolve(webDir, process.env.KWM_BIN ?? "../build/kwartiermaker");
const webRoot = resolve(webDir, process.env.KWM_WEB_ROOT ?? "dist");

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

function run(args, input) {
  const result = spawnSync(binary, args, { input, encoding: "utf8" });
  if (result.error) fail(`${binary} ${args[0]}: ${result.error.message}`);
  return result;
}

function cli(args, input) {
  const result = run(args, input);
  if (result.status !== 0)
    fail(`${binary} ${args.join(" ")} exited with ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

const CBS_CODE = /\bGM\d{4}\b/;

/** The demo's municipality: from `municipality list` (one line each, code first), else from the demo's own report. */
function demoMunicipality(demoOutput) {
  const listed = run(["municipality", "list", "--db", db]);
  const fromList = listed.status === 0 ? CBS_CODE.exec(listed.stdout.split("\n")[0] ?? "") : null;
  const code = fromList?.[0] ?? CBS_CODE.exec(demoOutput)?.[0];
  if (!code) fail(`cannot tell which municipality the demo created:\n${demoOutput}${listed.stdout}${listed.stderr}`);
  return code;
}

/** The address the server prints once it listens ("… luistert op http://127.0.0.1:PORT/"); it chose a free port itself. */
const LISTENING = /luistert op (http:\/\/[^\s/]+)\//;

async function waitForHealth(server, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`the server stopped with ${server.exitCode} before it answered:\n${output()}`);
    const url = LISTENING.exec(output())?.[1];
    if (!url) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return url;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`no answer from the server's /api/v1/health within 30 s:\n${output()}`);
}

/** One employee of the demo (personnel number and unit), asked of the API as the HR user. */
async function someEmployee(url) {
  const login = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) fail(`the HR user cannot log in: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  const answer = await fetch(`${url}/api/v1/people?engagement=employee&page_size=1`, { headers: { Cookie: cookie } });
  const people = await answer.json();
  if (!answer.ok || !people.items?.length) fail(`no employee in the demo: ${JSON.stringify(people)}`);
  return people.items[0];
}

if (!existsSync(binary)) fail(`no server binary at ${binary}; build it first or set KWM_BIN`);
if (!existsSync(join(webRoot, "index.html"))) fail(`no web app in ${webRoot}; run \`npm run build\` first`);

const workDir = mkdtempSync(join(tmpdir(), "kwm-e2e-"));
const db = `sqlite:${join(workDir, "e2e.db")}`;
const username = "e2e-hr";
const password = randomBytes(18).toString("base64url");

let server;
let exitCode = 1;
const stopServer = () => {
  if (server && server.exitCode === null) server.kill("SIGTERM");
};
process.on("SIGINT", () => {
  stopServer();
  process.exit(130);
});

try {
  cli(["migrate", "--db", db]);
  const municipality = demoMunicipality(cli(["demo", "--size", "small", "--db", db, "--seed", "1"]));
  cli(
    [
      "user",
      "add",
      "--municipality",
      municipality,
      "--username",
      username,
      "--role",
      "hr",
      "--password-stdin",
      "--db",
      db,
    ],
    `${password}\n`,
  );

  let log = "";
  // Port 0: the server takes a free port when it binds, so no other process can take it in between.
  server = spawn(binary, ["serve", "--db", db, "--listen", "127.0.0.1:0", "--web-root", webRoot], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk) => {
    log = (log + chunk).slice(-20_000);
  };
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  const url = await waitForHealth(server, () => log);

  // Role tests need a works council member and an employee tied to a real person record of the demo.
  const roleUsers = {
    works_council: { username: "e2e-or", password: randomBytes(18).toString("base64url") },
    employee: { username: "e2e-mw", password: randomBytes(18).toString("base64url") },
    // The manager of the employee's unit: rates that employee in the competency tests.
    manager: { username: "e2e-lg", password: randomBytes(18).toString("base64url") },
  };
  const add = (role, extra) =>
    cli(
      [
        "user",
        "add",
        "--municipality",
        municipality,
        "--username",
        roleUsers[role].username,
        "--role",
        role,
        "--password-stdin",
        "--db",
        db,
        ...extra,
      ],
      `${roleUsers[role].password}\n`,
    );
  add("works_council", []);
  const employee = await someEmployee(url);
  add("employee", ["--person", employee.personnel_number]);
  add("manager", ["--unit", employee.unit_code]);

  const files = readdirSync(e2eDir)
    .filter((name) => name.endsWith(".test.mjs"))
    .sort()
    .map((name) => join(e2eDir, name));
  const only = process.argv.slice(2);
  const selected = only.length ? files.filter((file) => only.some((part) => file.includes(part))) : files;

  // One test file at a time: they share the server and its database, and two cores are not many.
  const runner = spawn(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", ...selected], {
    stdio: "inherit",
    env: {
      ...process.env,
      KWM_E2E_URL: url,
      KWM_E2E_USERNAME: username,
      KWM_E2E_PASSWORD: password,
      KWM_E2E_MUNICIPALITY: municipality,
      KWM_E2E_ROLE_USERS: JSON.stringify(roleUsers),
    },
  });
  exitCode = await new Promise((r) => runner.on("exit", (code) => r(code ?? 1)));
  if (exitCode !== 0 && process.env.KWM_E2E_SERVER_LOG) console.error(log);
} finally {
  stopServer();
  if (server && server.exitCode === null) await new Promise((r) => server.once("exit", r));
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
