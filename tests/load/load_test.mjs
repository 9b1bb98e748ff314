// Load test on loopback, bounded in count and time: UPLOADS concurrent
// uploads of distinct corpus files while a reader polls the submissions list
// and a prober polls /healthz (never more than 10 s without an answer). Checks every upload is processed exactly once
// and none is lost, /healthz answers throughout; prints the list's p95
// latency. Started by run.sh (which starts and stops the server).
// Node's own fetch; no dependency.
import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import assert from "node:assert/strict";

const base = process.env.BASE_URL;
const token = process.env.TOKEN;
const count = Number(process.env.UPLOADS || 50);
const deadline = Date.now() + Number(process.env.LIMIT_SECONDS || 480) * 1000;
const auth = { Authorization: `Bearer ${token}` };

// Distinct documents (by content) from the corpus folders, scans last (OCR is slow).
const files = [];
const seen = new Set();
for (const dir of process.env.CORPUS_DIRS.split(":")) {
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(pdf|docx|doc|odt|rtf)$/i.test(name)) continue;
    const bytes = readFileSync(`${dir}/${name}`);
    const sha = createHash("sha256").update(bytes).digest("hex");
    if (seen.has(sha)) continue;
    seen.add(sha);
    files.push({ name, bytes, scan: /scan/i.test(name) });
  }
}
files.sort((a, b) => Number(a.scan) - Number(b.scan));
const chosen = files.slice(0, count);
assert.equal(chosen.length, count, `the corpus has ${count} distinct documents`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let stop = false;
const listTimes = [];
let healthFailures = 0, healthChecks = 0, healthGap = 0;

const reader = (async () => {
  while (!stop) {
    const t0 = performance.now();
    let res;
    try {
      res = await fetch(`${base}/api/v1/submissions?per_page=50`, { headers: auth });
    } catch {  // a keep-alive reset: once more
      res = await fetch(`${base}/api/v1/submissions?per_page=50`, { headers: auth });
    }
    await res.json();
    assert.equal(res.status, 200, "the list answers");
    listTimes.push(performance.now() - t0);
    await sleep(100);
  }
})();

// "Answering throughout": the longest time without a 200 from /healthz stays
// under 10 s (a single probe may time out at 5 s on a loaded 2-core machine).
const prober = (async () => {
  let lastOk = performance.now();
  while (!stop) {
    healthChecks += 1;
    let ok = false;
    for (let attempt = 0; attempt < 2 && !ok; attempt += 1) {  // one retry after a keep-alive reset
      try {
        const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) });
        ok = res.status === 200;
        if (!ok) break;
      } catch (e) {
        if (e.name === "TimeoutError") break;
      }
    }
    if (!ok) healthFailures += 1;
    else lastOk = performance.now();
    healthGap = Math.max(healthGap, performance.now() - lastOk);
    await sleep(250);
  }
})();

const t0 = Date.now();
const uploads = await Promise.all(chosen.map(async (f) => {
  // A keep-alive connection the server closes just as it is reused resets;
  // the Idempotency-Key makes a retry safe (the same job comes back).
  const key = `load-${f.name}`;
  let res;
  for (let attempt = 1; ; attempt += 1) {
    const form = new FormData();
    form.append("file", new Blob([f.bytes]), f.name);
    try {
      res = await fetch(`${base}/api/v1/submissions`, { method: "POST", headers: { ...auth, "Idempotency-Key": key }, body: form });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`load test: ${f.name}: ${e.cause?.code || e.message}; retrying with the same Idempotency-Key`);
    }
  }
  const body = await res.json();
  assert.equal(res.status, 202, `${f.name}: ${JSON.stringify(body)}`);
  return { name: f.name, job: body.id };
}));
console.log(`load test: ${uploads.length} uploads accepted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const results = new Map();
while (results.size < uploads.length) {
  assert.ok(Date.now() < deadline, `${uploads.length - results.size} uploads not finished within the time bound`);
  for (const u of uploads) {
    if (results.has(u.job)) continue;
    const res = await fetch(`${base}/api/v1/jobs/${u.job}`, { headers: auth });
    const j = await res.json();
    if (j.state === "done" || j.state === "failed") results.set(u.job, j);
  }
  await sleep(500);
}
const seconds = (Date.now() - t0) / 1000;
stop = true;
await Promise.all([reader, prober]);

const jobs = [...results.values()];
const done = jobs.filter((j) => j.state === "done"), failed = jobs.filter((j) => j.state === "failed");
for (const j of jobs) assert.equal(j.attempts, 1, `job ${j.id} (${j.file}) was processed once`);
const ids = new Set(done.map((j) => j.submission_id));
assert.equal(ids.size, done.length, "each done upload is its own submission");
const list = await (await fetch(`${base}/api/v1/submissions?per_page=500`, { headers: auth })).json();
assert.equal(list.total, uploads.length, "every upload is in the list (done or failed), none lost");
const metrics = await (await fetch(`${base}/metrics`)).text();
const metric = (s) => Number((metrics.match(new RegExp(`vareport_jobs\\{state="${s}"\\} (\\d+)`)) || [])[1]);
assert.equal(metric("done") + metric("failed"), uploads.length, "the store counts every job once");
assert.ok(healthGap < 10000, `/healthz did not answer for ${(healthGap / 1000).toFixed(1)} s (${healthFailures} of ${healthChecks} probes failed)`);

listTimes.sort((a, b) => a - b);
const p95 = listTimes[Math.min(listTimes.length - 1, Math.floor(listTimes.length * 0.95))];
console.log(`load test: ${done.length} done, ${failed.length} failed (${failed.map((j) => j.file + ": " + j.error).join("; ") || "none"})`);
console.log(`load test: all processed in ${seconds.toFixed(1)} s; /healthz ${healthChecks} probes, ${healthFailures} without an answer within 5 s, longest gap ${(healthGap / 1000).toFixed(1)} s`);
console.log(`load test: list latency over ${listTimes.length} requests: p50 ${listTimes[Math.floor(listTimes.length / 2)].toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
console.log("load test: 1 passed, 0 failed");
