// The reviewers' page: submissions, the completeness matrix, one submission
// component by component with its page images, uploads, keyboard shortcuts.
// Plain JavaScript modules, no build step, nothing from the internet.
import { get, send, setCsrf, pageImage, ApiError } from "./api.js";

const $ = (sel, root = document) => root.querySelector(sel);
const view = () => $("#view");
let me = null;
let listOrder = [];   // submission ids of the last list, for next/previous submission
let current = null;   // the open submission's state

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

function showError(e) {
  if (e instanceof ApiError && e.status === 401) return showLogin();
  view().prepend(h("p", { class: "error", role: "alert" }, e.message || String(e)));
}

// ---- login ----
function showLogin() {
  me = null;
  $("#nav").hidden = true;
  $("#login").hidden = false;
  view().replaceChildren();
  $("#login-name").focus();
}

async function login(ev) {
  ev.preventDefault();
  const form = ev.target;
  try {
    const res = await fetch("/api/v1/login", {
      method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
      body: JSON.stringify({ name: form.name.value, password: form.password.value }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body.detail || "cannot log in");
    $("#login-error").textContent = "";
    form.password.value = "";
    await started(body);
  } catch (e) {
    $("#login-error").textContent = e.message;
  }
}

async function started(who) {
  me = who;
  setCsrf(who.csrf);
  $("#login").hidden = true;
  $("#nav").hidden = false;
  $("#who").textContent = `${who.name} (${who.role})`;
  route();
}

// ---- routing ----
function route() {
  if (!me) return;
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean);
  for (const a of document.querySelectorAll("nav a")) a.removeAttribute("aria-current");
  const name = parts[0] || "submissions";
  const link = document.querySelector(`nav a[data-view="${name}"]`);
  if (link) link.setAttribute("aria-current", "page");
  if (name === "submission" && parts[1]) return showSubmission(Number(parts[1]), params.get("component"));
  if (name === "completeness") return showCompleteness(params);
  if (name === "upload") return showUpload();
  return showSubmissions(params);
}

// ---- submissions ----
const FILTERS = [
  ["state", "State (ISO code)", "text"], ["year", "Reporting year", "number"],
  ["kind", "Kind", ["", "va_checklist", "article7_form_j", "national_plan", "unknown"]],
  ["status", "Status", ["", "done", "queued", "running", "failed"]],
  ["flag", "Finding", ["", "MISSING_COMPONENT", "MISSING_ANSWER", "CONFLICTING_ANSWERS", "NO_OBJECTIVES",
    "OBJECTIVE_NOT_MEASURABLE", "OBJECTIVE_NOT_TIME_BOUND", "FIGURES_INCONSISTENT", "PLAN_EXPIRED"]],
  ["needs_review", "Needs review", ["", "true", "false"]], ["q", "Search", "text"],
];

async function showSubmissions(params) {
  const form = h("form", { class: "filters", "aria-label": "Filters", onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k] of FILTERS) if (form[k].value) p.set(k, form[k].value);
    location.hash = "#/submissions?" + p.toString();
  } });
  for (const [k, label, type] of FILTERS) {
    const id = "filter-" + k;
    const input = Array.isArray(type)
      ? h("select", { id, name: k }, type.map((v) => h("option", { value: v }, v || "any")))
      : h("input", { id, name: k, type, size: k === "q" ? 16 : 8 });
    input.value = params.get(k) || "";
    form.append(h("div", {}, h("label", { for: id }, label), input));
  }
  form.append(h("button", { type: "submit", class: "primary" }, "Filter"));
  const exportQuery = params.toString();
  const tools = h("div", { class: "toolbar" },
    h("a", { href: "/api/v1/export.xlsx" + (exportQuery ? "?" + exportQuery : ""), id: "export-xlsx", download: "vareport.xlsx" }, "Export XLSX"),
    h("a", { href: "/api/v1/export.csv?table=answers" + (exportQuery ? "&" + exportQuery : ""), download: "answers.csv" }, "Export answers (CSV)"));
  view().replaceChildren(h("h1", {}, "Submissions"), form, tools, h("p", { class: "meta" }, "Loading…"));
  try {
    const page = Number(params.get("page") || 1);
    const data = await get("/submissions?" + params.toString());
    listOrder = data.items.filter((i) => i.id).map((i) => i.id);
    const rows = data.items.map((i) => h("tr", {},
      h("td", {}, i.id ? h("a", { href: `#/submission/${i.id}` }, i.file) : i.file),
      h("td", {}, i.state || "—"), h("td", {}, i.reporting_year || "—"), h("td", {}, i.kind || "—"),
      h("td", { class: "status-" + i.status }, i.status + (i.error ? ": " + i.error : "")),
      h("td", {}, i.completeness ? `${i.completeness.questions_answered}/${i.completeness.questions_total}` : "—"),
      h("td", {}, (i.flags || []).join(", ") || "—"),
      h("td", {}, i.needs_review ? "needs review" : ""),
      h("td", {}, i.processed_at || "")));
    const table = h("table", { id: "submissions" },
      h("thead", {}, h("tr", {}, ["File", "State", "Year", "Kind", "Status", "Answered", "Findings", "", "Processed"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows));
    const pager = h("p", { class: "toolbar" }, `${data.total} submissions`,
      page > 1 ? h("a", { href: "#/submissions?" + withParam(params, "page", page - 1) }, "← newer") : null,
      page * data.per_page < data.total ? h("a", { href: "#/submissions?" + withParam(params, "page", page + 1) }, "older →") : null);
    view().lastChild.replaceWith(h("div", {}, table, pager));
  } catch (e) { showError(e); }
}

function withParam(params, k, v) { const p = new URLSearchParams(params); p.set(k, v); return p.toString(); }

// ---- completeness ----
async function showCompleteness(params) {
  const year = params.get("year") || "";
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); location.hash = "#/completeness?year=" + form.year.value; } },
    h("div", {}, h("label", { for: "c-year" }, "Reporting year"), h("input", { id: "c-year", name: "year", type: "number", value: year, size: 6 })),
    h("button", { type: "submit", class: "primary" }, "Show"));
  view().replaceChildren(h("h1", {}, "Completeness by State Party and component"), form);
  try {
    const m = await get("/completeness" + (year ? "?year=" + year : ""));
    if (!year && m.year) form.year.value = m.year;
    const head = h("tr", {}, h("th", { scope: "col" }, "State Party"), h("th", { scope: "col" }, "Submissions"),
      m.components.map((c) => h("th", { scope: "col", title: c.title }, c.title)));
    const rows = m.rows.map((r) => h("tr", {}, h("th", { scope: "row" }, `${r.name} (${r.state})`),
      h("td", {}, r.submissions || "nothing received"),
      m.components.map((c) => {
        const cell = r.cells[c.id] || { status: "missing", submission_ids: [] };
        const st = cell.status;
        const ids = cell.submission_ids.length ? cell.submission_ids : r.submission_ids;
        const href = ids.length ? `#/submission/${ids[0]}?component=${c.id}` : `#/submissions?state=${r.state}&year=${m.year}`;
        return h("td", { class: "cell status-" + st },
          h("a", { href, title: `${r.name}: ${c.title}: ${st.replace("_", " ")}` }, st.replace("_", " ")));
      })));
    view().append(
      m.year ? h("p", { class: "meta" }, `${m.year}: ${m.roster_size - m.roster_silent} of the ${m.roster_size} States Parties expected to report on victim assistance sent a report; ${m.roster_silent} sent nothing.`) : null,
      h("table", { id: "completeness" }, h("thead", {}, head), h("tbody", {}, rows)),
      m.rows.length ? null : h("p", { class: "meta" }, "No submission with a State and a reporting year yet."));
  } catch (e) { showError(e); }
}

