// Competency management end to end (issue 3): HR copies and edits frameworks, sets a function profile and sets a
// development round up in the wizard; the employee fills the self-assessment on a phone; their manager rates
// them; HR sees the verdict, the report, the heatmaps, coverage and growth; the works council sees only
// aggregates with small cells suppressed. Every new page is checked with axe.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { baseUrl, launchBrowser, login, openPage, roleUsers, screenshot, seriousViolations } from "./lib.mjs";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const ROUND_NAME = "Ontwikkelronde e2e";
const ROUND_CODE = "ontwikkelronde-e2e";
const EARLIER_CODE = "nulmeting-e2e";

let browser;
let hr; // HR's desktop session, kept for the whole file
let employee; // the employee's person record (function level and unit drive everything below)

before(async () => {
  browser = await launchBrowser();
  hr = await openPage(browser);
  await login(hr.page);
  // Who the harness's employee account is: its own session names the person record.
  const own = await openPage(browser);
  await login(own.page, roleUsers.employee);
  const session = await (await own.page.request.get("/api/v1/session")).json();
  employee = await (await own.page.request.get(`/api/v1/people/${session.user.person_id}`)).json();
  await own.context.close();
  assert.ok(employee.function_code && employee.unit_code, "the demo employee has a function level and a unit");
});

after(async () => {
  await hr?.context.close();
  await browser?.close();
});

/** Waits until the page has no loading lines, then runs axe and takes a screenshot. */
async function checkPage(page, name) {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector(".kwm-loading"));
  await screenshot(page, name);
  assert.deepEqual(await seriousViolations(page), [], `${name} has serious or critical accessibility violations`);
}

/** A name as a literal inside a regular expression. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const isoDate = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function api(page, method, path, body, contentType = "application/json") {
  const csrf = (await (await page.request.get("/api/v1/session")).json()).csrf_token;
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { "X-CSRF-Token": csrf, "Content-Type": contentType, Origin: baseUrl },
    data: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Clicks a download link and answers the file's bytes. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return readFile(await file.path());
}

/** Picks the same point for every indicator on a rating form, by tapping or clicking the option's label. */
async function answerAll(page, point, { tap = false, limit = Infinity } = {}) {
  const groups = page.locator("fieldset.kwm-indicator");
  const count = await groups.count();
  let answered = 0;
  for (let i = 0; i < count && answered < limit; i++) {
    const option = groups
      .nth(i)
      .locator(".kwm-scale__option")
      .filter({ has: page.locator(`input[value="${point}"]`) });
    const label = option.locator("label");
    if (tap) await label.tap();
    else await label.click();
    answered++;
  }
  return count;
}

