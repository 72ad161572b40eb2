// The placement procedure in the browser (issue 4): HR sets a reorganisation up and steers the
// proposals, an employee states preferences and reads the explanation, the works council sees
// aggregates only. Everything runs against the real server with the demo municipality; what the
// flow needs beyond the demo (selection scores) is entered through the real API.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { apiGet, baseUrl, launchBrowser, login, openPage, roleUsers, screenshot, seriousViolations } from "./lib.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** State the tests hand on to each other: they follow the procedure's order. */
const state = {
  code: `E2E-${Date.now().toString(36)}`,
  name: "Herinrichting sociaal domein (browsertest)",
  id: null,
  employee: null, // the employee account's own person record
  scope: null,
  preferences: [], // function ids, in the employee's final order
  functionNames: new Map(),
  runs: [],
  lock: null,
};

const mainNav = (page) => page.getByRole("navigation", { name: "Hoofdmenu" });
const subNav = (page) => page.getByRole("navigation", { name: "Onderdelen van deze reorganisatie" });

function isoDate(daysFromToday) {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A write through the API with the page's session, as the web app sends it (CSRF token, same origin). */
async function apiSend(page, method, path, body) {
  const { csrf_token: token } = await apiGet(page, "/session");
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { "X-CSRF-Token": token, Origin: baseUrl, "Content-Type": "application/json" },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}

/** Waits until no "… laden" line is left, then checks the page with axe and keeps a screenshot. */
async function checkPage(page, name) {
  await page.waitForFunction(() => !document.querySelector(".kwm-loading"));
  await screenshot(page, `placement-${name}`);
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
}

/** Follows a link of the reorganisation's own navigation and waits until it marks the new page as current. */
async function openSub(page, label) {
  const link = subNav(page).getByRole("link", { name: label, exact: true });
  await link.click();
  await link.and(page.locator('[aria-current="page"]')).waitFor();
  await page.waitForFunction(() => !document.querySelector(".kwm-loading"));
}

/** A function level as the web app names it. */
const functionText = (f) => (f.level && f.level !== f.name ? `${f.name} (${f.level})` : f.name);

/** Later steps build on earlier ones: fail at once, not after a timeout, when an earlier step failed. */
function requireEarlierSteps(...keys) {
  for (const key of ["id", ...keys]) assert.ok(state[key], `an earlier step did not provide ${key}`);
}

/** The person record of the employee account the harness made, read through that account's own session. */
async function employeePersonId() {
  const { context, page } = await openPage(browser);
  try {
    await login(page, roleUsers.employee);
    return (await apiGet(page, "/session")).user.person_id;
  } finally {
    await context.close();
  }
}

async function hrSession() {
  const session = await openPage(browser);
  await login(session.page);
  return session;
}

test("HR creates a reorganisation, sets its rules and confirms the function mapping", async () => {
  const { context, page, problems } = await hrSession();
  const { units } = await apiGet(page, "/units/tree");
  const root = units.find((u) => u.parent_id === null);

  await mainNav(page).getByRole("link", { name: "Reorganisaties" }).click();
  await page.getByRole("heading", { level: 1, name: "Reorganisaties", exact: true }).waitFor();
  await checkPage(page, "list-hr");
  await page.getByRole("link", { name: "Nieuwe reorganisatie" }).click();
  await page.getByRole("heading", { level: 1, name: "Nieuwe reorganisatie", exact: true }).waitFor();

  // Nothing filled in: every mistake is named at once, and nothing is created.
  await page.getByRole("button", { name: "Reorganisatie aanmaken" }).click();
  await page.getByRole("alert").filter({ hasText: "De reorganisatie is niet aangemaakt" }).waitFor();
  await page.getByText("Vul een naam in.").first().waitFor();
  await page.getByText("Kies de eenheid waarvan de medewerkers de oude formatie vormen.").first().waitFor();
  await checkPage(page, "new");

  await page.getByLabel("Naam", { exact: true }).fill(state.name);
  await page.getByLabel("Code", { exact: true }).fill(state.code);
  await page.getByLabel("Oude formatie", { exact: true }).selectOption(String(root.id));
  await page.getByLabel("Nieuwe formatie", { exact: true }).selectOption(String(root.id));
  await page.getByLabel("Deadline voorkeuren").fill(isoDate(30));
  await page.getByLabel("Ingangsdatum nieuwe formatie").fill(isoDate(90));
  await page.getByRole("button", { name: "Reorganisatie aanmaken" }).click();
  await page.getByRole("heading", { level: 1, name: "Overzicht", exact: true }).waitFor();
  state.id = Number(/\/reorganisaties\/(\d+)$/.exec(page.url())?.[1]);
  assert.ok(state.id > 0, `the new reorganisation's page: ${page.url()}`);
  await page.getByText(`${state.name} (${state.code})`).first().waitFor();
  await page.getByRole("heading", { level: 3, name: "Functiekoppeling bevestigen" }).waitFor();
  await checkPage(page, "overview-hr");

  // Tie-breaks are reordered with the keyboard alone; focus stays on the rule that moved.
  await openSub(page, "Instellingen");
  const moveUp = page.getByRole("button", { name: /^Voorrangsregel Rang van de voorkeur .* één plaats hoger$/ });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() =>
    /Rang van de voorkeur .* één plaats lager$/.test(document.activeElement?.getAttribute("aria-label") ?? ""),
  );
  await page.getByRole("status").filter({ hasText: "staat nu op plaats 1 van 2" }).waitFor();
  await page.getByLabel("Bonus voor de 1e voorkeur (punten)").fill("40");
  await page.getByRole("button", { name: "Instellingen opslaan" }).click();
  await page.getByText("De instellingen zijn opgeslagen.").first().waitFor();
  const saved = await apiGet(page, `/reorganisations/${state.id}`);
  assert.deepEqual(saved.settings.tie_breaks, ["preference_rank", "seniority"]);
  assert.equal(saved.settings.preference_bonus[0], 40);
  await checkPage(page, "settings");

  // HR departs from the proposal for the employee's own function: it no longer follows the person, so the
  // employee competes in the preference round and the explanation has preferences to account for.
  state.scope = await apiGet(page, `/reorganisations/${state.id}/scope`);
  const personId = await employeePersonId();
  state.employee = state.scope.employees.find((e) => e.person_id === personId);
  assert.ok(state.employee, "the employee account is in the reorganisation's old formation");
  const own = state.employee;
  await openSub(page, "Functiekoppeling");
  await page.getByRole("heading", { level: 1, name: "Functiekoppeling", exact: true }).waitFor();
  await page.getByText("De koppeling is nog niet bevestigd.").first().waitFor();
  await checkPage(page, "mapping-hr");
  const ownName = functionText({ name: own.function_name, level: own.level });
  const ownPair = page.getByLabel(`Koppeling van ${ownName} naar ${ownName}`, { exact: true });
  const proposal = (await apiGet(page, `/reorganisations/${state.id}/function-mapping`)).pairs.find(
    (p) => p.old_function_id === own.function_id && p.new_function_id === own.function_id,
  );
  assert.equal(await ownPair.inputValue(), proposal.proposed, "the page starts from the proposal");
  const override = proposal.proposed === "none" ? "suitable" : "none";
  await ownPair.selectOption(override);
  await page.getByText("U wijkt bij 1 koppeling af van het voorstel.").first().waitFor();
  await page.getByRole("button", { name: "Koppeling bevestigen" }).click();
  await page.getByText("De functiekoppeling is bevestigd.").first().waitFor();
  await page.getByText("De koppeling is bevestigd door e2e-hr").first().waitFor();
  const mapping = await apiGet(page, `/reorganisations/${state.id}/function-mapping`);
  assert.equal(mapping.confirmed.by, "e2e-hr");
  const pair = mapping.pairs.find(
    (p) => p.old_function_id === own.function_id && p.new_function_id === own.function_id,
  );
  assert.deepEqual([pair.proposed, pair.match], [proposal.proposed, override]);

  const functions = await apiGet(page, `/reorganisations/${state.id}/functions`);
  for (const f of functions.items) state.functionNames.set(f.function_id, functionText(f));
  assert.deepEqual(problems, []);
  await context.close();
});

