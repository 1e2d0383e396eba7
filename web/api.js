/** The API as the dashboard sees it: a read token from the URL fragment or localStorage, JSON in and out. */
const TOKEN_KEY = "assay.token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Moves `#token=…` from the address into localStorage, so it is not left in history or screenshots. */
export function takeTokenFromUrl() {
  const match = /(?:^#|[#&/])token=([^&]+)/.exec(location.hash);
  if (!match) return;
  localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
  const rest = location.hash.replace(/[#&/]?token=[^&]+/, "").replace(/^#?&?/, "");
  history.replaceState(null, "", `${location.pathname}${location.search}#${rest || "/"}`);
}

export const token = () => localStorage.getItem(TOKEN_KEY);
export const setToken = (value) => localStorage.setItem(TOKEN_KEY, value.trim());
export const forgetToken = () => localStorage.removeItem(TOKEN_KEY);

export async function api(path) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token() ?? ""}` } });
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).error ?? message;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(response.status, message);
  }
  return response.json();
}

/** Runs async tasks at most `width` at a time, keeping their order. */
export async function pool(tasks, width) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}