// ---- upload ----
function showUpload() {
  const list = h("tbody", { id: "uploads" });
  const input = h("input", { id: "files", type: "file", multiple: true, accept: ".pdf,.docx,.doc,.odt,.rtf" });
  const drop = h("div", { class: "drop" }, h("label", { for: "files" }, "Choose reports (PDF or Word), or drop them here"), input);
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); uploadAll(e.dataTransfer.files, list); });
  input.addEventListener("change", () => uploadAll(input.files, list));
  view().replaceChildren(h("h1", {}, "Upload reports"), drop,
    h("table", {}, h("thead", {}, h("tr", {}, ["File", "Status", ""].map((t) => h("th", { scope: "col" }, t)))), list));
}

function uploadAll(files, list) {
  for (const file of files) uploadOne(file, list);
}

async function uploadOne(file, list) {
  const status = h("td", { class: "status-queued" }, "sending");
  const link = h("td");
  list.append(h("tr", {}, h("td", {}, file.name), status, link));
  const set = (st, text) => { status.className = "status-" + st; status.textContent = text || st; };
  try {
    const form = new FormData();
    form.append("file", file, file.name);
    const job = await send("POST", "/submissions", form);
    if (job.existing) { set("done", "done (already in the store)"); link.replaceChildren(h("a", { href: `#/submission/${job.submission_id}` }, "open")); return; }
    for (;;) {
      const j = await get(`/jobs/${job.id}`);
      set(j.state, j.state + (j.error ? ": " + j.error : ""));
      if (j.state === "done") { link.replaceChildren(h("a", { href: `#/submission/${j.submission_id}` }, "open")); return; }
      if (j.state === "failed") return;
      await new Promise((r) => setTimeout(r, 700));
    }
  } catch (e) { set("failed", "failed: " + e.message); }
}

