// The check page: paste an article, check it against a house profile, read the marks,
// walk the findings, accept some (kept in this browser), apply the safe fixes.
//
// The annotated article and the findings list are the HTML report's own
// (POST /v1/report with Accept: application/json gives {html, report}); this
// script only adds filters, navigation and accept buttons to them. It loads
// nothing from anywhere but this server (the page's Content-Security-Policy
// allows nothing else).
"use strict";

(function () {
  const ACCEPT_KEY = "stylelint-accept";
  const TOKEN_KEY = "stylelint-token";
  const SEVERITIES = ["error", "warning", "info"];

  const $ = (id) => document.getElementById(id);
  const el = {
    form: $("ck-form"), profile: $("ck-profile"), format: $("ck-format"), text: $("ck-text"),
    check: $("ck-check"), fix: $("ck-fix"), status: $("ck-status"),
    auth: $("ck-auth"), token: $("ck-token"),
    banners: $("ck-banners"), article: $("ck-article"), rules: $("ck-rules"),
    count: $("ck-count"), prev: $("ck-prev"), next: $("ck-next"), pos: $("ck-pos"),
    families: $("ck-families"), severities: $("ck-severities"), showAccepted: $("ck-show-accepted"),
    list: $("ck-list"), empty: $("ck-empty"),
    acceptCount: $("ck-accept-count"), acceptJson: $("ck-accept-json"),
    acceptCopy: $("ck-accept-copy"), acceptDownload: $("ck-accept-download"), acceptClear: $("ck-accept-clear"),
  };

  // One finding of the last check: its number in the report, the JSON finding, its list entry.
  let findings = [];
  let current = -1; // index into visibleFindings()
  let downloadUrl = null;

  // -- accepted findings (the API's accept list: rule and matched text) -----

  function loadAccepted() {
    try {
      const list = JSON.parse(localStorage.getItem(ACCEPT_KEY) || "[]");
      return Array.isArray(list) ? list.filter((a) => a && typeof a.rule === "string") : [];
    } catch (e) {
      return [];
    }
  }

  let accepted = loadAccepted();

  function isAccepted(v) {
    return accepted.some((a) => v.rule.startsWith(a.rule) && (a.match === undefined || a.match === v.match));
  }

  function saveAccepted() {
    localStorage.setItem(ACCEPT_KEY, JSON.stringify(accepted));
    const json = JSON.stringify(accepted, null, 2);
    el.acceptJson.value = json;
    el.acceptCount.textContent = String(accepted.length);
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" }));
    el.acceptDownload.href = downloadUrl;
  }

  function toggleAccept(f) {
    const entry = { rule: f.v.rule, match: f.v.match };
    if (isAccepted(f.v)) {
      accepted = accepted.filter((a) => !(f.v.rule.startsWith(a.rule) && (a.match === undefined || a.match === f.v.match)));
    } else {
      accepted.push(entry);
    }
    saveAccepted();
    refresh();
  }

  // -- talking to the server -------------------------------------------------

  function headers(extra) {
    const h = Object.assign({ "content-type": "application/json" }, extra || {});
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) h.authorization = "Bearer " + token;
    return h;
  }

  async function call(path, body, accept) {
    const response = await fetch(path, {
      method: "POST",
      headers: headers({ accept: accept || "application/json" }),
      body: JSON.stringify(body),
    });
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (response.status === 401) el.auth.hidden = false;
    if (!response.ok) {
      const message = data && data.error ? data.error.message : "the server answered " + response.status;
      const retry = response.headers.get("retry-after");
      throw new Error(message + (retry ? " (retry in " + retry + " s)" : ""));
    }
    return data;
  }

  function request() {
    const body = { text: el.text.value, profile: el.profile.value };
    if (el.format.value) body.format = el.format.value;
    return body;
  }

  function say(text, isError) {
    el.status.textContent = text;
    el.status.classList.toggle("ck-error", Boolean(isError));
  }

  async function check() {
    if (!el.text.value.trim()) {
      say("Paste an article first.", true);
      return;
    }
    el.check.disabled = true;
    say("Checking\u2026");
    try {
      const data = await call("/v1/report", request());
      show(data);
      const n = findings.length;
      say(n === 0 ? "No findings." : n + " finding" + (n === 1 ? "" : "s") + ".");
    } catch (e) {
      say(e.message, true);
    } finally {
      el.check.disabled = false;
    }
  }

  async function applyFixes() {
    el.fix.disabled = true;
    say("Applying safe fixes\u2026");
    try {
      const body = request();
      if (accepted.length) body.accept = accepted;
      const data = await call("/v1/fix", body);
      const file = data.files[0];
      const applied = file.applied.length;
      el.text.value = file.text;
      await check();
      const left = findings.length;
      say(applied + " fix" + (applied === 1 ? "" : "es") + " applied; " + left + " finding" +
          (left === 1 ? " remains." : "s remain."));
    } catch (e) {
      say(e.message, true);
    } finally {
      el.fix.disabled = false;
    }
  }

  // -- showing a report --------------------------------------------------------

  function show(data) {
    const parser = new DOMParser();
    const page = parser.parseFromString(data.sections[0] || "", "text/html");
    const section = page.querySelector("section.sl-file");
    const file = data.report.files[0] || { violations: [], errors: [] };
    el.banners.replaceChildren();
    el.article.replaceChildren();
    el.list.replaceChildren();
    el.rules.replaceChildren();
    findings = [];
    current = -1;
    if (section) {
      for (const banner of section.querySelectorAll(":scope > .sl-banner")) {
        el.banners.append(document.importNode(banner, true));
      }
      const article = section.querySelector("article.sl-article");
      if (article) el.article.append(document.importNode(article, true));
      const items = section.querySelectorAll(".sl-findings li");
      for (const item of items) {
        const n = Number(item.id.split("-").pop());
        const v = file.violations[n - 1];
        if (!v) continue;
        const li = document.importNode(item, true);
        li.dataset.n = String(n);
        li.dataset.family = v.rule.slice(0, 3);
        li.dataset.severity = v.severity;
        li.tabIndex = -1;
        const button = document.createElement("button");
        button.type = "button";
        button.className = "ck-accept";
        li.append(button);
        const f = { n: n, v: v, li: li, button: button };
        button.addEventListener("click", (event) => {
          event.stopPropagation();
          toggleAccept(f);
        });
        li.addEventListener("click", (event) => {
          if (event.target.closest("a")) return; // the report's own links
          go(visibleFindings().indexOf(f));
        });
        findings.push(f);
        el.list.append(li);
      }
    }
    const rules = parser.parseFromString(data.rules || "", "text/html").querySelector(".sl-rules");
    if (rules) el.rules.append(document.importNode(rules, true));
    el.article.hidden = false;
    el.fix.disabled = !file.violations.some((v) => v.fix && v.fix.safe);
    buildFilters();
    refresh();
  }

  function checkbox(parent, value, label, count) {
    const wrap = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.checked = true;
    input.value = value;
    input.addEventListener("change", refresh);
    wrap.append(input, " " + label + " (" + count + ")");
    parent.append(wrap);
  }

  function buildFilters() {
    for (const set of [el.families, el.severities]) {
      for (const old of set.querySelectorAll("label")) old.remove();
    }
    const families = new Map();
    const severities = new Map();
    for (const f of findings) {
      families.set(f.v.rule.slice(0, 3), (families.get(f.v.rule.slice(0, 3)) || 0) + 1);
      severities.set(f.v.severity, (severities.get(f.v.severity) || 0) + 1);
    }
    for (const family of [...families.keys()].sort()) checkbox(el.families, family, family, families.get(family));
    for (const sev of SEVERITIES) if (severities.has(sev)) checkbox(el.severities, sev, sev, severities.get(sev));
  }

  function checked(set) {
    return new Set([...set.querySelectorAll("input:checked")].map((i) => i.value));
  }

  function visibleFindings() {
    return findings.filter((f) => !f.li.hidden);
  }

  function marksOf(n) {
    return [...el.article.querySelectorAll("mark[data-f]")].filter((m) => m.dataset.f.split(" ").includes(String(n)));
  }

  // Filters, accepted state and the marks that go with them.
  function refresh() {
    const families = checked(el.families);
    const severities = checked(el.severities);
    const showAccepted = el.showAccepted.checked;
    const shown = new Set();
    let acceptedHere = 0;
    for (const f of findings) {
      const isAcc = isAccepted(f.v);
      if (isAcc) acceptedHere += 1;
      f.li.classList.toggle("ck-accepted", isAcc);
      f.button.textContent = isAcc ? "Undo accept" : "Accept";
      f.button.setAttribute("aria-pressed", String(isAcc));
      f.li.hidden = !families.has(f.v.rule.slice(0, 3)) || !severities.has(f.v.severity) || (isAcc && !showAccepted);
      if (!f.li.hidden && !isAcc) shown.add(String(f.n));
    }
    for (const mark of el.article.querySelectorAll("mark[data-f]")) {
      const live = mark.dataset.f.split(" ").some((n) => shown.has(n));
      mark.classList.toggle("ck-off", !live);
    }
    // The report's reference numbers (sup.sl-ref) link to their finding: off with it.
    for (const ref of el.article.querySelectorAll("sup.sl-ref a[href]")) {
      const n = ref.getAttribute("href").split("-").pop();
      ref.parentElement.classList.toggle("ck-off", !shown.has(n));
    }
    const visible = visibleFindings();
    el.count.textContent = "(" + visible.length + " shown of " + findings.length +
      (acceptedHere ? ", " + acceptedHere + " accepted" : "") + ")";
    el.empty.hidden = findings.length > 0 || el.article.hidden;
    if (current >= visible.length) current = visible.length - 1;
    el.prev.disabled = visible.length === 0;
    el.next.disabled = visible.length === 0;
    el.pos.textContent = visible.length ? (current >= 0 ? current + 1 : "\u2013") + " of " + visible.length : "";
  }

  function go(index) {
    const visible = visibleFindings();
    if (!visible.length) return;
    current = ((index % visible.length) + visible.length) % visible.length;
    for (const old of document.querySelectorAll(".ck-current")) old.classList.remove("ck-current");
    const f = visible[current];
    f.li.classList.add("ck-current");
    f.li.focus({ preventScroll: true });
    f.li.scrollIntoView({ block: "nearest" });
    const marks = marksOf(f.n);
    for (const m of marks) m.classList.add("ck-current");
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
    el.pos.textContent = current + 1 + " of " + visible.length;
  }

  // -- wiring ------------------------------------------------------------------

  async function loadProfiles() {
    try {
      const response = await fetch("/v1/profiles", { headers: headers() });
      if (response.status === 401) {
        el.auth.hidden = false;
        say("This server asks for an access token.", true);
        return;
      }
      const data = await response.json();
      el.profile.replaceChildren();
      for (const p of data.profiles) {
        const option = document.createElement("option");
        option.value = p.name;
        option.textContent = p.name + " \u2014 " + p.description.split(":")[0];
        option.selected = p.name === data.default;
        el.profile.append(option);
      }
    } catch (e) {
      say("Cannot reach the server: " + e.message, true);
    }
  }

  el.form.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
  });
  el.fix.addEventListener("click", applyFixes);
  el.prev.addEventListener("click", () => go(current <= 0 ? -1 : current - 1));
  el.next.addEventListener("click", () => go(current + 1));
  el.showAccepted.addEventListener("change", refresh);
  el.article.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-f]");
    if (!mark) return;
    const n = mark.dataset.f.split(" ")[0];
    const index = visibleFindings().findIndex((f) => String(f.n) === n);
    if (index >= 0) go(index);
  });
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("textarea, input, select") || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "j") go(current + 1);
    if (event.key === "k") go(current <= 0 ? -1 : current - 1);
  });
  el.acceptCopy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(el.acceptJson.value);
      say("Accept list copied.");
    } catch (e) {
      el.acceptJson.select();
      say("Select and copy the list above.", true);
    }
  });
  el.acceptClear.addEventListener("click", () => {
    accepted = [];
    saveAccepted();
    refresh();
  });
  el.auth.addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, el.token.value.trim());
    el.auth.hidden = true;
    say("Token set.");
    if (!el.profile.options.length) loadProfiles();
  });

  saveAccepted();
  loadProfiles();
})();
