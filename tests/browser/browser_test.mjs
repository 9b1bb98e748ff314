// The reviewers' page in Debian's chromium (playwright-core, no browser
// download): log in, upload a corpus report through the page, wait for it,
// click an answer and check the highlight's pixels on its page image, dismiss
// a finding with a note, correct an answer, reprocess as admin, reload (the
// decision and the correction are still there), export XLSX and find them in
// it. A screenshot of each step goes to $OUT_DIR. Started by run.sh.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import assert from "node:assert/strict";

const base = process.env.BASE_URL;
const out = process.env.OUT_DIR;
const report = process.env.REPORT;
const password = process.env.ADMIN_PASSWORD;
const question = process.env.QUESTION || "coordination.focal_point";
let step = 0;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"], headless: true });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
const page = await context.newPage();
page.setDefaultTimeout(30000);
const shot = async (name) => {
  step += 1;
  await page.screenshot({ path: `${out}/${String(step).padStart(2, "0")}-${name}.png` });
  console.log(`browser test: step ${step}: ${name}`);
};

// The text entries of an XLSX (every XML part), read with the ZIP central directory.
function xlsxText(bytes) {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  assert.ok(eocd >= 0, "the export is a ZIP archive");
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  let text = "";
  for (let i = 0; i < count; i += 1) {
    const method = bytes.readUInt16LE(p + 10), size = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28), extraLen = bytes.readUInt16LE(p + 30), commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    text += (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
  }
  return text;
}

try {
  // 1. Log in.
  await page.goto(base);
  await page.fill("#login-name", "admin");
  await page.fill("#login-password", password);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#who:has-text('admin')");
  await shot("logged-in");

  // 2. Upload a corpus report and wait for it to be read.
  await page.click("nav a[data-view=upload]");
  await page.setInputFiles("#files", report);
  await page.waitForSelector("#uploads a:has-text('open')", { timeout: 180000 });
  await shot("uploaded-and-done");

  // 3. Open it, click an answer: its page image with the evidence highlighted.
  await page.click("#uploads a:has-text('open')");
  const answer = `.item.answer[data-question='${question}']`;
  await page.waitForSelector(answer);
  await page.click(`${answer} .q`);
  await page.waitForSelector("#page-image[data-mark-box]:not([data-mark-box=''])");
  await page.waitForFunction(() => { const i = document.querySelector("#page-image"); return i && i.complete && i.naturalWidth > 0; });
  const pixels = await page.evaluate(() => {
    const img = document.querySelector("#page-image");
    const [x0, y0, x1, y1] = img.dataset.markBox.split(",").map(Number);
    const c = document.createElement("canvas");
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const share = (ax, ay, bx, by) => {
      const d = g.getImageData(ax, ay, bx - ax, by - ay).data;
      let yellow = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 80 && d[i + 2] < d[i] - 40) yellow += 1;
      return yellow / (d.length / 4);
    };
    return { box: [x0, y0, x1, y1], inside: share(x0 + 4, y0 + 4, x1 - 4, y1 - 4), corner: share(0, 0, 30, 30) };
  });
  console.log("browser test: highlight", JSON.stringify(pixels));
  assert.ok(pixels.box[2] > pixels.box[0] && pixels.box[3] > pixels.box[1], "a mark box");
  assert.ok(pixels.inside > 0.9, `the box is highlighted (${pixels.inside})`);
  assert.ok(pixels.corner < 0.05, `the page outside is not (${pixels.corner})`);
  await shot("answer-on-its-page");

  // 4. Dismiss a finding with a note.
  const finding = page.locator(".item.finding").first();
  const key = await finding.getAttribute("data-key");
  const dismissNote = "Browser test: covered by annex II";
  await finding.locator("input[name=note]").fill(dismissNote);
  await finding.locator("button.dismiss").click();
  const decided = `.item.finding[data-key='${key}'] .decision`;
  await page.waitForSelector(`${decided}:has-text('dismissed')`);
  await shot("finding-dismissed");

  // 5. Correct the answer.
  const machine = (await page.textContent(`${answer} .value`)).trim();
  const corrected = machine === "no" ? "yes" : "no";
  const correctionNote = "Browser test: the ministry confirmed";
  await page.click(`${answer} details.correct summary`);
  await page.selectOption(`${answer} select[name=value]`, corrected);
  await page.fill(`${answer} input[name=note]`, correctionNote);
  await page.click(`${answer} button[type=submit]`);
  await page.waitForSelector(`${answer} .badge.reviewed`);
  await shot("answer-corrected");

  // 6. Reprocess as admin.
  await page.click("#reprocess");
  await page.waitForSelector("#sub-status:has-text('reprocessed: done')", { timeout: 180000 });
  await shot("reprocessed");

  // 7. Reload: the decision and the correction are still there.
  await page.reload();
  await page.waitForSelector(answer);
  assert.equal((await page.textContent(`${answer} .value`)).trim(), corrected);
  assert.ok((await page.textContent(answer)).includes(correctionNote));
  assert.equal((await page.textContent(decided)).trim(), "dismissed");
  assert.ok((await page.textContent(`.item.finding[data-key='${key}']`)).includes(dismissNote));
  await shot("after-reload");

  // 8. Keyboard: j selects the next item (and shows its page); ? lists the keys.
  await page.click("#view h1");
  await page.keyboard.press("j");
  await page.waitForSelector(".item[aria-selected='true']");
  await page.keyboard.press("?");
  await page.waitForSelector("#help[open]");
  await shot("keyboard-help");
  await page.keyboard.press("Escape");

  // 9. Export XLSX and find the decision and the correction in it.
  await page.click("nav a[data-view=submissions]");
  await page.waitForSelector("#submissions");
  await shot("submissions");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-xlsx")]);
  const xlsxPath = `${out}/export.xlsx`;
  await download.saveAs(xlsxPath);
  const text = xlsxText(readFileSync(xlsxPath));
  assert.ok(text.includes(dismissNote), "the dismissal's note is in the XLSX");
  assert.ok(text.includes(correctionNote), "the correction's note is in the XLSX");
  assert.ok(text.includes("dismissed"), "the decision is in the XLSX");

  // 10. Completeness matrix.
  await page.click("nav a[data-view=completeness]");
  await page.waitForSelector("#completeness");
  await shot("completeness");
  console.log("browser test: 1 passed, 0 failed");
} catch (e) {
  await shot("failure").catch(() => {});
  writeFileSync(`${out}/failure.txt`, String(e && e.stack || e));
  console.error("browser test: FAILED: " + (e && e.message || e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