test("HR copies reference frameworks, and saving a framework nobody uses keeps its version", async () => {
  const { page } = hr;
  await page.goto("/competenties");
  await checkPage(page, "competence-home");
  await page.getByRole("link", { name: "Competentiekaders" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Competentiekaders" }).waitFor();
  await page.getByText("De gemeente heeft nog geen competentiekader").waitFor();
  await checkPage(page, "competence-frameworks-empty");

  await page.getByRole("button", { name: "Kopiëren (Kennisgebieden sociaal domein)" }).click();
  await page.getByRole("button", { name: "Kopie maken" }).click();
  await page.getByRole("heading", { level: 1, name: "Kennisgebieden sociaal domein" }).waitFor();
  await page.getByText("Het referentiekader is gekopieerd als versie 1").waitFor();

  await page.goto("/competenties/kaders");
  await page.getByRole("button", { name: "Kopiëren (Kerncompetenties medewerkers)" }).click();
  await page.getByLabel("Naam van uw kopie").fill("Kerncompetenties Zwaluwrade");
  await page.getByRole("button", { name: "Kopie maken" }).click();
  await page.getByRole("heading", { level: 1, name: "Kerncompetenties Zwaluwrade" }).waitFor();
  await checkPage(page, "competence-framework-editor");

  // An empty behaviour is refused before anything is sent, and the summary links to the field.
  const firstIndicator = page.getByLabel("Gedragsindicator 1", { exact: true }).first();
  const original = await firstIndicator.inputValue();
  await firstIndicator.fill("");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page.getByRole("heading", { name: "Het kader is niet opgeslagen" }).waitFor();
  await checkPage(page, "competence-framework-editor-errors");
  await page.getByRole("link", { name: /gedragsindicator 1: beschrijf het gedrag/ }).click();
  assert.equal(await firstIndicator.evaluate((el) => el === document.activeElement), true);

  await firstIndicator.fill(`${original} Ook aan de telefoon.`);
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page.getByTestId("framework-outcome").getByText("Opgeslagen in versie 1").waitFor();

  // A new framework starts blank, with a default 1–5 scale that has an anchor on every point.
  await page.goto("/competenties/kaders/nieuw");
  await page.getByRole("heading", { level: 1, name: "Nieuw competentiekader" }).waitFor();
  assert.equal((await page.getByLabel("Omschrijving van punt 5").inputValue()) !== "", true);
  await checkPage(page, "competence-framework-new");

  await page.goto("/competenties/kaders");
  const table = page.getByRole("table", { name: "Competentiekaders van de gemeente" });
  await table
    .getByRole("row", { name: /Kerncompetenties Zwaluwrade/ })
    .getByText("Nee")
    .waitFor();
  await checkPage(page, "competence-frameworks");
});

test("HR sets the profile of the employee's function level, compares it and opens the career path", async () => {
  const { page } = hr;
  await page.goto("/competenties/profielen");
  await page.getByRole("heading", { level: 1, name: "Functieprofielen" }).waitFor();
  await checkPage(page, "competence-profiles");
  await page.getByRole("link", { name: `${employee.function_name}, ${employee.level} bewerken` }).click();
  await page
    .getByRole("heading", { level: 1, name: `Functieprofiel ${employee.function_name}, ${employee.level}` })
    .waitFor();
  await page.getByRole("button", { name: "Competentie toevoegen" }).waitFor();

  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Competentie toevoegen" }).click();
  await page.getByLabel("Competentie op regel 1").selectOption({ label: "Klantgerichtheid" });
  await page.getByLabel("Klantgerichtheid is kritiek").check();
  await page.getByLabel("Vereist niveau voor Klantgerichtheid").selectOption("3");
  await page.getByRole("button", { name: "Kennisgebied toevoegen" }).click();
  await page.getByLabel("Kennisgebied op regel 1").selectOption({ label: "Sociale kaart" });
  await page.getByLabel("Vereist opleidingsniveau").selectOption("mbo");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await page.getByText("Het functieprofiel is opgeslagen").waitFor();
  await checkPage(page, "competence-profile-editor");

  const saved = await (await page.request.get(`/api/v1/profiles/${employee.function_code}/${employee.level}`)).json();
  assert.equal(saved.competencies.length, 3);
  assert.deepEqual(
    saved.competencies.filter((r) => r.critical).map((r) => r.competency_code),
    ["klantgerichtheid"],
  );
  assert.equal(saved.knowledge_areas[0].competency_code, "sociale_kaart");

  // Comparing with a level that has no profile yet: everything differs, no match.
  await page.goto("/competenties/profielen");
  const key = `${employee.function_code}/${employee.level}`;
  const other = await page
    .getByLabel("Naar (bijvoorbeeld de nieuwe functie)")
    .locator("option")
    .nth(1)
    .getAttribute("value");
  await page.getByLabel("Van (bijvoorbeeld de oude functie)").selectOption(key);
  await page.getByLabel("Naar (bijvoorbeeld de nieuwe functie)").selectOption(other === key ? { index: 2 } : other);
  await page.getByRole("button", { name: "Vergelijken" }).click();
  await page.getByRole("heading", { level: 2, name: "Uitkomst" }).waitFor();
  await page.getByText("Geen passende functie").waitFor();
  await page
    .getByRole("table", { name: "Verschillen tussen de profielen" })
    .getByRole("row", { name: /Klantgerichtheid/ })
    .waitFor();
  await checkPage(page, "competence-profile-compare");

  await page.goto("/competenties/profielen");
  await page.getByRole("button", { name: "Loopbaanpad bekijken" }).click();
  await page.getByRole("heading", { level: 1, name: /^Loopbaanpad/ }).waitFor();
  await page
    .getByRole("heading", { level: 2, name: /^Van .+ naar / })
    .first()
    .waitFor();
  await checkPage(page, "competence-career-path");
});

test("HR sets a development round up in the wizard; the framework in use then gets a new version", async () => {
  const { page } = hr;
  await page.goto("/competenties/rondes");
  await checkPage(page, "competence-rounds-empty");
  await page.getByRole("link", { name: "Nieuwe ronde opzetten" }).click();
  await page.getByRole("heading", { level: 2, name: "Stap 1 van 6: Doel" }).waitFor();
  await checkPage(page, "competence-wizard-purpose");

  // No purpose chosen: the step refuses, names the problem and keeps the user on it.
  await page.getByRole("button", { name: "Volgende stap" }).click();
  await page.getByRole("heading", { name: "Controleer deze stap" }).waitFor();
  await checkPage(page, "competence-wizard-purpose-error");
  await page.getByLabel("Ontwikkelassessment").check();
  await page.getByRole("button", { name: "Volgende stap" }).click();

  await page.getByRole("heading", { level: 2, name: "Stap 2 van 6: Ronde en profielen" }).waitFor();
  await page.getByText("Doel: Ontwikkelassessment.").waitFor();
  await page.getByLabel("Naam van de ronde").fill(ROUND_NAME);
  assert.equal(await page.getByLabel("Code", { exact: true }).inputValue(), ROUND_CODE);
  await page.getByLabel(new RegExp(`^${escape(employee.function_name)}, ${escape(employee.level)} \\(`)).check();
  await checkPage(page, "competence-wizard-profiles");
  await page.getByRole("button", { name: "Volgende stap" }).click();

  await page.getByRole("heading", { level: 2, name: "Stap 3 van 6: Bronnen" }).waitFor();
  await page.getByLabel("Extern assessor", { exact: true }).uncheck();
  await checkPage(page, "competence-wizard-sources");
  await page.getByRole("button", { name: "Volgende stap" }).click();

  await page.getByRole("heading", { level: 2, name: "Stap 4 van 6: Deelnemers" }).waitFor();
  await page.getByLabel(`${employee.unit_name} (${employee.unit_code})`).check();
  await checkPage(page, "competence-wizard-people");
  await page.getByRole("button", { name: "Volgende stap" }).click();

  await page.getByRole("heading", { level: 2, name: "Stap 5 van 6: Planning" }).waitFor();
  await page.getByLabel(/^Deadline/).fill(isoDate(30));
  await page.getByLabel(/^Streefdatum/).fill(isoDate(10));
  await page.getByRole("button", { name: "Volgende stap" }).click();
  await page.getByText("De streefdatum moet op of na de deadline liggen").first().waitFor();
  await page.getByLabel(/^Streefdatum/).fill(isoDate(180));
  await checkPage(page, "competence-wizard-dates");
  await page.getByRole("button", { name: "Volgende stap" }).click();

  await page.getByRole("heading", { level: 2, name: "Stap 6 van 6: Controleren" }).waitFor();
  await page.getByRole("definition").filter({ hasText: "Zelfbeoordeling (1), Leidinggevende (2)" }).waitFor();
  await checkPage(page, "competence-wizard-review");
  await page.getByRole("button", { name: "Ronde aanmaken" }).click();

  await page.getByRole("heading", { level: 1, name: ROUND_NAME }).waitFor();
  await page.getByText(/De ronde is aangemaakt met \d+ deelnemers?/).waitFor();
  await page.getByText("Doel: Ontwikkelassessment").waitFor();
  await page
    .getByRole("table", { name: "Voortgang per deelnemer" })
    .getByRole("link", { name: `${employee.name} (rapport)` })
    .waitFor();
  await checkPage(page, "competence-round");

  // The round pins version 1 of the core framework: an edit now becomes version 2.
  await page.goto("/competenties/kaders/core");
  await page.getByText("Deze versie is in gebruik.").waitFor();
  await page
    .getByLabel("Omschrijving", { exact: true })
    .first()
    .fill("Zet de inwoner centraal, ook als het lastig wordt.");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page.getByTestId("framework-outcome").getByText("Er is een nieuwe versie gemaakt: versie 2").waitFor();
  await page.getByTestId("framework-outcome").getByText("Gewijzigd: klantgerichtheid").waitFor();
  await page.getByRole("link", { name: "versie 1" }).click();
  await page.getByText("U bekijkt een oude versie.").waitFor();
  await checkPage(page, "competence-framework-old-version");
});

test("the employee fills the self-assessment on a phone", async () => {
  const { context, page, problems } = await openPage(browser, PHONE);
  await login(page, roleUsers.employee);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn beoordelingen" }).tap();
  await page.getByRole("heading", { level: 1, name: "Mijn beoordelingen" }).waitFor();
  await page.getByRole("heading", { level: 2, name: ROUND_NAME }).waitFor();
  await checkPage(page, "competence-phone-my-assessments");
  await page.getByRole("link", { name: `Zelfbeoordeling invullen (${ROUND_NAME})` }).tap();
  await page.getByRole("heading", { level: 1, name: `Zelfbeoordeling ${ROUND_NAME}` }).waitFor();
  await page.getByText("Doel: Ontwikkelassessment").waitFor();
  await checkPage(page, "competence-phone-self-assessment");

  // Phone layout: nothing scrolls sideways, one indicator per row, options full width and at least 44 px high.
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    "no horizontal scrolling",
  );
  const option = await page.locator(".kwm-scale__label").first().boundingBox();
  assert.ok(option.height >= 44, `touch target height ${option.height}`);
  assert.ok(option.width >= 300, `touch target width ${option.width}`);
  const [first, second] = await Promise.all(
    [0, 1].map((i) => page.locator("fieldset.kwm-indicator").nth(i).boundingBox()),
  );
  assert.ok(second.y >= first.y + first.height, "indicators are stacked, one per row");

  // Half now, saved as a draft.
  const total = await page.locator("fieldset.kwm-indicator").count();
  const half = Math.floor(total / 2);
  await answerAll(page, 4, { tap: true, limit: half });
  await page.getByRole("button", { name: "Tussentijds opslaan" }).tap();
  await page.getByText(`Opgeslagen: ${half} van ${total} beantwoord.`).waitFor();

  // Sending with open questions names them; the summary's links lead to the first option of each.
  await page.getByRole("button", { name: "Versturen" }).tap();
  const open = total - half;
  await page.getByRole("heading", { name: `Nog ${open === 1 ? "1 vraag" : `${open} vragen`} open` }).waitFor();
  await checkPage(page, "competence-phone-self-assessment-open");

  await answerAll(page, 4, { tap: true });
  await page.getByRole("button", { name: "Versturen" }).tap();
  await page.getByText(`Verstuurd: uw zelfbeoordeling is compleet (${total} van ${total} beantwoord).`).waitFor();
  await screenshot(page, "competence-phone-self-assessment-sent");

  // What was sent is what the server holds.
  await page.reload();
  await page.getByText(`${total} van ${total}`).first().waitFor();
  assert.equal(await page.locator('input.kwm-scale__input[value="4"]:checked').count(), total);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the manager rates their own employee", async () => {
  const { context, page, problems } = await openPage(browser);
  await login(page, roleUsers.manager);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Competenties" }).click();
  await page.getByRole("heading", { level: 1, name: "Competenties" }).waitFor();
  await page.getByRole("link", { name: ROUND_NAME }).click();
  await page.getByRole("heading", { level: 1, name: ROUND_NAME }).waitFor();
  const progress = page.getByRole("table", { name: "Voortgang per deelnemer" });
  const row = progress.getByRole("row", { name: new RegExp(escape(employee.name)) });
  await row.getByText(/Klaar \(\d+\/\d+\)/).waitFor();
  await checkPage(page, "competence-manager-round");

  await row.getByRole("link", { name: `Beoordelen (leidinggevende van ${employee.name})` }).click();
  await page
    .getByRole("heading", { level: 1, name: `Beoordeling door de leidinggevende van ${employee.name}` })
    .waitFor();
  await checkPage(page, "competence-manager-form");
  const total = await answerAll(page, 3);
  await page.getByRole("button", { name: "Versturen" }).click();
  await page
    .getByText(`Verstuurd: de beoordeling van ${employee.name} is compleet (${total} van ${total} beantwoord).`)
    .waitFor();

  // Managers read frameworks and profiles; only HR edits them.
  await page.goto("/competenties/kaders/core");
  await page.getByRole("heading", { level: 2, name: /^Schaal 1–5/ }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Wijzigingen opslaan" }).count(), 0);
  await checkPage(page, "competence-manager-framework");
  await page.goto(`/competenties/profielen/${employee.function_code}/${employee.level}`);
  await page
    .getByRole("table", { name: "Competenties" })
    .getByRole("row", { name: /Klantgerichtheid/ })
    .waitFor();
  assert.equal(await page.getByRole("button", { name: "Profiel opslaan" }).count(), 0);
  await checkPage(page, "competence-manager-profile");

  await page.goto(`/competenties/rondes/${ROUND_CODE}/beoordelen/${employee.personnel_number}/manager`);
  await page.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link", { name: ROUND_NAME }).click();
  const after = page
    .getByRole("table", { name: "Voortgang per deelnemer" })
    .getByRole("row", { name: new RegExp(escape(employee.name)) });
  await after.getByText(/Klaar/).nth(1).waitFor();
  assert.equal(await after.getByText(/Klaar/).count(), 2, "self and manager are both complete");
  assert.deepEqual(problems, []);
  await context.close();
});

test("HR sees the verdict, the printable report, the heatmaps with drill-down, coverage and growth", async () => {
  const { page, problems } = hr;
  await page.goto(`/competenties/rondes/${ROUND_CODE}`);
  await page
    .getByRole("navigation", { name: "Onderdelen van deze ronde" })
    .getByRole("link", { name: "Oordelen" })
    .click();
  await page.getByRole("heading", { level: 1, name: `Oordelen ${ROUND_NAME}` }).waitFor();
  const verdicts = page.getByRole("table", { name: "Oordeel per deelnemer" });
  // Self 4 (weight 1) and manager 3 (weight 2) give 3.33 on every competency; required is 3: no gap, meets.
  await verdicts
    .getByRole("row", { name: new RegExp(escape(employee.name)) })
    .getByText(/✓ Voldoet$/)
    .waitFor();
  await checkPage(page, "competence-results");

  const gapsCsv = await page.request.get(`/api/v1/assessment-rounds/${ROUND_CODE}/gaps?format=csv`);
  assert.equal(gapsCsv.status(), 200);
  assert.match(gapsCsv.headers()["content-type"], /text\/csv/);
  assert.match(await gapsCsv.text(), /^\uFEFF?personnel_number,name,unit_code/);
  const gapsXlsx = await page.request.get(`/api/v1/assessment-rounds/${ROUND_CODE}/gaps?format=xlsx`);
  assert.equal((await gapsXlsx.body()).subarray(0, 2).toString(), "PK");
  assert.equal(await page.getByRole("link", { name: "CSV met de tekorten per deelnemer en competentie" }).count(), 1);

  await verdicts.getByRole("link", { name: `${employee.name} (rapport)` }).click();
  await page.getByRole("heading", { level: 1, name: `Rapport ${employee.name}` }).waitFor();
  await page.getByRole("heading", { level: 2, name: /Oordeel: .*Voldoet/ }).waitFor();
  const scores = page.getByRole("table", { name: "Scores per competentie" });
  await scores
    .getByRole("row", { name: /Klantgerichtheid/ })
    .getByText("3,33")
    .waitFor();
  await checkPage(page, "competence-report");
  // The report's table has no file at the API: the page makes both files itself.
  const csvFile = await download(page, /^CSV met de scores per competentie/);
  assert.match(
    csvFile.toString("utf8"),
    /^Competentie,Code,Kritiek,Vereist,Zelfbeoordeling,Leidinggevende,Gecombineerd/,
  );
  assert.match(csvFile.toString("utf8"), /\r\nKlantgerichtheid,klantgerichtheid,ja,3,4,3,3\.33/);
  const xlsxFile = await download(page, /^Excel \(XLSX\) met de scores per competentie/);
  assert.equal(xlsxFile.subarray(0, 2).toString(), "PK");
  assert.ok(xlsxFile.includes("xl/worksheets/sheet1.xml") && xlsxFile.includes("Klantgerichtheid"));
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible(), false, "no menu on paper");
  assert.equal(await page.getByRole("button", { name: "Afdrukken" }).isVisible(), false, "no buttons on paper");
  await screenshot(page, "competence-report-print");
  await page.emulateMedia({ media: "screen" });

  // Organisation heatmap, then drill down to the employee's unit, then to its people.
  await page.goto(`/competenties/rondes/${ROUND_CODE}/organisatie`);
  await page.getByRole("heading", { level: 1, name: "Heatmap organisatie" }).waitFor();
  await page.locator(".kwm-heatmap canvas").first().waitFor();
  const orgTable = page.getByRole("table", { name: /Per eenheid en competentie/ });
  await orgTable.getByRole("row").nth(1).waitFor();
  await checkPage(page, "competence-heatmap-organisation");
  await orgTable.getByRole("link", { name: `${employee.unit_name} (inzoomen)` }).click();
  await page.getByRole("heading", { level: 1, name: `Heatmap organisatie: ${employee.unit_name}` }).waitFor();
  await page
    .getByRole("navigation", { name: "Ingezoomd op" })
    .getByRole("link", { name: "Hele organisatie" })
    .waitFor();
  const unitRow = page
    .getByRole("table", { name: /Per eenheid en competentie/ })
    .getByRole("row", { name: new RegExp(escape(employee.unit_name)) });
  await unitRow.getByText("voldoet").first().waitFor();
  await page.getByLabel("Aandeel dat voldoet").check();
  await page.waitForURL(/maat=voldoet/);
  await checkPage(page, "competence-heatmap-organisation-unit");
  await unitRow.getByRole("link", { name: `personen van ${employee.unit_name}` }).click();

  await page.getByRole("heading", { level: 1, name: `Heatmap team: ${employee.unit_name}` }).waitFor();
  const teamTable = page.getByRole("table", { name: /Per persoon en competentie/ });
  await teamTable
    .getByRole("row", { name: new RegExp(escape(employee.name)) })
    .getByText("geen tekort")
    .first()
    .waitFor();
  await page.locator(".kwm-heatmap canvas").first().waitFor();
  await checkPage(page, "competence-heatmap-team");

  await page
    .getByRole("navigation", { name: "Onderdelen van deze ronde" })
    .getByRole("link", { name: "Dekking kritieke competenties" })
    .click();
  await page.getByRole("heading", { level: 1, name: /^Dekking kritieke competenties/ }).waitFor();
  const coverage = page.getByRole("table", { name: "Dekking per kritieke competentie" });
  await coverage.getByRole("row", { name: /Klantgerichtheid/ }).waitFor();
  await checkPage(page, "competence-coverage");

  // Growth needs an earlier round with scores for the same person: seeded through the API and the CSV import.
  await api(page, "POST", "/assessment-rounds", {
    code: EARLIER_CODE,
    name: "Nulmeting e2e",
    purpose: "development",
    deadline: isoDate(20),
    target_date: isoDate(200),
    profiles: [{ function_code: employee.function_code, level: employee.level }],
    sources: ["self", "manager"],
    people: [employee.personnel_number],
  });
  const form = await api(page, "GET", `/assessment-rounds/${EARLIER_CODE}/forms/${employee.personnel_number}/self`);
  const lines = ["round_code,personnel_number,source,competency_code,indicator_code,score"];
  for (const source of ["self", "manager"])
    for (const competency of form.competencies)
      for (const indicator of competency.indicators)
        lines.push([EARLIER_CODE, employee.personnel_number, source, competency.code, indicator.code, 2].join(","));
  const imported = await api(page, "POST", "/import/assessments", `${lines.join("\n")}\n`, "text/csv");
  assert.equal(imported.imported, lines.length - 1);

  await page
    .getByRole("navigation", { name: "Onderdelen van deze ronde" })
    .getByRole("link", { name: "Groei" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Groei sinds een eerdere ronde" }).waitFor();
  await page.getByLabel("Eerdere ronde").selectOption(EARLIER_CODE);
  await page.getByRole("button", { name: "Vergelijken" }).click();
  const growth = page.getByRole("table", { name: "Groei per competentie" });
  // From 2 to 3.33 on every competency.
  await growth
    .getByRole("row", { name: /Klantgerichtheid/ })
    .getByText("+1,33")
    .waitFor();
  await checkPage(page, "competence-growth");
  assert.deepEqual(problems, []);
});

test("the works council sees the organisation heatmap and coverage with small cells suppressed, and no person", async () => {
  const { context, page, problems } = await openPage(browser);
  await login(page, roleUsers.works_council);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Competenties" }).click();
  await page.getByRole("link", { name: ROUND_NAME }).click();
  await page.getByRole("heading", { level: 1, name: ROUND_NAME }).waitFor();
  const sections = page.getByRole("navigation", { name: "Onderdelen van deze ronde" });
  assert.deepEqual(await sections.getByRole("link").allInnerTexts(), [
    "Overzicht",
    "Heatmap organisatie",
    "Dekking kritieke competenties",
    "Groei",
  ]);
  assert.equal(await page.getByRole("table", { name: "Voortgang per deelnemer" }).count(), 0);
  await checkPage(page, "competence-works-council-round");

  await sections.getByRole("link", { name: "Heatmap organisatie" }).click();
  const table = page.getByRole("table", { name: /Per eenheid en competentie/ });
  await table.getByText("Afgeschermd: minder dan 5 personen").first().waitFor();
  assert.equal(await table.getByText(/tekort \d/).count(), 0, "no figures from fewer than five people");
  assert.equal(await table.getByRole("link", { name: /personen van/ }).count(), 0);
  await checkPage(page, "competence-works-council-heatmap");

  await sections.getByRole("link", { name: "Dekking kritieke competenties" }).click();
  await page
    .getByRole("table", { name: "Dekking per kritieke competentie" })
    .getByText("Afgeschermd: minder dan 5 personen")
    .first()
    .waitFor();

  await page.goto(`/competenties/rondes/${ROUND_CODE}/team`);
  await page.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
