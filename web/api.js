// The HTTP API as the page uses it: the session cookie (HttpOnly, set by
// /api/v1/login) plus the CSRF token on every change.
let csrf = "";

export function setCsrf(token) { csrf = token || ""; }

export class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function check(res) {
  if (res.ok) return res;
  let detail = res.statusText;
  try { detail = (await res.json()).detail || detail; } catch { /* not JSON */ }
  throw new ApiError(res.status, detail);
}

export async function get(path) {
  const res = await check(await fetch("/api/v1" + path, { credentials: "same-origin" }));
  return res.json();
}

export async function send(method, path, body) {
  const headers = { "X-CSRF-Token": csrf };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const res = await check(await fetch("/api/v1" + path, { method, headers, body: payload ?? "", credentials: "same-origin" }));
  const type = res.headers.get("Content-Type") || "";
  return type.includes("json") ? res.json() : null;
}

// A page image with its mark: {url, box: [x0, y0, x1, y1] | null} (pixels).
export async function pageImage(id, page, mark) {
  const q = mark ? "?mark=" + encodeURIComponent(mark) : "";
  const res = await check(await fetch(`/api/v1/submissions/${id}/pages/${page}.png${q}`, { credentials: "same-origin" }));
  const box = res.headers.get("X-Mark-Box");
  return { url: URL.createObjectURL(await res.blob()), box: box ? box.split(",").map(Number) : null };
}
