// portal.js: progressive enhancement of the filing form. When the browser
// has WebAssembly and the portal serves the SDK's build under /wasm/, each
// field shows the SDK's message as the user types (debounced). The form
// still posts and the server still decides; without WebAssembly, or when
// /wasm/ is not served, this script does nothing.

// The form's fields the SDK checks: the SDK's field, the JSON path of the
// field in the filing (for the label and the path of the problems, as the
// server reports them), the select holding the certificate type, and the
// input holding the domain a home URL must lie under.
const FIELDS = {
  cert_number: { field: "cert_number", path: "subject.cert_number", certType: "cert_type" },
  principal_cert_number: { field: "cert_number", path: "subject.principal.cert_number", certType: "principal_cert_type" },
  mobile: { field: "mobile", path: "subject.principal.mobile" },
  landline: { field: "landline", path: "subject.principal.landline" },
  email: { field: "email", path: "subject.principal.email" },
  website_name: { field: "website_name", path: "websites[0].name" },
  domain: { field: "domain", path: "websites[0].domains[0]" },
  home_url: { field: "home_url", path: "websites[0].home_url", domains: "domain" },
};

const DEBOUNCE_MS = 250;

function value(id) {
  const el = document.getElementById(id);
  return el ? el.value : "";
}

// show writes the problems under the field, in a list of its own (the
// server's messages about the value last submitted are hidden once the
// user edits the field).
function show(name, problems) {
  const block = document.getElementById("field-" + name);
  const input = document.getElementById(name);
  if (!block || !input) return;
  for (const old of block.querySelectorAll(".err:not(.sdk)")) old.hidden = true;
  let list = document.getElementById("sdk-" + name);
  if (!list) {
    list = document.createElement("ul");
    list.className = "err sdk";
    list.id = "sdk-" + name;
    list.setAttribute("aria-live", "polite");
    block.appendChild(list);
  }
  list.replaceChildren(...problems.map((p) => {
    const li = document.createElement("li");
    li.textContent = p.zh;
    li.dataset.code = p.code;
    return li;
  }));
  block.classList.toggle("invalid", problems.length > 0);
  if (problems.length > 0) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", list.id);
  } else {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}

function check(beian, name) {
  const spec = FIELDS[name];
  const v = value(name);
  if (v.trim() === "") {
    show(name, []); // the server reports a missing value on submission
    return;
  }
  const opts = { path: spec.path };
  if (spec.certType) opts.certType = value(spec.certType);
  if (spec.domains) opts.domains = [value(spec.domains)];
  show(name, beian.checkField(spec.field, v, opts).problems);
}

async function main() {
  if (typeof WebAssembly !== "object") return;
  const names = Object.keys(FIELDS).filter((n) => document.getElementById(n));
  if (names.length === 0) return;
  const started = performance.now();
  let beian;
  try {
    const { load } = await import("/wasm/beian.js");
    beian = await load();
  } catch (err) {
    return; // no build served: the form works as without scripts
  }
  const root = document.documentElement;
  root.dataset.beianReadyMs = String(performance.now() - started);
  for (const name of names) {
    let timer = 0;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => check(beian, name), DEBOUNCE_MS);
    };
    document.getElementById(name).addEventListener("input", later);
    const spec = FIELDS[name];
    for (const dep of [spec.certType, spec.domains]) {
      const el = dep && document.getElementById(dep);
      if (el) el.addEventListener("change", () => { if (value(name).trim() !== "") later(); });
    }
  }
  root.dataset.beianWasm = "ready";
}

main();
