// rokeh-embed.js: mounts a rokeh app's page (its wasm, built by Trunk) into an element of
// any web page, as Bokeh's autoload.js does for BokehJS.
//
// Two uses, one file:
// - `rokeh serve` answers Bokeh's `/<app>/autoload.js?bokeh-autoload-element=…` (what
//   Python's `server_document(url)` and `server_session(...)` write into a page) with this
//   file, wrapped so that `rokehServed` names the element, the app and its session;
// - a static build carries it beside its index.html (Trunk's `copy-file`), and a page embeds
//   the app with `<div id="plot"></div>` and
//   `<script src="https://example.org/app/rokeh-embed.js" data-element="plot" data-app="sliders"></script>`
//   (no `data-element`: the app takes the script's place).
//
// The element is marked `data-rokeh-embed="pending"` with what the page needs (the names
// are spelled in src/protocol/page_link.rs); the wasm instance started next claims it.
// Each embed starts its own instance (the module imported under its own URL), one after
// the other, so each claims its own element.
(function (served) {
  "use strict";
  const script = document.currentScript;
  const options = served || {
    element: script && script.dataset.element,
    app: script && script.dataset.app,
    base: script && script.src,
  };
  const place = served ? null : script;

  function domReady() {
    if (document.readyState !== "loading") return Promise.resolve();
    return new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
  }

  // The element to mount into; a <script> (Bokeh's autoload names its own tag) is replaced
  // by a <div> in its place, as BokehJS does.
  function target() {
    let element = options.element ? document.getElementById(options.element) : place;
    if (!element) throw new Error(`rokeh: no element with id ${JSON.stringify(options.element)} to embed into`);
    if (element.tagName === "SCRIPT") {
      const div = document.createElement("div");
      element.replaceWith(div);
      element = div;
    }
    element.classList.add("rk-embed");
    return element;
  }

  // The built page's files, as its index.html (Trunk's output) names them.
  async function builtFiles(base) {
    const index = new URL("index.html", base);
    const response = await fetch(index);
    if (!response.ok) throw new Error(`rokeh: ${index} answered ${response.status}`);
    const html = new DOMParser().parseFromString(await response.text(), "text/html");
    const href = (selector) => {
      const link = html.querySelector(selector);
      if (!link) throw new Error(`rokeh: ${index} has no ${selector}`);
      return new URL(link.getAttribute("href"), index).href;
    };
    return {
      js: href('link[rel="modulepreload"]'),
      wasm: href('link[rel="preload"][type="application/wasm"]'),
      css: Array.from(html.querySelectorAll('link[rel="stylesheet"]'), (l) => new URL(l.getAttribute("href"), index).href),
    };
  }

  function addStylesheet(href) {
    if (Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some((l) => l.href === href)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }

  async function embed(element) {
    const appUrl = served && new URL(served.appUrl, location.href);
    // The page's files sit beside the app's URL (rokeh serve) or beside this script; so
    // do the app's data files.
    const base = appUrl ? new URL(".", appUrl) : new URL(".", options.base);
    const files = await builtFiles(base);
    files.css.forEach(addStylesheet);
    element.dataset.rokehApp = options.app || "";
    element.dataset.rokehBase = base.href;
    if (served) {
      element.dataset.rokehAppUrl = appUrl.href;
      element.dataset.rokehSessionId = served.sessionId;
      element.dataset.rokehToken = served.token;
    }
    element.dataset.rokehEmbed = "pending";
    const count = (window.__rokehEmbedCount = (window.__rokehEmbedCount || 0) + 1);
    const glue = await import(`${files.js}${files.js.includes("?") ? "&" : "?"}rokeh-embed=${count}`);
    await glue.default({ module_or_path: files.wasm });
    if (element.dataset.rokehEmbed === "pending") {
      element.dataset.rokehEmbed = "failed";
      throw new Error(`rokeh: ${files.js} did not mount its app (is it a rokeh app built with rokeh::run?)`);
    }
  }

  const ready = domReady().then(target);
  window.__rokehEmbeds = (window.__rokehEmbeds || Promise.resolve())
    .then(() => ready)
    .then(embed)
    .catch((error) => console.error(error));
})(typeof rokehServed === "undefined" ? null : rokehServed);
