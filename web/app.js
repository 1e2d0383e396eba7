import { ApiError, api, forgetToken, setToken, takeTokenFromUrl, token } from "./api.js";
import { escapeHtml } from "./dom.js";
import { renderModel } from "./model-view.js";
import { renderModels } from "./models-view.js";
import { renderReadiness } from "./readiness-view.js";

/** Hash routes: #/ (models), #/models/NAME[?step=1d] and #/readiness. The page holds no data until a token is given. */
const main = document.getElementById("main");

function header(title, metaParts, crumbs = "") {
  document.getElementById("title").textContent = title;
  document.getElementById("meta").textContent = metaParts.filter(Boolean).join(" · ");
  document.getElementById("crumbs").innerHTML = crumbs;
  document.title = `${title} · Assay`;
}

function askForToken(problem) {
  header("Monitoring", ["this dashboard reads the monitoring API with a read token"]);
  main.innerHTML = `<section class="token-form"><h2>Read token</h2>
${problem ? `<p class="problem">${escapeHtml(problem)}</p>` : ""}
<p>Create one where the server runs: <code>assay token create --scope read</code>, then paste it here. It stays in this
browser (localStorage) and is sent only to this server. A link ending in <code>#token=…</code> works too.</p>
<form id="token"><input name="token" type="password" autocomplete="off" placeholder="assay_…" size="50" required>
<button type="submit">Open dashboard</button></form></section>`;
  main.querySelector("#token").addEventListener("submit", (event) => {
    event.preventDefault();
    setToken(new FormData(event.target).get("token"));
    route();
  });
  main.dataset.ready = "true";
}

async function route() {
  takeTokenFromUrl();
  delete main.dataset.ready;
  if (!token()) return askForToken("");
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query ?? "");
  const modelMatch = /^\/models\/([^/]+)$/.exec(path ?? "");
  try {
    if (modelMatch) {
      const name = decodeURIComponent(modelMatch[1]);
      await renderModel(
        main,
        (title, meta) => header(title, meta, ` › <a href="#/">models</a> › ${escapeHtml(name)}`),
        name,
        params,
      );
    } else if (path === "/readiness")
      await renderReadiness(main, (title, meta) =>
        header(title, meta, ' › <a href="#/readiness">readiness</a>'),
      );
    else await renderModels(main, (title, meta) => header(title, meta));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      forgetToken();
      return askForToken(`The server refused the token: ${error.message}.`);
    }
    main.innerHTML = `<section><h2>Something went wrong</h2><p class="problem">${escapeHtml(error.message)}</p></section>`;
    main.dataset.ready = "error";
    throw error;
  }
}

/**
 * Live: every REFRESH_MS the page asks whether its data moved (the model's summary on a model page, the
 * models and alerts elsewhere) and draws itself again only when it did, keeping the scroll position. The
 * indicator in the header says when the page last checked and when the data last changed.
 */
const REFRESH_MS = 30_000;
const live = document.getElementById("live");
let stamp = null;
let changedAt = new Date();

async function dataStamp() {
  const modelMatch = /^#\/models\/([^/?]+)/.exec(location.hash);
  const parts = modelMatch
    ? [await api(`/v1/models/${modelMatch[1]}/summary`)]
    : await Promise.all([api("/v1/models"), api("/v1/alerts")]);
  return JSON.stringify(parts);
}

const clock = (date) => date.toISOString().slice(11, 19);

async function refresh() {
  if (!token() || document.visibilityState !== "visible" || main.dataset.ready !== "true") return;
  try {
    const next = await dataStamp();
    if (stamp !== null && next !== stamp) {
      changedAt = new Date();
      const { scrollX, scrollY } = window;
      await route();
      window.scrollTo(scrollX, scrollY);
    }
    stamp = next;
    if (live) {
      live.textContent = `live · checked ${clock(new Date())} UTC · data changed ${clock(changedAt)} UTC`;
      live.dataset.state = "live";
    }
  } catch {
    if (live) {
      live.textContent = "offline · the server did not answer";
      live.dataset.state = "offline";
    }
  }
}

window.addEventListener("hashchange", () => {
  stamp = null;
  route();
});
route();
setInterval(refresh, REFRESH_MS);
setTimeout(refresh, 2_000);
