import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { apiGet, launchBrowser, login, openPage, screenshot } from "./lib.mjs";

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

const HEADER =
  "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,education_level,engagement,organisation";

function peopleCsv(rows) {
  return Buffer.from(`${HEADER}\n${rows.map((r) => r.join(",")).join("\n")}\n`, "utf8");
}

async function chooseFile(page, name, content) {
  await page.getByLabel("CSV-bestand", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: content });
}

/** The number of people the team page reports, read from its composition line. */
async function teamHeadcount(page, unit) {
  await page.goto(`/eenheden/${unit.id}`);
  await page.getByRole("heading", { level: 1, name: unit.name }).waitFor();
  const summary = page.getByTestId("composition-summary");
  await summary.waitFor();
  const match = /^(\d+) person/.exec(await summary.innerText());
  assert.ok(match, "the team page states its headcount");
  return Number(match[1]);
}

test("a people CSV with one bad row imports nothing and names the row; fixed, it imports and the team counts the new people", async () => {
  const { page } = session;
  const { units } = await apiGet(page, "/units/tree");
  const team =
    units.find((u) => u.kind === "district_team" || u.kind === "team") ??
    units.find((u) => u.children_ids.length === 0);
  const functions = await apiGet(page, "/functions?page_size=500");
  const fn = functions.items[0];
  assert.ok(team && fn, "the demo has a team and a function");

  const before = await teamHeadcount(page, team);
  const suffix = Date.now().toString(36).toUpperCase();
  const good = [
    `E2E${suffix}1`,
    `Eva Proefmedewerker ${suffix}`,
    team.code,
    fn.code,
    fn.level,
    "0.8",
    "permanent",
    "",
    "2024-01-15",
    fn.education_level,
    "employee",
    "",
  ];
  const bad = [
    `E2E${suffix}2`,
    `Sam Proefmedewerker ${suffix}`,
    team.code,
    fn.code,
    fn.level,
    "0",
    "temporary",
    "2030-06-30",
    "2025-02-01",
    fn.education_level,
    "employee",
    "",
  ];

  // Reach the import page through the navigation, as a person would.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Importeren" }).click();
  await page.getByRole("heading", { level: 1, name: "Importeren" }).waitFor();
  await page.getByRole("radio", { name: "Medewerkers" }).check();
  await chooseFile(page, "medewerkers.csv", peopleCsv([good, bad]));
  await page.getByRole("button", { name: "Importeren", exact: true }).click();

  await page.getByRole("heading", { level: 2, name: "Het bestand is niet ingelezen" }).waitFor();
  const errors = page.getByRole("table", { name: "Fouten per rij in het bestand" });
  const rows = await errors
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
  assert.equal(rows.length, 1, `exactly the bad row is reported: ${JSON.stringify(rows)}`);
  const [row, column, message] = rows[0];
  // The header is line 1, so the second data line is row 3.
  assert.equal(row, "3");
  assert.equal(column, "fte");
  assert.ok(message.length > 0);
  await screenshot(page, "import-row-error");

  // All or nothing: the good row was not written either.
  const found = await apiGet(page, `/people?q=${encodeURIComponent(suffix)}`);
  assert.equal(found.total, 0);

  bad[5] = "0.5";
  await chooseFile(page, "medewerkers.csv", peopleCsv([good, bad]));
  await page.getByRole("button", { name: "Importeren", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "Import geslaagd" }).waitFor();
  assert.match(await page.locator(".kwm-outcome").innerText(), /2 medewerkers ingelezen/);
  await screenshot(page, "import-success");

  const after = await teamHeadcount(page, team);
  assert.equal(after, before + 2);
  const internal = page.getByRole("table", { name: /Interne medewerkers/ });
  await internal.getByRole("link", { name: good[1] }).waitFor();
  await internal.getByRole("link", { name: bad[1] }).waitFor();
  await screenshot(page, "team-after-import");
  assert.deepEqual(session.problems, []);
});

test("the people list finds the imported people by search and filter", async () => {
  const { page } = session;
  const found = await apiGet(page, "/people?q=Proefmedewerker");
  assert.ok(found.total >= 2, "the import test ran first");
  await page.goto("/medewerkers");
  await page.getByRole("searchbox", { name: "Naam of personeelsnummer" }).fill("Proefmedewerker");
  await page.getByLabel("Contract", { exact: true }).selectOption("temporary");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.waitForURL(/contract=temporary/);
  await page.getByText(/^1 medewerker gevonden/).waitFor();
  const names = await page.getByRole("table", { name: "Medewerkers" }).getByRole("rowheader").allInnerTexts();
  assert.equal(names.length, 1);
  assert.match(names[0], /^Sam Proefmedewerker/);
});