// ---- one submission ----
function answerText(v) { return v === null || v === undefined ? "" : String(v); }

async function showSubmission(id, component) {
  view().replaceChildren(h("p", { class: "meta" }, "Loading…"));
  let r;
  try { r = await get(`/submissions/${id}`); } catch (e) { view().replaceChildren(); return showError(e); }
  const sub = r.submission;
  const reviewsA = Object.fromEntries(r.review.answers.map((a) => [a.question, a]));
  const reviewsF = Object.fromEntries(r.review.findings.map((f) => [f.key, f]));
  current = { id, r, items: [], selected: -1 };
  const isReviewer = me.role !== "reader", isAdmin = me.role === "admin";

  const page = h("div", { class: "pageview", id: "pageview" }, h("p", {}, sub.page_images
    ? "Select an answer, objective or finding to see it on its page."
    : "No page images for this document format yet; open the original."));
  const items = h("div", { class: "items", id: "items" });

  const header = h("div", {},
    h("h1", {}, `${r.document.state || "?"} ${r.document.reporting_year || ""} — ${sub.file}`),
    h("p", { class: "meta" }, `${r.document.kind}, ${r.source.format}, ${r.source.pages ?? "?"} pages, language ${r.source.language || "?"}; `,
      `${r.completeness.questions_answered}/${r.completeness.questions_total} questions answered, `,
      `${r.completeness.components_reported}/${r.completeness.components_total} components reported; processed ${sub.processed_at}`),
    r.extraction && r.extraction.needs_review ? h("div", { class: "reasons", role: "note" }, h("strong", {}, "Needs review: "), r.extraction.reasons.join(" ")) : null,
    h("div", { class: "toolbar" },
      h("a", { href: `/api/v1/submissions/${id}/original`, download: sub.file }, "Download the original"),
      isAdmin ? h("button", { type: "button", id: "reprocess", onclick: () => reprocess(id) }, "Reprocess") : null,
      isAdmin ? h("button", { type: "button", class: "danger", onclick: () => remove(id) }, "Delete") : null,
      h("span", { id: "sub-status", class: "meta", role: "status" })));

  const byComponent = new Map(sub.components.map((c) => [c.id, { c, answers: [], objectives: [], findings: [] }]));
  const other = { c: { id: "", title: "Whole document" }, answers: [], objectives: [], findings: [] };
  const group = (cid) => byComponent.get(cid) || other;
  const answered = new Set();
  r.answers.forEach((a) => { group(a.question.split(".")[0]).answers.push({ a, review: reviewsA[a.question] }); answered.add(a.question); });
  for (const [q, rv] of Object.entries(reviewsA)) if (!answered.has(q)) group(q.split(".")[0]).answers.push({ a: { question: q, value: null, evidence: { page: null, text: "" }, confidence: 0 }, review: rv });
  r.objectives.forEach((o, i) => group(o.component).objectives.push({ o, i }));
  r.findings.forEach((f, i) => { const key = r.review.finding_keys[i]; group(f.component).findings.push({ f, key, review: reviewsF[key] }); });
  const stale = r.review.findings.filter((f) => f.stale);

  for (const g of [...byComponent.values(), other]) {
    if (!g.answers.length && !g.objectives.length && !g.findings.length) continue;
    const sec = h("section", { "aria-label": g.c.title, id: "component-" + (g.c.id || "other") }, h("h2", {}, g.c.title,
      g.c.status ? h("span", { class: "badge status-" + g.c.status }, g.c.status) : null));
    for (const { a, review } of g.answers) sec.append(answerItem(id, r, sub, a, review, isReviewer));
    if (g.objectives.length) sec.append(h("h3", {}, "Objectives"));
    for (const { o, i } of g.objectives) sec.append(objectiveItem(o, i));
    if (g.findings.length) sec.append(h("h3", {}, "Findings"));
    for (const { f, key, review } of g.findings) sec.append(findingItem(id, f, key, review, isReviewer));
    items.append(sec);
  }
  if (stale.length) {
    const sec = h("section", { "aria-label": "Stale decisions" }, h("h2", {}, "Decisions on findings no longer raised"));
    for (const s of stale) sec.append(h("div", { class: "item" }, h("span", { class: "badge stale" }, "stale"),
      `${s.code} ${s.component || ""} ${s.question || ""}: ${s.decision} by ${s.user} (${s.at})`, s.note ? h("div", { class: "ev" }, s.note) : null));
    items.append(sec);
  }
  view().replaceChildren(header, h("div", { class: "split" }, items, page));
  current.items = [...items.querySelectorAll(".item[data-mark]")];
  if (component) { const sec = document.getElementById("component-" + component); if (sec) sec.scrollIntoView(); }
  current.items.forEach((el, i) => el.addEventListener("click", (e) => {
    if (e.target.closest("form, button, input, select, textarea, a")) return;
    select(i);
  }));
}

