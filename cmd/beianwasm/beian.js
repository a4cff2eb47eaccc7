// beian.js: the beiankit SDK's rules in the browser, an ES module with no
// dependencies and no build step. It loads beian.wasm (cmd/beianwasm, built
// with GOOS=js GOARCH=wasm) through the Go runtime's wasm_exec.js and calls
// into it; every answer comes from the same Go code the server runs. See
// README.md next to this file.

let loading = null;

// load starts the WebAssembly module once and resolves to the API object.
// Options: wasmURL (default "beian.wasm" next to this module) and execURL
// (default "wasm_exec.js" next to this module).
export function load(options = {}) {
  if (!loading) {
    loading = start(options).catch((err) => {
      loading = null;
      throw err;
    });
  }
  return loading;
}

async function start({ wasmURL, execURL } = {}) {
  if (typeof WebAssembly !== "object") {
    throw new Error("beian: WebAssembly is not available");
  }
  wasmURL = wasmURL || new URL("beian.wasm", import.meta.url).href;
  execURL = execURL || new URL("wasm_exec.js", import.meta.url).href;
  if (typeof globalThis.Go !== "function") {
    await loadScript(execURL);
  }
  const go = new globalThis.Go();
  const ready = new Promise((resolve) => {
    globalThis.beianReady = resolve;
  });
  const t0 = performance.now();
  let instance;
  const response = fetch(wasmURL);
  if (WebAssembly.instantiateStreaming) {
    try {
      ({ instance } = await WebAssembly.instantiateStreaming(response, go.importObject));
    } catch (err) {
      // A server that does not send application/wasm: read the bytes.
      const bytes = await (await fetch(wasmURL)).arrayBuffer();
      ({ instance } = await WebAssembly.instantiate(bytes, go.importObject));
    }
  } else {
    const bytes = await (await response).arrayBuffer();
    ({ instance } = await WebAssembly.instantiate(bytes, go.importObject));
  }
  const t1 = performance.now();
  go.run(instance); // resolves only when the Go program exits, which it does not
  await ready;
  delete globalThis.beianReady;
  // How long loading took: fetching and compiling the module, then
  // starting the Go program (its package initialisation).
  api.timing = { compileMs: t1 - t0, startMs: performance.now() - t1 };
  return api;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error("beian: cannot load " + src));
    document.head.appendChild(s);
  });
}

function call(method, args) {
  if (typeof globalThis.beianCall !== "function") {
    throw new Error("beian: not loaded; await load() first");
  }
  return JSON.parse(globalThis.beianCall(method, JSON.stringify(args)));
}

function iso(t) {
  if (t === undefined || t === null || t === "") return "";
  return t instanceof Date ? t.toISOString() : String(t);
}

// api is what load resolves to. Every method is synchronous once loaded.
const api = {
  // validate(filing, {now, draft}) → {valid, problems: [{path, label, code,
  // rule, zh, en}]}: filing.Validate on a filing object (or its JSON).
  validate(filing, { now, draft } = {}) {
    const f = typeof filing === "string" ? JSON.parse(filing) : filing;
    return call("validate", { filing: f, now: iso(now), draft: !!draft });
  },
  // checkField(field, value, {path, certType, domains, now}) → {valid,
  // problems}: field is one of cert_number, mobile, landline, email, domain,
  // home_url, website_name.
  checkField(field, value, { path, certType, domains, now } = {}) {
    return call("checkField", {
      field, value: String(value ?? ""), path: path || "", cert_type: certType || "",
      domains: domains || [], now: iso(now),
    });
  },
  // parseNumber(text) → {valid, number, kind, province, subject, year,
  // suffix, service} or {valid: false, problem}.
  parseNumber(text) {
    return call("parseNumber", { number: String(text ?? "") });
  },
  // countdown(rule, from, now) → {rule, name_zh, name_en, workdays, due,
  // as_of, remaining, due_today, overdue, overdue_by, fallback, problem}:
  // rule is "R-20", "R-21", "R-22" or "R-23".
  countdown(rule, from, now) {
    return call("countdown", { rule, from: iso(from), now: iso(now) });
  },
};