test("HR enters selection scores on the page and sees every score's breakdown", async () => {
  requireEarlierSteps();
  const { context, page, problems } = await hrSession();
  await page.goto(`/reorganisaties/${state.id}/selectiegegevens`);
  await page.getByRole("heading", { level: 1, name: "Selectiegegevens", exact: true }).waitFor();
  const [first, second] = state.scope.employees;
  const functions = (await apiGet(page, `/reorganisations/${state.id}/functions`)).items;

  await page.getByLabel("Medewerker", { exact: true }).selectOption(String(first.person_id));
  const scoreField = page.getByLabel(`Score voor ${functionText(functions[0])}`);
  await scoreField.fill("11");
  await page.getByRole("button", { name: "Gespreksscores opslaan" }).click();
  await page.getByText("Vul een score van 0 tot en met 10 in, of laat het veld leeg.").first().waitFor();
  await scoreField.fill("7,5");
  await page.getByRole("button", { name: "Gespreksscores opslaan" }).click();
  await page.getByText("1 score opgeslagen.").first().waitFor();
  await page.getByLabel(`Beoordeling van ${second.name}`, { exact: true }).selectOption("4");
  await page.getByLabel(`Datum van de beoordeling van ${second.name}`).fill(isoDate(-60));
  await page.getByRole("button", { name: "Beoordelingen opslaan" }).click();
  await page.getByText("1 beoordeling opgeslagen.").first().waitFor();
  await checkPage(page, "selection-input");
  const interviews = await apiGet(page, `/reorganisations/${state.id}/interview-scores`);
  assert.ok(interviews.items.some((s) => s.person_id === first.person_id && s.score === 7.5));

  // The rest of the committee's work, entered through the API: a score per employee for their own and one
  // other function level, and a last appraisal for everyone.
  const scores = [];
  state.scope.employees.forEach((employee, i) => {
    const own = functions.find((f) => f.function_id === employee.function_id);
    const other = functions[(i * 3) % functions.length];
    for (const f of new Set([own, other].filter(Boolean)))
      scores.push({ person_id: employee.person_id, function_id: f.function_id, score: 5 + ((i * 7) % 5), note: "" });
  });
  await apiSend(page, "PUT", `/reorganisations/${state.id}/interview-scores`, { scores });
  await apiSend(page, "PUT", `/reorganisations/${state.id}/appraisals`, {
    appraisals: state.scope.employees.map((e, i) => ({
      person_id: e.person_id,
      score: 2 + (i % 4),
      date: isoDate(-90),
    })),
  });

  await page.goto(`/reorganisaties/${state.id}/geschiktheid`);
  await page.getByRole("heading", { level: 1, name: "Geschiktheid", exact: true }).waitFor();
  await page.getByLabel("Medewerker", { exact: true }).selectOption(String(first.person_id));
  await page.getByRole("button", { name: "Tonen", exact: true }).click();
  await page.waitForURL(new RegExp(`medewerker=${first.person_id}`));
  const toggle = page.getByRole("button", { name: /^Tonen\W+opbouw van / }).first();
  await toggle.click();
  assert.equal(
    await page
      .getByRole("button", { name: /^Verbergen\W+opbouw van / })
      .first()
      .getAttribute("aria-expanded"),
    "true",
  );
  const breakdown = page.getByRole("table", { name: new RegExp(`^Opbouw van de geschiktheid van ${first.name}`) });
  await breakdown.waitFor();
  for (const part of ["Competenties (selectieassessment)", "Selectiegesprek", "Laatste beoordeling", "Geschiktheid"])
    await breakdown.getByRole("rowheader", { name: part }).waitFor();
  await page.getByRole("list", { name: "Harde voorwaarden" }).first().waitFor();
  await checkPage(page, "suitability");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an employee states three ranked preferences with motivations, reordered with the keyboard", async () => {
  requireEarlierSteps("employee");
  const { context, page, problems } = await openPage(browser);
  await login(page, roleUsers.employee);
  const functions = (await apiGet(page, `/reorganisations/${state.id}/functions`)).items;
  // First choice: a level whose education the employee lacks, so the explanation has a refusal to explain.
  const rank = { mbo: 1, hbo: 2, wo: 3 };
  const beyond = functions.find((f) => rank[f.education_level] > (rank[state.employee.education_level] ?? 0));
  const others = functions.filter((f) => f !== beyond && f.function_id !== state.employee.function_id);
  const [x1, x2, x3] = [beyond ?? others[2], others[0], others[1]];
  state.preferences = [x1.function_id, x2.function_id, x3.function_id];
  state.firstBeyondEducation = Boolean(beyond);

  await mainNav(page).getByRole("link", { name: "Mijn reorganisatie" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn reorganisatie", exact: true }).waitFor();
  await checkPage(page, "list-employee");
  await page.getByRole("region", { name: state.name }).getByRole("link", { name: "Mijn voorkeuren opgeven" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn voorkeuren", exact: true }).waitFor();

  // Entered in the order x2, x1, x3; the first without a motivation.
  const add = page.getByRole("button", { name: "Voorkeur toevoegen" });
  for (const [i, f] of [x2, x1, x3].entries()) {
    await add.click();
    const group = page.getByRole("group", { name: `${i + 1}e voorkeur`, exact: true });
    await group.getByLabel("Functie").selectOption(String(f.function_id));
    if (i > 0) await group.getByLabel("Motivatie").fill(`Ik wil graag ${f.name} worden: het past bij mijn ervaring.`);
  }
  assert.equal(await add.count(), 0, "no fourth preference can be added");
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await page.getByRole("alert").filter({ hasText: "Uw voorkeuren zijn niet opgeslagen" }).waitFor();
  await page.getByText("Schrijf kort waarom u deze functie wilt.").first().waitFor();
  await page
    .getByRole("group", { name: "1e voorkeur" })
    .getByLabel("Motivatie")
    .fill("Dit werk doe ik al jaren met plezier.");

  // Move x1 one place up with the keyboard: focus stays on its buttons and the new place is announced.
  const x1Name = functionText(x1);
  await page.getByRole("button", { name: `Voorkeur ${x1Name} één plaats hoger` }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    (name) => (document.activeElement?.getAttribute("aria-label") ?? "").startsWith(`Voorkeur ${name} één plaats`),
    x1Name,
  );
  await page
    .getByRole("status")
    .filter({ hasText: `Voorkeur ${x1Name} staat nu op plaats 1 van 3.` })
    .waitFor();
  assert.equal(
    await page.getByRole("group", { name: "1e voorkeur", exact: true }).getByLabel("Functie").inputValue(),
    String(x1.function_id),
  );
  assert.equal(
    await page.getByRole("group", { name: "2e voorkeur", exact: true }).getByLabel("Functie").inputValue(),
    String(x2.function_id),
  );
  await checkPage(page, "my-preferences");

  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await page.getByText("Uw 3 voorkeuren zijn opgeslagen.").first().waitFor();
  const mine = await apiGet(page, `/reorganisations/${state.id}/my-preferences`);
  assert.deepEqual(
    mine.preferences.map((p) => p.function_id),
    state.preferences,
  );
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Mijn voorkeuren", exact: true }).waitFor();
  assert.equal(
    await page.getByRole("group", { name: "1e voorkeur", exact: true }).getByLabel("Functie").inputValue(),
    String(x1.function_id),
  );

  // HR's pages are not the employee's.
  await page.goto(`/reorganisaties/${state.id}/voorstellen`);
  await page.getByRole("heading", { level: 1, name: "Geen toegang", exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("HR sees who has not responded and fills in a paper form", async () => {
  requireEarlierSteps("employee");
  const { context, page, problems } = await hrSession();
  await page.goto(`/reorganisaties/${state.id}/voorkeuren`);
  await page.getByRole("heading", { level: 1, name: "Voorkeuren", exact: true }).waitFor();
  await page.getByRole("rowheader", { name: state.employee.name }).waitFor();
  await checkPage(page, "preferences-hr");

  await page.getByLabel("Tonen").selectOption("false");
  await page.waitForURL(/gereageerd=nee/);
  await page.waitForFunction(() => !document.querySelector(".kwm-loading"));
  const notResponded = await apiGet(page, `/reorganisations/${state.id}/preferences?responded=false`);
  assert.equal(notResponded.not_responded, state.scope.employees.length - 1);
  assert.equal(await page.getByRole("rowheader", { name: state.employee.name }).count(), 0);
  const other = notResponded.employees[0];
  await page.getByRole("link", { name: `Invullen voor ${other.name}` }).click();
  await page
    .getByRole("heading", { level: 1, name: "Voorkeuren invullen namens een medewerker", exact: true })
    .waitFor();
  await page.getByRole("button", { name: "Voorkeur toevoegen" }).click();
  const group = page.getByRole("group", { name: "1e voorkeur", exact: true });
  await group.getByLabel("Functie").selectOption(String(state.preferences[2]));
  await group.getByLabel("Motivatie").fill("Overgenomen van het ondertekende formulier.");
  await checkPage(page, "preferences-on-behalf");
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: "Voorkeuren", exact: true }).waitFor();
  const status = await apiGet(page, `/reorganisations/${state.id}/preferences`);
  assert.equal(status.responded, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("HR runs a proposal, locks a pair, runs again, compares both and confirms one by name", async () => {
  requireEarlierSteps("employee");
  const { context, page, problems } = await hrSession();
  await page.goto(`/reorganisaties/${state.id}/voorstellen`);
  await page.getByRole("heading", { level: 1, name: "Voorstellen", exact: true }).waitFor();
  await page.getByText("Er is nog geen voorstel berekend.").first().waitFor();
  await checkPage(page, "runs");
  await page.getByLabel("Toelichting (niet verplicht)").fill("Eerste voorstel");
  await page.getByRole("button", { name: "Voorstel berekenen" }).click();
  await page.getByRole("heading", { level: 1, name: "Voorstel 1", exact: true }).waitFor();
  const firstId = Number(/\/voorstellen\/(\d+)$/.exec(page.url())?.[1]);
  const first = await apiGet(page, `/reorganisations/${state.id}/runs/${firstId}`);
  await page.getByRole("heading", { level: 2, name: `Boventallig (${first.surplus.length})` }).waitFor();
  for (const round of first.rounds)
    await page.getByRole("heading", { level: 3, name: new RegExp(`: ${round.name} \\(`) }).waitFor();
  await checkPage(page, "run-1");

  // Lock a surplus employee onto a position the proposal left open.
  assert.ok(first.surplus.length > 0 && first.open_slots.length > 0, "the demo leaves someone surplus and a slot open");
  state.lock = { person: first.surplus[0], position: first.open_slots[0] };
  await openSub(page, "Vastzetten en uitsluiten");
  await page.getByRole("heading", { level: 1, name: "Vastzetten en uitsluiten", exact: true }).waitFor();
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await page.getByText("Leg uit waarom: de reden komt in de uitleg en in het auditlog.").first().waitFor();
  await page.getByLabel("Medewerker", { exact: true }).selectOption(String(state.lock.person.person_id));
  await page.getByLabel("Plaats in de nieuwe formatie").selectOption(String(state.lock.position.position_id));
  await page.getByLabel("Vastzetten: deze medewerker komt op deze plaats").check();
  await page.getByLabel("Reden").fill("Afspraak uit het sociaal plan: terugkeer op de eigen werkplek.");
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await page.getByText(`${state.lock.person.name} is vastgezet op`).first().waitFor();
  await page.getByRole("rowheader", { name: new RegExp(state.lock.person.name) }).waitFor();
  await checkPage(page, "decisions");

  await openSub(page, "Voorstellen");
  await page.getByLabel("Toelichting (niet verplicht)").fill("Met één vastgezette plaatsing");
  await page.getByRole("button", { name: "Voorstel berekenen" }).click();
  await page.getByRole("heading", { level: 1, name: "Voorstel 2", exact: true }).waitFor();
  const secondId = Number(/\/voorstellen\/(\d+)$/.exec(page.url())?.[1]);
  const second = await apiGet(page, `/reorganisations/${state.id}/runs/${secondId}`);
  await page.getByRole("heading", { level: 3, name: /^Vastgezet door HR \(1 geplaatst\)$/ }).waitFor();
  await page
    .getByRole("table", { name: "Plaatsingen in Vastgezet door HR" })
    .getByRole("rowheader", { name: new RegExp(state.lock.person.name) })
    .waitFor();
  assert.ok(second.placements.some((p) => p.person_id === state.lock.person.person_id && p.locked));
  await checkPage(page, "run-2");
  state.runs = [first, second];

  await openSub(page, "Vergelijken");
  await page.getByRole("heading", { level: 1, name: "Voorstellen vergelijken", exact: true }).waitFor();
  const figures = page.getByRole("table", { name: "Kerncijfers van de gekozen voorstellen" });
  await figures.waitFor();
  const header = await figures.getByRole("columnheader").allInnerTexts();
  assert.deepEqual(header, ["Cijfer", "Voorstel 1", "Voorstel 2", "Verschil (2 − 1)"]);
  const placedRow = await figures
    .getByRole("row", { name: /^Geplaatst/ })
    .getByRole("cell")
    .allInnerTexts();
  assert.deepEqual(placedRow.slice(0, 2), [String(first.figures.placed), String(second.figures.placed)]);
  for (const dimension of ["huidige eenheid", "deeltijd en voltijd", "soort contract", "opleidingsniveau"])
    await page.getByRole("heading", { level: 2, name: `Uitkomst per ${dimension}` }).waitFor();
  await checkPage(page, "compare-hr");

  // Confirmation needs the check, and records who confirmed.
  await page.goto(`/reorganisaties/${state.id}/voorstellen/${secondId}`);
  await page.getByRole("heading", { level: 1, name: "Voorstel 2", exact: true }).waitFor();
  await page.getByRole("button", { name: "Voorstel 2 bevestigen" }).click();
  await page.getByText("Bevestig dat u het voorstel en de uitleg heeft gecontroleerd.").first().waitFor();
  await page.getByLabel("Ik heb dit voorstel en de uitleg aan de medewerkers gecontroleerd").check();
  await page.getByLabel("Toelichting bij de bevestiging (niet verplicht)").fill("Besproken met de ondernemingsraad.");
  await page.getByRole("button", { name: "Voorstel 2 bevestigen" }).click();
  const confirmedBy = page.getByTestId("confirmed-by");
  await confirmedBy.waitFor();
  assert.match(
    await confirmedBy.innerText(),
    /Bevestigd door e2e-hr op .+\. Toelichting: Besproken met de ondernemingsraad\./,
  );
  const confirmed = await apiGet(page, `/reorganisations/${state.id}/runs/${secondId}`);
  assert.equal(confirmed.status, "confirmed");
  assert.equal(confirmed.confirmed_by, "e2e-hr");
  await page.getByText("Uitkomst bevestigd").first().waitFor();
  assert.equal(
    await page.getByRole("button", { name: /bevestigen$/ }).count(),
    0,
    "a confirmed run offers no confirmation",
  );
  await checkPage(page, "run-confirmed");

  await page.goto(`/reorganisaties/${state.id}/voorstellen/${secondId}/uitleg/${state.employee.person_id}`);
  await page.getByRole("heading", { level: 1, name: `Uitleg voor ${state.employee.name}`, exact: true }).waitFor();
  await checkPage(page, "explanation-hr");

  await openSub(page, "Vacatures");
  await page.getByRole("heading", { level: 1, name: "Vacatures", exact: true }).waitFor();
  const vacancies = await apiGet(page, `/reorganisations/${state.id}/vacancies`);
  assert.equal(vacancies.items.length > 0, second.open_slots.length > 0);
  if (vacancies.items.length > 0) {
    await page
      .getByRole("button", { name: /^Naar samenwerkende gemeenten/ })
      .first()
      .click();
    await page
      .getByText(/nu samenwerkende gemeenten\./)
      .first()
      .waitFor();
  }
  await checkPage(page, "vacancies-hr");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the employee reads their own explanation in plain Dutch and lodges an objection", async () => {
  requireEarlierSteps("lock");
  const { context, page, problems } = await openPage(browser);
  await login(page, roleUsers.employee);
  await mainNav(page).getByRole("link", { name: "Mijn reorganisatie" }).click();
  await page
    .getByRole("region", { name: state.name })
    .getByRole("link", { name: "Mijn uitkomst en uitleg lezen" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Mijn uitkomst", exact: true }).waitFor();
  const outcome = page.getByRole("heading", { level: 2, name: /^U bent (geplaatst als .+|boventallig)$/ });
  await outcome.waitFor();
  await page.getByText("Bevestigd door e2e-hr").first().waitFor();
  await page.getByRole("heading", { level: 2, name: "De uitleg" }).waitFor();

  // Each preference in the employee's order, with what became of it and why.
  const items = page.getByRole("heading", { level: 3, name: /^\de voorkeur: / });
  assert.equal(await items.count(), 3);
  for (const [i, functionId] of state.preferences.entries()) {
    const text = await items.nth(i).innerText();
    assert.ok(text.startsWith(`${i + 1}e voorkeur: ${state.functionNames.get(functionId)}`), text);
    assert.match(text, /Toegekend|Niet toegekend|Niet nodig/);
  }
  const explanation = await apiGet(page, `/reorganisations/${state.id}/my-explanation`);
  // A first choice beyond the employee's education is refused on that hard constraint, and says so.
  if (state.firstBeyondEducation) {
    assert.match(await items.nth(0).innerText(), /Niet toegekend/);
    assert.equal(explanation.preferences[0].reason, "not_eligible");
    await page
      .getByText(/niet aan alle harde voorwaarden/)
      .first()
      .waitFor();
  }
  // Where a few points more would have changed the outcome, the page says how many.
  for (const p of explanation.preferences.filter((p) => p.points_short !== null))
    await page
      .getByText(
        `Verschil: ${new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }).format(p.points_short)} punten`,
      )
      .first()
      .waitFor();
  if (explanation.score) {
    const breakdown = page.getByRole("table", { name: /^Opbouw van de score voor / });
    await breakdown.getByRole("rowheader", { name: "Selectiegesprek" }).waitFor();
    await breakdown.getByRole("rowheader", { name: "Laatste beoordeling" }).waitFor();
  }
  // Never another person: no colleague's name appears anywhere on the page.
  const body = await page.locator("main").innerText();
  for (const colleague of state.scope.employees)
    if (colleague.person_id !== state.employee.person_id)
      assert.ok(!body.includes(colleague.name), `shows ${colleague.name}`);
  await checkPage(page, "my-explanation");

  await page.getByRole("button", { name: "Bezwaar maken" }).click();
  await page.getByText("Schrijf op waarom u het niet eens bent met de uitkomst.").first().waitFor();
  await page
    .getByLabel("Waarom bent u het niet eens met de uitkomst?")
    .fill("Mijn eerste voorkeur past beter bij mijn ervaring.");
  await page.getByRole("button", { name: "Bezwaar maken" }).click();
  await page.getByText("Uw bezwaar is ontvangen. HR neemt contact met u op.").first().waitFor();
  await page.getByText("Ontvangen", { exact: true }).first().waitFor();
  assert.equal(await page.getByRole("button", { name: "Bezwaar maken" }).count(), 0, "one open objection at a time");
  await checkPage(page, "my-objection");
  assert.deepEqual(problems, []);
  await context.close();
});

test("HR handles the objection in the register", async () => {
  requireEarlierSteps("lock");
  const { context, page, problems } = await hrSession();
  await page.goto(`/reorganisaties/${state.id}/bezwaren`);
  await page.getByRole("heading", { level: 1, name: "Bezwaren", exact: true }).waitFor();
  const card = page.getByRole("region", { name: new RegExp(`^${state.employee.name}`) });
  await card.getByText("Mijn eerste voorkeur past beter bij mijn ervaring.").first().waitFor();
  await card.getByLabel("Status").selectOption("in_review");
  await card.getByRole("button", { name: "Bezwaar bijwerken" }).click();
  await page.getByText(`Het bezwaar van ${state.employee.name} staat nu op in behandeling.`).first().waitFor();
  const objections = await apiGet(page, `/reorganisations/${state.id}/objections`);
  assert.equal(objections.items.find((o) => o.person_id === state.employee.person_id)?.status, "in_review");
  await checkPage(page, "objections");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the works council sees the reorganisation's figures, never a single person", async () => {
  requireEarlierSteps("lock");
  const { context, page, problems } = await openPage(browser);
  await login(page, roleUsers.works_council);
  await mainNav(page).getByRole("link", { name: "Reorganisaties" }).click();
  await page.getByRole("link", { name: state.name }).click();
  await page.getByRole("heading", { level: 1, name: "Overzicht", exact: true }).waitFor();
  assert.deepEqual(await subNav(page).getByRole("link").allInnerTexts(), [
    "Overzicht",
    "Functiekoppeling",
    "Vergelijken",
    "Vacatures",
  ]);
  await page.getByRole("heading", { level: 3, name: "Bevestigde uitkomst (voorstel 2)" }).waitFor();
  await checkPage(page, "overview-works-council");

  const names = state.scope.employees.map((e) => e.name);
  for (const [label, title] of [
    ["Vergelijken", "Voorstellen vergelijken"],
    ["Functiekoppeling", "Functiekoppeling"],
    ["Vacatures", "Vacatures"],
  ]) {
    await openSub(page, label);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.waitForFunction(() => !document.querySelector(".kwm-loading"));
    const body = await page.locator("main").innerText();
    for (const name of names) assert.ok(!body.includes(name), `${title} shows ${name}`);
    await checkPage(page, `works-council-${label.toLowerCase()}`);
  }
  // Read only: no mapping to change, no vacancy to move.
  assert.equal(
    await page
      .getByRole("button")
      .filter({ hasText: /Naar|Vervuld|Intrekken/ })
      .count(),
    0,
  );
  await openSub(page, "Functiekoppeling");
  assert.equal(await page.getByRole("button", { name: "Koppeling bevestigen" }).count(), 0);
  await page.goto(`/reorganisaties/${state.id}/vergelijken`);
  await page.getByRole("table", { name: "Kerncijfers van de gekozen voorstellen" }).waitFor();
  // The small demo's units hold fewer than five employees each: their figures are withheld.
  await page.getByText("Minder dan 5 medewerkers: niet getoond").first().waitFor();

  await page.goto(`/reorganisaties/${state.id}/voorstellen/${state.runs[1].id}`);
  await page.getByRole("heading", { level: 1, name: "Geen toegang", exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
