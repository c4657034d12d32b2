// Browser tests of `policyc site` (issue 16), in headless Chromium driven by
// playwright-core: the site of the shipped policies, built for 2026-11-30,
// opened page by page from file://.
//
// Run with tests/browser/run.sh (.ci/run does). Environment:
//   POLICYC       the policyc binary (default: target/release/policyc)
//   CHROMIUM      the browser (default: the first of chromium,
//                 chromium-browser, google-chrome on the PATH)
//   SCREENSHOTS   where the screenshots go (default:
//                 target/browser/screenshots; docs/screenshots for the README)

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const TODAY = "2026-11-30";
const policyc = process.env.POLICYC ?? path.join(root, "target/release/policyc");
const site = path.join(root, "target/browser/site");
const screenshots = process.env.SCREENSHOTS ?? path.join(root, "target/browser/screenshots");

/// The version in force on 2026-11-30 of each shipped policy, worked out by
/// hand from the `effective` dates in policies/: a version is in force from
/// the first day of its month (or its day) until the next one's. GitHub's
/// v1.0 and v1.1 share 2021-11; the later version wins.
const IN_FORCE = {
  "atlassian-support": "v1.0", // 2026-11
  "clickhouse-support": "v2.0", // v1.0 2022-01-28, v2.0 2025-10-15
  "cockroach-labs-support": "v1.0", // 2026-11
  "customer-support": "v1.1", // v1.0 2026-06, v1.1 2026-09
  "github-support": "v1.1", // both 2021-11
  "red-hat-support": "v1.0", // 2026-11
};

let browser;
/** Every page of the site: its path under the site, ids, links. */
const pages = new Map();

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error("no Chromium found: install Debian's chromium or set CHROMIUM");
}

function htmlFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(site, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/** Opens a page of the site, recording console errors, page errors and
 * every request that leaves file:// (the site is self-contained). */
async function open(relative, hash = "") {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!/^(file|data|about):/.test(r.url())) problems.push(`request outside the site: ${r.url()}`);
  });
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
  await page.goto(pathToFileURL(path.join(site, relative)).href + hash);
  return { page, problems };
}

before(async () => {
  fs.rmSync(site, { recursive: true, force: true });
  const built = spawnSync(policyc, ["site", "policies", "--out", site, "--today", TODAY], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(built.status, 0, `policyc site failed:\n${built.stdout}\n${built.stderr}`);
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
    ],
  });
  for (const relative of htmlFiles(site)) {
    const { page, problems } = await open(relative);
    const found = await page.evaluate(() => ({
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
      links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
    }));
    pages.set(relative, { ...found, problems, ids: new Set(found.ids) });
    await page.close();
  }
});

after(async () => {
  await browser?.close();
});

test("the site has an index, a page per version and a page per change", () => {
  const names = [...pages.keys()];
  assert.ok(names.includes("index.html"));
  for (const [policy, version] of Object.entries(IN_FORCE)) {
    assert.ok(names.includes(`${policy}/${version}.html`), `${policy}/${version}.html missing`);
  }
  // Three policies have two versions: one "what changed" page each.
  assert.deepEqual(
    names.filter((n) => n.includes("/changes-")),
    [
      "clickhouse-support/changes-v1.0-to-v2.0.html",
      "customer-support/changes-v1.0-to-v1.1.html",
      "github-support/changes-v1.0-to-v1.1.html",
    ],
  );
});

test("no page logs a console error or reaches outside the site", () => {
  for (const [name, page] of pages) {
    assert.deepEqual(page.problems, [], `${name}`);
  }
});

test("every internal link and anchor resolves", () => {
  let checked = 0;
  for (const [name, page] of pages) {
    const base = pathToFileURL(path.join(site, name));
    for (const href of page.links) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      assert.ok(!/^[a-z]+:/i.test(href), `${name}: link to ${href}`);
      const url = new URL(href, base);
      const target = path.relative(site, fileURLToPath(url));
      assert.ok(!target.startsWith(".."), `${name}: ${href} leaves the site`);
      assert.ok(fs.existsSync(path.join(site, target)), `${name}: ${href} goes to a missing file`);
      if (url.hash) {
        const id = decodeURIComponent(url.hash.slice(1));
        const ids = pages.get(target)?.ids;
        assert.ok(ids, `${name}: ${href} has an anchor in a file that is not a page`);
        assert.ok(ids.has(id), `${name}: ${href}: no element with id \`${id}\` in ${target}`);
      }
      checked += 1;
    }
  }
  assert.ok(checked > 300, `only ${checked} internal links`);
});

test("the version in force is marked on the index and on every version page", async () => {
  const { page } = await open("index.html");
  for (const [policy, version] of Object.entries(IN_FORCE)) {
    const href = await page.evaluate((policy) => {
      const section = document.querySelector(`section[aria-labelledby="policy-${policy}"]`);
      const term = [...(section?.querySelectorAll("dt") ?? [])].find((dt) => dt.textContent.trim() === "In force");
      return term?.nextElementSibling?.querySelector("a")?.getAttribute("href") ?? null;
    }, policy);
    assert.equal(href, `${policy}/${version}.html`, `index: ${policy}`);
  }
  await page.close();
  for (const name of pages.keys()) {
    const match = name.match(/^([^/]+)\/(v[^/]+)\.html$/);
    if (!match) continue;
    const [, policy] = match;
    const { page } = await open(name);
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll('nav.versions[aria-label="Versions"] li')]
        .filter((li) => li.querySelector(".badge.in-force"))
        .map((li) => li.querySelector("a").getAttribute("href")),
    );
    assert.deepEqual(marked, [`${IN_FORCE[policy]}.html`], `${name}`);
    await page.close();
  }
});