function markBadge(a, review) {
  if (review) return h("span", { class: "badge reviewed", title: "reviewed by " + review.user }, "reviewed");
  if (a.value === null) return h("span", { class: "badge no" }, "unanswered");
  return a.confidence >= 0.8 ? h("span", { class: "badge yes", title: "machine-confident" }, "confident")
    : h("span", { class: "badge unsure", title: "the machine is unsure" }, "unsure");
}

function answerItem(id, r, sub, a, review, isReviewer) {
  const q = sub.questions[a.question] || {};
  const machine = answerText(a.value);
  const shown = review ? review.value : machine;
  const el = h("div", { class: "item answer", tabindex: "0", "data-mark": "answer:" + a.question, "data-page": a.evidence.page ?? "", "data-question": a.question, "aria-selected": "false" },
    h("div", {}, markBadge(a, review), h("span", { class: "q" }, q.meaning || a.question)),
    h("div", {}, "Answer: ", h("strong", { class: "value" }, shown || "—"),
      review && machine !== review.value ? h("span", { class: "meta" }, ` (read as “${machine || "nothing"}”)`) : null,
      a.evidence.page ? h("span", { class: "meta" }, ` · page ${a.evidence.page}`) : null),
    a.evidence.text ? h("div", { class: "ev" }, a.evidence.text) : null,
    review && review.note ? h("div", { class: "ev note" }, `Note (${review.user}): ${review.note}`) : null);
  if (isReviewer) {
    const vid = `corr-${a.question}`, nid = `corr-note-${a.question}`;
    const input = q.type === "yesno"
      ? h("select", { id: vid, name: "value" }, ["yes", "no", "partial", "unknown"].map((v) => h("option", { value: v }, v)))
      : h("input", { id: vid, name: "value", size: 14 });
    input.value = shown || (q.type === "yesno" ? "yes" : "");
    const form = h("form", { class: "correct", onsubmit: async (e) => {
      e.preventDefault();
      try {
        await send("PUT", `/submissions/${id}/answers/${encodeURIComponent(a.question)}`, { value: form.value.value, note: form.note.value });
        await showSubmission(id);
      } catch (err) { showError(err); }
    } }, h("div", {}, h("label", { for: vid }, "Reviewed value"), input),
      h("div", {}, h("label", { for: nid }, "Note"), h("input", { id: nid, name: "note", size: 22, value: review ? review.note : "" })),
      h("button", { type: "submit" }, "Save correction"));
    el.append(h("details", { class: "correct", open: review ? true : undefined }, h("summary", {}, "Correct this answer"), form));
  }
  return el;
}

function objectiveItem(o, i) {
  return h("div", { class: "item objective", tabindex: "0", "data-mark": "objective:" + i, "data-page": o.evidence.page ?? "", "aria-selected": "false" },
    h("div", {}, h("span", { class: "badge " + (o.measurable ? "yes" : "no") }, o.measurable ? "measurable" : "not measurable"),
      h("span", { class: "badge " + (o.time_bound ? "yes" : "no") }, o.time_bound ? "time-bound" : "no deadline"),
      o.deadline ? h("span", { class: "meta" }, "deadline " + o.deadline) : null),
    h("div", {}, o.text), o.evidence.page ? h("div", { class: "meta" }, "page " + o.evidence.page) : null);
}

