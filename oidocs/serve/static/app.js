// oidocs serve: the deal file as a form generated from its JSON Schema, a YAML view kept in
// step both ways, a live preview rendered by the server (already escaped HTML), downloads.
// Every text from the user or the server goes into the page as textContent or as an input's
// value; only the preview's HTML (escaped by the server's writer) is set as innerHTML.
"use strict";

const WORDS = {
  ja: {
    load: "開く", save: "保存", new: "新規", pack: "一式をダウンロード（zip）", bilingual: "日英の組で入力",
    form: "フォーム", yaml: "YAML", licence: "ライセンス", review: "レビューシート", deal_lang: "案件の言語",
    add: "追加", remove: "削除", add_party: "当事者を追加", make: "この書類を作る", problems: "直してください",
    warnings: "確認してください", off: "この書類は作られません。フォームで「この書類を作る」をオンにしてください。",
    invalid: "入力に問題があるため、プレビューは最後に正しかった内容のままです。", none: "（なし）",
    party: "当事者", item: "項目", ms: "ms", lang_ja: "日本語", lang_en: "英語", unsaved: "",
  },
  en: {
    load: "Load", save: "Save", new: "New", pack: "Download the pack (zip)", bilingual: "Text in both languages",
    form: "Form", yaml: "YAML", licence: "Licence", review: "Review sheet", deal_lang: "deal's language",
    add: "Add", remove: "Remove", add_party: "Add a party", make: "Make this document", problems: "Please fix",
    warnings: "Please check", off: "This document is not made. Switch \u201cMake this document\u201d on in the form.",
    invalid: "The form has problems; the preview shows the last valid content.", none: "(none)",
    party: "Party", item: "Item", ms: "ms", lang_ja: "Japanese", lang_en: "English", unsaved: "",
  },
};
const DESIGNATIONS = { ja: ["甲", "乙", "丙", "丁"], en: ["Party A", "Party B", "Party C", "Party D"] };
const SECTIONS = ["nda", "mou", "poc", "jda", "ip", "licence"];
const NEEDS_IP = ["mou", "poc", "jda"];
const PARTY_KEY = "^[a-z][a-z0-9_]{0,31}$";
const HIDDEN = new Set(["version", "governing_law"]);

const $ = (sel) => document.querySelector(sel);
const state = {
  ui: (navigator.language || "en").toLowerCase().startsWith("ja") ? "ja" : "en",
  meta: null, data: {}, yaml: "", doc: "nda", lang: "", docs: ["nda"], bilingual: false, seq: 0, valid: false,
};
const t = (key) => WORDS[state.ui][key] || key;

// --- talking to the server --------------------------------------------------------------

function api(path, params = {}) {
  const q = new URLSearchParams({ ...params, ui: state.ui });
  return `${path}?${q}`;
}

async function post(path, body, params = {}, type = "text/yaml; charset=utf-8") {
  return fetch(api(path, params), { method: "POST", body, headers: { "Content-Type": type } });
}

// --- the data the form edits ------------------------------------------------------------

function getAt(path) {
  let v = state.data;
  for (const p of path) { if (v == null) return undefined; v = v[p]; }
  return v;
}

function setAt(path, value) {
  let v = state.data;
  for (let i = 0; i < path.length - 1; i++) {
    if (v[path[i]] == null || typeof v[path[i]] !== "object") v[path[i]] = typeof path[i + 1] === "number" ? [] : {};
    v = v[path[i]];
  }
  const last = path[path.length - 1];
  if (value === undefined) { if (Array.isArray(v)) v.splice(last, 1); else delete v[last]; } else v[last] = value;
}

function partyKeys() { return (state.data.parties || []).map((p) => p && p.key).filter(Boolean); }

// Replace the sample's party keys (alpha, beta) by the deal's, in values and in mapping keys.
function remap(value, from, to) {
  const map = new Map(from.map((k, i) => [k, to[i] || to[0]]));
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out = {};
      for (const [k, x] of Object.entries(v)) out[map.has(k) ? map.get(k) : k] = walk(x);
      return out;
    }
    return typeof v === "string" && map.has(v) ? map.get(v) : v;
  };
  return walk(JSON.parse(JSON.stringify(value)));
}

