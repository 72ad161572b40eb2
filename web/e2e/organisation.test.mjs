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

const activeElement = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase(),
      toggle: el?.classList.contains("kwm-tree-toggle") ?? false,
      expanded: el?.getAttribute("aria-expanded"),
      row: el?.closest("[data-tree-row]")?.getAttribute("data-tree-row") ?? null,
      text: el?.textContent?.trim() ?? "",
    };
  });

const treeRows = (page) => page.locator("[data-tree-row]").count();

test("the organisation tree shows the rolled-up formation of the whole municipality", async () => {
  const { page } = session;
  const { units } = await apiGet(page, "/units/tree");
  const root = units.find((u) => u.parent_id === null);
  await page.goto("/");
  const rootRow = page.locator(`[data-tree-row="${root.id}"]`);
  await rootRow.waitFor();
  const cells = await rootRow.getByRole("cell").allInnerTexts();
  const budgeted = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 3 }).format(
    root.total.budgeted_fte,
  );
  assert.equal(cells[0], budgeted);
  assert.ok(root.total.budgeted_fte > 0, "the demo municipality has a formation");
  await page.getByRole("heading", { level: 2, name: "Kerncijfers" }).waitFor();
  assert.match(await page.locator(".kwm-key-figures").innerText(), new RegExp(`Begroot\\s+${budgeted} fte`));
});

test("the tree can be operated with the keyboard alone", async () => {
  const { page } = session;
  await page.goto("/");
  await page.locator("[data-tree-row]").first().waitFor();

  // Tab from the top of the page to the first tree toggle.
  await page.locator("body").focus();
  let focused = await activeElement(page);
  for (let presses = 0; presses < 40 && !focused.toggle; presses++) {
    await page.keyboard.press("Tab");
    focused = await activeElement(page);
  }
  assert.ok(focused.toggle, "Tab reaches the tree");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, "none", "the focused toggle shows a focus ring");
  assert.equal(focused.expanded, "true", "the top level starts open");
  const rootId = focused.row;
  const openCount = await treeRows(page);
  assert.ok(openCount > 1, "the open root shows its children");

  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-expanded") === "false");
  assert.ok((await treeRows(page)) < openCount, "ArrowLeft closes the unit");

  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-expanded") === "true");
  assert.equal(await treeRows(page), openCount, "ArrowRight opens it again");

  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-expanded") === "false");
  await page.keyboard.press(" ");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-expanded") === "true");

  // ArrowRight on an open unit moves to its first child; ArrowLeft on that child goes back up.
  await page.keyboard.press("ArrowRight");
  focused = await activeElement(page);
  assert.notEqual(focused.row, rootId, "ArrowRight moves into the children");
  const childId = focused.row;
  if (focused.toggle && focused.expanded === "true") await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  focused = await activeElement(page);
  assert.equal(focused.row, rootId, "ArrowLeft on a closed child returns to its parent");

  await page.keyboard.press("ArrowDown");
  assert.equal((await activeElement(page)).row, childId, "ArrowDown goes to the next unit");
  await page.keyboard.press("ArrowUp");
  assert.equal((await activeElement(page)).row, rootId, "ArrowUp goes back");

  // Tab from the toggle reaches the unit's link; Enter opens the team page with focus on its heading.
  await page.keyboard.press("Tab");
  focused = await activeElement(page);
  assert.equal(focused.tag, "a");
  const unitName = focused.text;
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: unitName }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.match(page.url(), /\/eenheden\/\d+$/);
  await screenshot(page, "team-from-keyboard");

  await page.goBack();
  await page.locator("[data-tree-row]").first().waitFor();
  assert.deepEqual(session.problems, []);
});

test("the skip link is the first stop and moves focus to the main content", async () => {
  const { page } = session;
  await page.goto("/");
  await page.locator("[data-tree-row]").first().waitFor();
  await page.locator("body").focus();
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return { text: el.textContent, visible: box.top >= 0 && box.height > 0 };
  });
  assert.deepEqual(skip, { text: "Naar de hoofdinhoud", visible: true });
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
});

test("'Alles openklappen' shows every unit", async () => {
  const { page } = session;
  const { units } = await apiGet(page, "/units/tree");
  await page.goto("/");
  await page.locator("[data-tree-row]").first().waitFor();
  await page.getByRole("button", { name: "Alles openklappen" }).click();
  assert.equal(await treeRows(page), units.length);
  await page.getByRole("button", { name: "Alles dichtklappen" }).click();
  assert.equal(await treeRows(page), units.filter((u) => u.parent_id === null).length);
});