/** A section id of both versions of customer-support, and its heading level. */
const SECTION = "support-tiers";

test("the version switcher keeps the reader at the same section", async () => {
  for (const id of [SECTION, "severities"]) {
    assert.ok(pages.get("customer-support/v1.0.html").ids.has(id), id);
    assert.ok(pages.get("customer-support/v1.1.html").ids.has(id), id);
  }
  // From a link to the section: the switcher in the header.
  {
    const { page, problems } = await open("customer-support/v1.0.html", `#${SECTION}`);
    await Promise.all([
      page.waitForURL(/v1\.1\.html/),
      page.click('nav.versions[aria-label="Versions"] a[href^="v1.1.html"]'),
    ]);
    assert.equal(new URL(page.url()).hash, `#${SECTION}`);
    assert.ok(await page.evaluate((id) => document.getElementById(id) !== null, SECTION));
    assert.deepEqual(problems, []);
    await page.close();
  }
  // Having scrolled to a section (no fragment in the address): the bar at
  // the top of the window stays in view, and its link lands on the same
  // section of the other version.
  {
    const { page, problems } = await open("customer-support/v1.1.html");
    await page.evaluate(() => document.getElementById("severities").scrollIntoView());
    const bar = page.locator('.bar nav.versions[aria-label="Versions"] a[href^="v1.0.html"]');
    const box = await bar.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 60, `the bar is not at the top: ${JSON.stringify(box)}`);
    await Promise.all([page.waitForURL(/v1\.0\.html/), bar.click()]);
    assert.equal(new URL(page.url()).hash, "#severities");
    const top = await page.evaluate(() => document.getElementById("severities").getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 80, `the section is at ${top}px, not under the bar`);
    assert.deepEqual(problems, []);
    await page.close();
  }
  // Having scrolled to a section (no fragment in the address): the links
  // beside its heading, which work without JavaScript, land on the same
  // section of the other version, at the top of the window.
  {
    const { page, problems } = await open("customer-support/v1.1.html");
    await page.evaluate(() => document.getElementById("severities").scrollIntoView());
    const link = page.locator("#severities ~ .switch").first().locator('a[href^="v1.0.html"]');
    assert.equal(await link.getAttribute("href"), "v1.0.html#severities");
    await Promise.all([page.waitForURL(/v1\.0\.html/), link.click()]);
    assert.equal(new URL(page.url()).hash, "#severities");
    const top = await page.evaluate(() => document.getElementById("severities").getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 80, `the section is at ${top}px, not at the top`);
    assert.deepEqual(problems, []);
    await page.close();
  }
  // A section the other version lacks: its link goes to that page's top.
  {
    const { page } = await open("customer-support/v1.1.html");
    const missing = await page.evaluate(() => {
      for (const a of document.querySelectorAll('.switch a[href^="v1.0.html"]')) {
        if (!a.getAttribute("href").includes("#")) return a.getAttribute("href");
      }
      return null;
    });
    assert.equal(missing, "v1.0.html", "no section of v1.1 links to the top of v1.0");
    await page.close();
  }
});

test("axe-core finds no serious or critical accessibility violation", async () => {
  for (const name of pages.keys()) {
    const { page } = await open(name);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const results = await axe.run(document, { resultTypes: ["violations"] });
      return results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], `${name}`);
    await page.close();
  }
});

test("the print style leaves out the navigation and keeps every table", async () => {
  const { page } = await open("customer-support/v1.1.html");
  const screenTables = await page.locator("table").count();
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() =>
    [...document.querySelectorAll("nav.versions, .switch, .skip")].every((e) => !e.checkVisibility()),
  );
  assert.ok(hidden, "the version switcher is printed");
  const printed = await page.evaluate(
    () => [...document.querySelectorAll("table")].filter((t) => getComputedStyle(t).display !== "none").length,
  );
  assert.equal(printed, screenTables);
  assert.ok(screenTables > 10);
  await page.close();
});

test("a screenshot of each kind of page", async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  const kinds = [
    ["index", "index.html", ""],
    ["version", "customer-support/v1.1.html", ""],
    ["version-tiers", "customer-support/v1.1.html", `#${SECTION}`],
    ["changes", "customer-support/changes-v1.0-to-v1.1.html", ""],
  ];
  for (const [kind, name, hash] of kinds) {
    const { page } = await open(name, hash);
    const file = path.join(screenshots, `${kind}.png`);
    await page.screenshot({ path: file });
    const png = fs.readFileSync(file);
    assert.equal(png.subarray(1, 4).toString(), "PNG", file);
    assert.ok(png.length > 10_000, `${file} is nearly empty`);
    await page.close();
  }
  // The pictures alone: a tier's coverage and a change's heatmap.
  const pictures = [
    ["coverage", "customer-support/v1.1.html", 'svg[aria-labelledby^="policyc-coverage-advanced-"]'],
    ["heatmap", "customer-support/changes-v1.0-to-v1.1.html", "svg.policyc-heatmap"],
  ];
  for (const [kind, name, selector] of pictures) {
    const { page } = await open(name);
    const picture = page.locator(selector).first();
    assert.ok((await page.locator(selector).count()) > 0, `${name}: no ${selector}`);
    const file = path.join(screenshots, `${kind}.png`);
    await picture.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 5_000, `${file} is nearly empty`);
    await page.close();
  }
});