// --- the schema ---------------------------------------------------------------------------

function deref(s) {
  if (s && s.$ref) {
    const target = state.meta.schema.$defs[s.$ref.split("/").pop()];
    return { ...target, title: s.title || target.title, description: s.description || target.description };
  }
  return s || {};
}

function optionalOf(s) {
  if (!s.anyOf) return null;
  const rest = s.anyOf.filter((b) => b.type !== "null");
  if (rest.length !== 1 || rest.length === s.anyOf.length) return null;
  return { ...deref(rest[0]), title: s.title, description: s.description, default: s.default };
}

function isText(s) {
  return Array.isArray(s.oneOf) && s.oneOf.some((b) => b.$ref && b.$ref.endsWith("/LangMap"));
}

function isObject(s) { return s.type === "object" && s.properties; }

function skeleton(s) {
  s = deref(s);
  if (!isObject(s)) return s.default !== undefined && s.default !== null ? s.default : "";
  const out = {};
  for (const [k, p] of Object.entries(s.properties)) {
    const d = deref(p);
    if (p.default !== undefined && p.default !== null && d.const === undefined) out[k] = p.default;
    else if ((s.required || []).includes(k)) {
      if (d.pattern === PARTY_KEY) out[k] = partyKeys()[0] || "";
      else if (d.type === "integer" || d.type === "number") out[k] = 0;
      else if (d.type === "array") out[k] = [];
      else if (isObject(d)) out[k] = skeleton(d);
      else out[k] = "";
    }
  }
  return out;
}

// --- building the form --------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== false && v != null) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function hintFor(path) {
  return state.meta.hints[path.map((p) => (typeof p === "number" ? "*" : p)).join(".")] || "";
}

