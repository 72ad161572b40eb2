// Shared helpers for the browser tests: a real Chromium, a logged-in page, and axe.
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const baseUrl = required("KWM_E2E_URL");
export const credentials = { username: required("KWM_E2E_USERNAME"), password: required("KWM_E2E_PASSWORD") };

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm run test:e2e\``);
  return value;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "test-results", "screenshots");

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.KWM_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * A fresh context (AxeBuilder needs one) and page. Script errors and CSP
 * violations are collected so a test can assert the page ran cleanly.
 * `device` overrides the desktop defaults, e.g. a phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }.
 */
export async function openPage(browser, device = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "nl-NL",
    viewport: { width: 1280, height: 900 },
    ...device,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/.test(message.text()))
      problems.push(message.text());
  });
  return { context, page, problems };
}

export async function login(page, { username, password } = credentials) {
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  // Stop at once on a refused login instead of waiting out the timeout.
  const logout = page.getByRole("button", { name: "Uitloggen" });
  await logout.or(page.getByRole("alert")).first().waitFor();
  if (!(await logout.isVisible()))
    throw new Error(`login refused: ${await page.getByRole("alert").first().innerText()}`);
}

/** Runs axe with the WCAG 2.1 A/AA rules and returns the serious and critical violations, readably. */
export async function seriousViolations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** GET an API path with the page's session cookie. */
export async function apiGet(page, path) {
  const response = await page.request.get(`/api/v1${path}`);
  if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** The works council and employee accounts the harness created: { works_council: {username, password}, employee: … }. */
export const roleUsers = JSON.parse(required("KWM_E2E_ROLE_USERS"));
