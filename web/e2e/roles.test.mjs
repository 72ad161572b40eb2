import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, login, openPage, roleUsers, screenshot, seriousViolations } from "./lib.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const navLinks = (page) => page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link").allInnerTexts();

test("the works council sees the organisation and team figures, but no single person", async () => {
  const { context, page, problems } = await openPage(browser);
  await login(page, roleUsers.works_council);
  await page.getByRole("heading", { level: 1, name: "Organisatie" }).waitFor();
  assert.deepEqual(await navLinks(page), ["Organisatie", "Competenties", "Reorganisaties"]);

  await page.getByRole("button", { name: "Alles openklappen" }).click();
  const teamLink = page.locator("[data-tree-row] a").last();
  const teamName = await teamLink.innerText();
  await teamLink.click();
  await page.getByRole("heading", { level: 1, name: teamName }).waitFor();
  await page.getByTestId("composition-summary").waitFor();
  await page.getByText("De ondernemingsraad ziet alleen totalen").waitFor();
  assert.equal(await page.getByRole("heading", { name: /Interne medewerkers/ }).count(), 0);
  assert.equal(await page.locator('a[href^="/medewerkers/"]').count(), 0);
  await page.waitForFunction(() => !document.querySelector(".kwm-loading"));
  await screenshot(page, "works-council-team");
  assert.deepEqual(await seriousViolations(page), []);

  await page.goto("/medewerkers");
  await page.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("an employee lands on their own record and can open nothing else", async () => {
  const { context, page, problems } = await openPage(browser);
  await login(page, roleUsers.employee);
  await page.getByRole("heading", { level: 1, name: "Mijn gegevens" }).waitFor();
  assert.match(page.url(), /\/medewerkers\/\d+$/);
  assert.deepEqual(await navLinks(page), ["Mijn gegevens", "Mijn beoordelingen", "Mijn reorganisatie"]);
  await page.getByRole("term").filter({ hasText: "Personeelsnummer" }).waitFor();
  await screenshot(page, "employee-own-record");
  assert.deepEqual(await seriousViolations(page), []);

  await page.goto("/importeren");
  await page.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: "Mijn gegevens" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