// A label a person reads: the first words of the starter's comment on the key ("正式名称"), the
// key itself beside it for those who will meet the YAML later.
function shortLabel(hint) {
  const first = hint.replace(/^oidocs\s*(extension|拡張)\s*[:：]\s*/, "").split(/[（(:：。;]/)[0].trim();
  return first.length && first.length <= 48 ? first : "";
}

function field(path, s, control) {
  const key = String(path[path.length - 1]);
  const wrap = el("div", { class: "field", "data-path": path.join(".") });
  const hint = hintFor(path) || s.description || "";
  if (typeof path[path.length - 1] !== "number") {
    const short = shortLabel(hint);
    wrap.append(el("label", { for: "f-" + path.join("-") }, short || key, short ? el("code", { class: "key", text: key }) : null));
  }
  wrap.append(control);
  if (hint) wrap.append(el("small", { class: "hint", text: hint }));
  wrap.append(el("div", { class: "err" }));
  return wrap;
}

function changed() { schedule("form"); }

function input(path, s, optional) {
  const id = "f-" + path.join("-");
  const value = getAt(path);
  const d = deref(s);
  if (d.enum) {
    const sel = el("select", { id, name: path.join(".") });
    if (optional) sel.append(el("option", { value: "", text: t("none") }));
    for (const v of d.enum) sel.append(el("option", { value: v, text: v }));
    sel.value = value == null ? (optional ? "" : d.default ?? d.enum[0]) : value;
    sel.addEventListener("change", () => { setAt(path, sel.value === "" ? undefined : sel.value); changed(); });
    return sel;
  }
  if (d.type === "boolean") {
    const box = el("input", { type: "checkbox", id, name: path.join(".") });
    box.checked = value == null ? !!d.default : !!value;
    box.addEventListener("change", () => { setAt(path, box.checked); changed(); });
    return box;
  }
  if (d.pattern === PARTY_KEY && path[path.length - 1] !== "key") {
    const sel = el("select", { id, name: path.join(".") });
    if (optional) sel.append(el("option", { value: "", text: t("none") }));
    for (const k of partyKeys()) sel.append(el("option", { value: k, text: k }));
    if (value && !partyKeys().includes(value)) sel.append(el("option", { value, text: value }));
    sel.value = value || "";
    sel.addEventListener("change", () => { setAt(path, sel.value === "" ? undefined : sel.value); changed(); });
    return sel;
  }
  if (path.length === 3 && path[0] === "parties" && path[2] === "key") return partyKeyInput(path, id, value);
  const number = d.type === "integer" || d.type === "number";
  const type = number ? "number" : d.format === "date" ? "date" : "text";
  const box = el("input", { type, id, name: path.join("."), step: d.type === "number" ? "any" : null });
  box.value = value == null ? "" : String(value);
  box.addEventListener("input", () => {
    let v = box.value;
    if (v === "") v = optional || number || type === "date" ? undefined : "";  // an empty date is a missing one
    else if (number) v = Number(v);
    setAt(path, v);
    changed();
  });
  return box;
}

function partyKeyInput(path, id, value) {
  // A party's key: renaming it renames every reference to it (roles, shares, client...) in one go.
  const box = el("input", { type: "text", id, name: path.join(".") });
  box.value = value == null ? "" : value;
  let before = box.value;
  box.addEventListener("input", () => { setAt(path, box.value); changed(); });
  box.addEventListener("change", () => {
    const after = box.value;
    if (before && after && before !== after) {
      const parties = state.data.parties;
      const was = JSON.stringify({ ...state.data, parties: [] });
      state.data = remap({ ...state.data, parties: [] }, [before], [after]);
      state.data.parties = parties;
      if (JSON.stringify(state.data) !== was.replace('"parties":[]', `"parties":${JSON.stringify(parties)}`)) {
        setTimeout(renderForm, 0);  // after the focus has moved on, so that renderForm keeps it there
      }
      changed();
    }
    before = after;
  });
  return box;
}

function textInput(path, s, optional) {
  const value = getAt(path);
  const id = "f-" + path.join("-");
  const pairMode = state.bilingual || (value && typeof value === "object");
  if (!pairMode) {
    const box = el("input", { type: "text", id, name: path.join(".") });
    box.value = value == null ? "" : value;
    box.addEventListener("input", () => { setAt(path, box.value === "" && optional ? undefined : box.value); changed(); });
    return box;
  }
  const lang = state.data.language || "ja";
  const current = value && typeof value === "object" ? value : value ? { [lang]: value } : {};
  const pair = el("div", { class: "pair" });
  for (const code of ["ja", "en"]) {
    const box = el("input", { type: "text", id: code === "ja" ? id : `${id}-en`, name: `${path.join(".")}.${code}`, lang: code });
    box.value = current[code] || "";
    box.addEventListener("input", () => {
      const now = getAt(path);
      const map = now && typeof now === "object" ? { ...now } : now ? { [lang]: now } : {};
      if (box.value === "") delete map[code]; else map[code] = box.value;
      setAt(path, Object.keys(map).length ? map : optional ? undefined : "");
      changed();
    });
    pair.append(el("span", { class: "muted", text: t("lang_" + code) }), box);
  }
  return pair;
}

function render(container, path, s) {
  const opt = optionalOf(s);
  const d = opt || deref(s);
  const key = path[path.length - 1];
  if (HIDDEN.has(key) && path.length === 1) return;
  if (d.const !== undefined) return;
  const value = getAt(path);
  if (opt && isObject(opt)) {
    const on = value != null;
    const box = el("input", { type: "checkbox", id: "on-" + path.join("-"), name: "on." + path.join(".") });
    box.checked = on;
    box.addEventListener("change", () => toggle(path, opt, box.checked));
    const top = path.length === 1 && SECTIONS.includes(key);
    const title = top ? `${d.title || key} \u2014 ${t("make")}` : String(key);
    const fs = el("fieldset", { "data-path": path.join("."), class: "section" },
      el("legend", {}, el("label", { class: "section-toggle" }, box, " " + title)));
    const hint = hintFor(path);
    if (hint) fs.append(el("small", { class: "hint", text: hint }));
    fs.append(el("div", { class: "err" }));
    if (on) renderObject(fs, path, opt);
    container.append(fs);
    return;
  }
  if (isObject(d)) {
    const fs = el("fieldset", { "data-path": path.join(".") }, el("legend", { text: shortLabel(hintFor(path)) || d.title || String(key) }));
    fs.append(el("div", { class: "err" }));
    renderObject(fs, path, d);
    container.append(fs);
    return;
  }
  if (d.type === "array") return container.append(renderArray(path, d));
  if (d.type === "object" && d.additionalProperties) return container.append(renderByParty(path, d));
  const control = isText(d) ? textInput(path, d, !!opt) : input(path, d, !!opt);
  container.append(field(path, d, control));
}

function renderObject(container, path, s) {
  const value = getAt(path) || {};
  const keys = [...Object.keys(value).filter((k) => k in s.properties),
    ...Object.keys(s.properties).filter((k) => !(k in value))];
  for (const k of keys) render(container, [...path, k], s.properties[k]);
}

function renderArray(path, s) {
  const items = deref(s.items || {});
  const list = getAt(path) || [];
  const key = path[path.length - 1];
  const fs = el("fieldset", { "data-path": path.join(".") }, el("legend", { text: shortLabel(hintFor(path)) || s.title || String(key) }));
  const hint = hintFor(path);
  if (hint) fs.append(el("small", { class: "hint", text: hint }));
  fs.append(el("div", { class: "err" }));
  if (items.pattern === PARTY_KEY) {  // a list of parties: one checkbox per party
    for (const k of partyKeys()) {
      const box = el("input", { type: "checkbox", name: `${path.join(".")}.${k}` });
      box.checked = list.includes(k);
      box.addEventListener("change", () => {
        const now = new Set(getAt(path) || []);
        if (box.checked) now.add(k); else now.delete(k);
        setAt(path, partyKeys().filter((p) => now.has(p)));
        changed();
      });
      fs.append(el("label", {}, box, " " + k + " "));
    }
    return fs;
  }
  const parties = path.length === 1 && key === "parties";
  list.forEach((_, i) => {
    const row = el("div", { class: parties ? "party" : "row", "data-path": [...path, i].join(".") });
    const body = el("div", { class: "grow" });
    if (parties) body.append(el("h3", { text: `${DESIGNATIONS[state.ui][i] || ""} ${t("party")} ${i + 1}` }));
    if (isObject(items)) renderObject(body, [...path, i], items); else render(body, [...path, i], items);
    const min = s.minItems || 0;
    const rm = el("button", { type: "button", class: "remove", text: t("remove"), disabled: list.length <= min,
      "data-remove": [...path, i].join("."),
      onclick: () => { setAt([...path, i], undefined); renderForm(); changed(); } });
    row.append(body, rm);
    fs.append(row);
  });
  const max = s.maxItems || Infinity;
  fs.append(el("button", { type: "button", class: "add", text: parties ? t("add_party") : t("add"),
    disabled: list.length >= max, "data-add": path.join("."),
    onclick: () => {
      const next = isObject(items) ? skeleton(items) : "";
      if (parties) next.key = `party${list.length + 1}`;
      setAt([...path, list.length], next); renderForm(); changed();
    } }));
  return fs;
}

function renderByParty(path, s) {
  // A mapping keyed by party (roles, shares, cost shares): one field per party of the deal.
  const key = path[path.length - 1];
  const fs = el("fieldset", { "data-path": path.join(".") }, el("legend", { text: shortLabel(hintFor(path)) || s.title || String(key) }));
  const hint = hintFor(path);
  if (hint) fs.append(el("small", { class: "hint", text: hint }));
  fs.append(el("div", { class: "err" }));
  const inner = deref(s.additionalProperties);
  for (const k of partyKeys()) {
    if (inner.type === "array") fs.append(renderArray([...path, k], inner));
    else render(fs, [...path, k], inner);
  }
  return fs;
}

function toggle(path, s, on) {
  const key = path[path.length - 1];
  if (!on) setAt(path, undefined);
  else {
    const sample = path.length === 1 ? state.meta.samples.sections[key] : getSample(path);
    setAt(path, sample ? remap(sample, state.meta.samples.parties, partyKeys()) : skeleton(s));
    if (path.length === 1 && NEEDS_IP.includes(key) && state.data.ip == null) {
      setAt(["ip"], remap(state.meta.samples.sections.ip, state.meta.samples.parties, partyKeys()));
    }
  }
  renderForm();
  changed();
}

function getSample(path) {
  let v = state.meta.samples.sections;
  for (const p of path) { if (v == null) return undefined; v = v[p]; }
  return v;
}

function renderForm() {
  const form = $("#form");
  const focused = document.activeElement && document.activeElement.id;
  form.replaceChildren();
  const props = state.meta.schema.properties;
  const order = [...Object.keys(state.data).filter((k) => k in props && !SECTIONS.includes(k)),
    ...Object.keys(props).filter((k) => !(k in state.data) && !SECTIONS.includes(k)), ...SECTIONS];
  for (const k of order) render(form, [k], props[k]);
  if (focused) { const again = document.getElementById(focused); if (again) again.focus(); }
  showProblems(state.lastProblems || [], state.lastWarnings || []);
}

// --- keeping form, YAML and preview in step -------------------------------------------------

let timer = null;
function schedule(from) {
  clearTimeout(timer);
  timer = setTimeout(() => (from === "form" ? fromForm() : fromYaml()), from === "form" ? 60 : 200);
}

let formSeq = 0;
async function fromForm() {
  const my = ++formSeq;  // a slower answer to an earlier keystroke must not overwrite a later one
  const res = await post("/api/data-to-yaml", JSON.stringify(state.data), {}, "application/json");
  if (!res.ok || my !== formSeq) return;
  const text = await res.text();
  if (my !== formSeq) return;
  state.yaml = text;
  $("#yaml").value = state.yaml;
  await refresh();
}

async function fromYaml() {
  state.yaml = $("#yaml").value;
  const res = await post("/api/yaml-to-data", state.yaml);
  const body = await res.json();
  if (res.ok) {
    state.data = body.data;
    state.bilingual = state.bilingual || JSON.stringify(body.data).includes('"en":') && JSON.stringify(body.data).includes('"ja":');
    $("#bilingual").checked = state.bilingual;
    renderForm();
    await refresh();
  } else {
    showProblems(body.problems || [{ message: body.error || "?" }], []);
  }
}

async function setYaml(text) {
  $("#yaml").value = text;
  await fromYaml();
}

async function refresh() {
  const my = ++state.seq;
  const started = performance.now();
  const res = await post("/api/validate", state.yaml);
  const result = await res.json();
  if (my !== state.seq) return;
  state.lastProblems = result.problems || [];
  state.lastWarnings = result.warnings || [];
  showProblems(state.lastProblems, state.lastWarnings);
  state.valid = !state.lastProblems.length;
  if (state.valid) state.docs = result.docs;
  for (const b of document.querySelectorAll("#doctabs button")) {
    b.classList.toggle("off", b.dataset.doc !== "review" && !state.docs.includes(b.dataset.doc));
  }
  if (!state.valid) { $("#timing").textContent = t("invalid"); return; }
  await showPreview(my, started);
}

async function showPreview(my, started) {
  const doc = state.doc;
  const preview = $("#preview");
  if (doc !== "review" && !state.docs.includes(doc)) {
    preview.replaceChildren(el("p", { class: "notice", text: t("off") }));
    return;
  }
  const params = state.lang ? { lang: state.lang } : {};
  const res = doc === "review" ? await post("/api/review", state.yaml, params)
    : await post("/api/preview", state.yaml, { doc, ...params });
  if (my !== state.seq) return;
  if (res.ok) {
    preview.innerHTML = await res.text();  // the server's writer escaped every text
    $("#timing").textContent = `${Math.round(performance.now() - started)} ${t("ms")}`;
  } else {
    const body = await res.json();
    showProblems(body.problems || [{ message: body.error || "?" }], []);
  }
}

function showProblems(problems, warnings) {
  for (const f of document.querySelectorAll(".field.bad, fieldset.bad")) f.classList.remove("bad");
  for (const e of document.querySelectorAll("#form .err")) e.textContent = "";
  const box = $("#problems");
  box.replaceChildren();
  const list = problems.length ? problems : warnings;
  box.classList.toggle("warn", !problems.length);
  if (!list.length) return;
  box.append(el("strong", { text: problems.length ? t("problems") : t("warnings") }));
  const ul = el("ul");
  for (const p of list) {
    const target = placeOf(p.path || "");
    const where = p.line ? `${p.line}:${p.column || 1} ` : "";
    ul.append(el("li", { text: `${where}${p.path ? p.path + ": " : ""}${p.message}`,
      onclick: () => target && target.scrollIntoView({ block: "center" }) }));
    if (target) {
      target.classList.add("bad");
      const err = target.querySelector(":scope > .err");
      if (err) err.textContent = (err.textContent ? err.textContent + " / " : "") + p.message;
    }
  }
  box.append(ul);
}

function placeOf(dotted) {
  // The field of ``dotted``, or of its nearest ancestor on the form (a section, a list).
  const parts = dotted.split(".");
  while (parts.length) {
    const found = document.querySelector(`#form [data-path="${CSS.escape(parts.join("."))}"]`);
    if (found && (found.classList.contains("field") || found.tagName === "FIELDSET")) return found;
    parts.pop();
  }
  return null;
}

// --- downloads, load and save ---------------------------------------------------------------

async function download(path, params) {
  const res = await post(path, state.yaml, params);
  if (!res.ok) {
    const body = await res.json();
    showProblems(body.problems || [{ message: body.error || "?" }], []);
    return;
  }
  const name = (res.headers.get("content-disposition") || "").match(/filename="([^"]+)"/);
  const url = URL.createObjectURL(await res.blob());
  const a = el("a", { href: url, download: name ? name[1] : "oidocs" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function save() {
  const url = URL.createObjectURL(new Blob([state.yaml], { type: "text/yaml" }));
  const a = el("a", { href: url, download: `${state.data.deal_id || "deal"}.yaml` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function translate() {
  document.documentElement.lang = state.ui;
  for (const n of document.querySelectorAll("[data-t]")) n.textContent = t(n.dataset.t);
  $("#ui").value = state.ui;
}

async function loadMeta() {
  state.meta = await (await fetch(api("/api/form", { lang: state.ui }))).json();
  $("#pdf").hidden = !state.meta.pdf;
}

async function start() {
  translate();
  await loadMeta();
  $("#ui").addEventListener("change", async () => {
    state.ui = $("#ui").value; translate(); await loadMeta(); renderForm(); await refresh();
  });
  $("#bilingual").addEventListener("change", () => { state.bilingual = $("#bilingual").checked; renderForm(); });
  $("#yaml").addEventListener("input", () => schedule("yaml"));
  $("#lang").addEventListener("change", () => { state.lang = $("#lang").value; refresh(); });
  $("#new").addEventListener("click", async () => setYaml(await (await fetch(api("/api/starter", { lang: state.ui }))).text()));
  $("#save").addEventListener("click", save);
  $("#load").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (file) await setYaml(await file.text());
    e.target.value = "";
  });
  $("#pack").addEventListener("click", () => download("/api/pack", state.lang ? { lang: state.lang } : {}));
  for (const b of document.querySelectorAll(".downloads button")) {
    b.addEventListener("click", () => {
      download("/api/document", { doc: state.doc, format: b.dataset.format, ...(state.lang ? { lang: state.lang } : {}) });
    });
  }
  for (const b of document.querySelectorAll("#lefttabs button")) {
    b.addEventListener("click", () => {
      for (const x of document.querySelectorAll("#lefttabs button")) x.classList.toggle("on", x === b);
      $("#form").hidden = b.dataset.pane !== "form";
      $("#yamlpane").hidden = b.dataset.pane !== "yaml";
    });
  }
  for (const b of document.querySelectorAll("#doctabs button")) {
    b.addEventListener("click", () => {
      state.doc = b.dataset.doc;
      for (const x of document.querySelectorAll("#doctabs button")) x.classList.toggle("on", x === b);
      document.querySelector(".downloads").hidden = state.doc === "review";  // the sheet comes with the pack
      refresh();
    });
  }
  await setYaml(await (await fetch(api("/api/starter", { lang: state.ui }))).text());
  document.body.dataset.ready = "1";
}

start();