function findingItem(id, f, key, review, isReviewer) {
  const nid = "note-" + key;
  const el = h("div", { class: "item finding", tabindex: "0", "data-mark": "finding:" + key, "data-key": key, "data-page": f.page ?? "", "aria-selected": "false" },
    h("div", {}, h("strong", { class: "sev-" + f.severity }, f.code), " ",
      review ? h("span", { class: "badge reviewed decision" }, review.decision) : null,
      f.page ? h("span", { class: "meta" }, ` · page ${f.page}`) : null),
    h("div", {}, f.message),
    review && review.note ? h("div", { class: "ev note" }, `Note (${review.user}): ${review.note}`) : null);
  if (isReviewer) {
    const note = h("input", { id: nid, name: "note", size: 26, value: review ? review.note : "" });
    const decide = async (decision) => {
      try {
        await send("PUT", `/submissions/${id}/findings/${encodeURIComponent(key)}`, { decision, note: note.value });
        await showSubmission(id);
      } catch (err) { showError(err); }
    };
    el.append(h("div", { class: "actions" }, h("div", {}, h("label", { for: nid }, "Note"), note),
      h("button", { type: "button", class: "confirm", onclick: () => decide("confirmed") }, "Confirm"),
      h("button", { type: "button", class: "dismiss", onclick: () => decide("dismissed") }, "Dismiss")));
  }
  return el;
}

async function select(i) {
  if (!current || !current.items.length) return;
  i = Math.max(0, Math.min(current.items.length - 1, i));
  current.items.forEach((el) => el.setAttribute("aria-selected", "false"));
  const el = current.items[i];
  current.selected = i;
  el.setAttribute("aria-selected", "true");
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: "nearest" });
  const pv = $("#pageview");
  const pageNo = Number(el.dataset.page);
  if (!current.r.submission.page_images) return;
  if (!pageNo) { pv.replaceChildren(h("p", {}, "No page is known for this item.")); return; }
  pv.replaceChildren(h("p", {}, `Rendering page ${pageNo}…`));
  try {
    const img = await pageImage(current.id, pageNo, el.dataset.mark);
    const image = h("img", { id: "page-image", src: img.url, alt: `Page ${pageNo} of ${current.r.submission.file}`,
      "data-page": pageNo, "data-mark": el.dataset.mark, "data-mark-box": img.box ? img.box.join(",") : "" });
    pv.replaceChildren(image);
    image.addEventListener("load", () => {
      if (img.box) pv.scrollTop = Math.max(0, img.box[1] * image.clientHeight / image.naturalHeight - 80);
    });
  } catch (e) { pv.replaceChildren(h("p", { class: "error" }, e.message)); }
}

async function reprocess(id) {
  const st = $("#sub-status");
  try {
    const job = await send("POST", `/submissions/${id}/reprocess`);
    st.textContent = "reprocessing…";
    for (;;) {
      const j = await get(`/jobs/${job.id}`);
      if (j.state === "done" || j.state === "failed") { st.textContent = "reprocessed: " + j.state + (j.error ? ": " + j.error : ""); break; }
      await new Promise((r) => setTimeout(r, 700));
    }
    const keep = st.textContent;
    await showSubmission(id);
    $("#sub-status").textContent = keep;
  } catch (e) { showError(e); }
}

async function remove(id) {
  if (!confirm("Delete this submission? Its audit entries stay.")) return;
  try { await send("DELETE", `/submissions/${id}`); location.hash = "#/submissions"; } catch (e) { showError(e); }
}

// ---- keyboard ----
function onKey(e) {
  if (e.target.closest && e.target.closest("input, select, textarea")) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const help = $("#help");
  if (e.key === "?") { e.preventDefault(); help.open ? help.close() : help.showModal(); return; }
  if (!current || !location.hash.startsWith("#/submission/")) return;
  const sel = current.items[current.selected];
  if (e.key === "j") select(current.selected + 1);
  else if (e.key === "k") select(current.selected - 1);
  else if (e.key === "Enter" && e.target.classList && e.target.classList.contains("item")) select(current.items.indexOf(e.target));
  else if ((e.key === "c" || e.key === "d") && sel && sel.classList.contains("finding")) {
    const b = sel.querySelector(e.key === "c" ? "button.confirm" : "button.dismiss");
    if (b) b.click();
  } else if (e.key === "n" || e.key === "p") {
    const at = listOrder.indexOf(current.id);
    const next = listOrder[at + (e.key === "n" ? 1 : -1)];
    if (at >= 0 && next) location.hash = `#/submission/${next}`;
  } else return;
  e.preventDefault();
}

// ---- start ----
window.addEventListener("hashchange", route);
document.addEventListener("keydown", onKey);
document.addEventListener("DOMContentLoaded", async () => {
  $("#login-form").addEventListener("submit", login);
  $("#logout").addEventListener("click", async () => { try { await send("POST", "/logout"); } catch { /* gone already */ } showLogin(); });
  $("#help-button").addEventListener("click", () => $("#help").showModal());
  try {
    const who = await get("/me");
    await started(who);
  } catch { showLogin(); }
});
