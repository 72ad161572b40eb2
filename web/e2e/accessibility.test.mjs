import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { apiGet, launchBrowser, login, openPage, screenshot, seriousViolations } from "./lib.mjs";

let browser;
let session;
before(async () => {
  browser = await launchBrowser();
  session = await openPage(browser);
  await login(session.page);
});
after(async () => {
  await session?.context.close();
  await browser?.close();
});

async function checkPage(page, name) {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  // Wait for the data to arrive, so axe sees the page people actually read.
  await page.waitForFunction(() => !document.querySelector(".kwm-loading"));
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${name} has serious or critical accessibility violations`);
}

test("login page has no serious or critical axe violations", async () => {
  const { context, page } = await openPage(browser);
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  await checkPage(page, "login");
  // And with its error message showing.
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByText("Vul uw gebruikersnaam in.").waitFor();
  await checkPage(page, "login-invalid");
  await context.close();
});

test("organisation page has no serious or critical axe violations", async () => {
  const { page } = session;
  await page.goto("/");
  await page.getByRole("table", { name: /Formatie per eenheid/ }).waitFor();
  await page.getByRole("button", { name: "Alles openklappen" }).click();
  await checkPage(page, "organisation-expanded");
});

test("team page has no serious or critical axe violations", async () => {
  const { page } = session;
  const { units } = await apiGet(page, "/units/tree");
  const team = units.find((u) => u.formation.people + u.formation.externals > 0) ?? units[0];
  await page.goto(`/eenheden/${team.id}`);
  await page.getByRole("heading", { level: 1, name: team.name }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Samenstelling" }).waitFor();
  await checkPage(page, "team");
});

test("people page has no serious or critical axe violations", async () => {
  const { page } = session;
  await page.goto("/medewerkers");
  await page.getByText(/medewerkers? gevonden/).waitFor();
  await checkPage(page, "people");
  const first = page.getByRole("table", { name: "Medewerkers" }).getByRole("link").first();
  await first.click();
  await page.getByRole("term").filter({ hasText: "Personeelsnummer" }).waitFor();
  await checkPage(page, "person");
});

test("import page has no serious or critical axe violations, also when it shows row errors", async () => {
  const { page } = session;
  await page.goto("/importeren");
  await page.getByRole("heading", { level: 1, name: "Importeren" }).waitFor();
  await checkPage(page, "import");
  await page.getByLabel("Of plak de inhoud van het bestand").fill("personnel_number,name,fte\nX1,Iemand,nul\n");
  await page.getByRole("button", { name: "Importeren", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "Het bestand is niet ingelezen" }).waitFor();
  await checkPage(page, "import-errors");
});

test("audit page has no serious or critical axe violations", async () => {
  const { page } = session;
  await page.goto("/auditlog");
  await page.getByText(/regels in het auditlog/).waitFor();
  await checkPage(page, "audit");
});

test("an unknown address shows a Dutch not-found page without violations", async () => {
  const { page } = session;
  await page.goto("/bestaat-niet");
  await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
  await checkPage(page, "not-found");
  assert.deepEqual(session.problems, []);
});
