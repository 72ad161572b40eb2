import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { credentials, launchBrowser, login, openPage, screenshot } from "./lib.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("a wrong password is refused with a message, and the field is cleared", async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto("/");
  await page.getByLabel("Gebruikersnaam").fill(credentials.username);
  await page.getByLabel("Wachtwoord").fill(`${credentials.password}-fout`);
  await page.getByRole("button", { name: "Inloggen" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /gebruikersnaam of het wachtwoord is onjuist/i);
  assert.equal(await page.getByLabel("Wachtwoord").inputValue(), "");
  assert.equal(await page.getByRole("button", { name: "Uitloggen" }).count(), 0);
  await screenshot(page, "login-error");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an empty form names the missing fields without calling the server", async () => {
  const { context, page } = await openPage(browser);
  await page.goto("/");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByText("Vul uw gebruikersnaam in.").waitFor();
  assert.equal(await page.getByLabel("Gebruikersnaam").getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "login-username");
  await context.close();
});

test("an HR adviser logs in, sees the HR navigation and logs out again", async () => {
  const { context, page, problems } = await openPage(browser);
  await login(page);
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  const links = await nav.getByRole("link").allInnerTexts();
  assert.deepEqual(links, ["Organisatie", "Medewerkers", "Competenties", "Reorganisaties", "Importeren", "Auditlog"]);
  await page.getByRole("heading", { level: 1, name: "Organisatie" }).waitFor();
  await screenshot(page, "organisation");

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  await page.getByText("U bent uitgelogd.").waitFor();
  // The session is gone on the server too: a reload does not bring the app back.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Uitloggen" }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
