// The page's loader, written into the head by Trunk (Trunk.toml: pattern_script) before the
// stylesheet, so it runs before anything is painted; scripts/harden.mjs hashes it into the CSP.
// The served page shows the default view (src/bin/prerender.rs writes it, and that view's
// query into `served` below). This script:
//   1. marks an embed (`embed=1`) on <html> at once, so the page paints as an embed;
//   2. when the URL asks for another view, marks <html> pending (data-pending: what is
//      loading; data-pending-panel: the open panel too; the stylesheet hides every answer of
//      the served view and says so) and starts fetching and compiling the wasm at once — the
//      wasm clears each mark when its part shows the link's own answers (ui::app, ui::panels);
//   3. for the default view, waits for the first contentful paint (the page is already there),
//      then loads the wasm.
// Trunk's minifier leaves it as written (its JS parser does not read `import()`).
(() => {
  const { glue, wasm } = document.currentScript.dataset;
  const root = document.documentElement;
  const link = new URLSearchParams(location.search);
  const served = new URLSearchParams('DEALSCOPE_DEFAULT_VIEW');
  // Reader words for workloads, providers and scenario settings (html::loader::words).
  const words = DEALSCOPE_WORDS;
  const say = (wire) => (Object.hasOwn(words, wire) ? words[wire] : null);
  root.dataset.js = '';
  if (['1', 'true'].includes(link.get('embed'))) root.dataset.embed = '';
  // A view as the page reads it: what a link leaves out is the served view's (the landing's
  // day and cell: permalink's ViewState::default); the verdicts its sharer saw (v=) and the
  // embed change no answer.
  const view = (params) => {
    const p = new URLSearchParams(params);
    if (!p.has('date')) p.set('date', served.get('date'));
    if (!p.has('cell')) p.set('cell', served.get('cell'));
    for (const key of ['v', 'embed']) p.delete(key);
    p.sort();
    return p;
  };
  const wanted = view(link);
  const pending = wanted.toString() !== view(served).toString();
  const compile = () => {
    const response = fetch(wasm);
    return WebAssembly.compileStreaming(response)
      .catch(() => response.then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)));
  };
  const parsed = new Promise((go) => {
    if (document.readyState !== 'loading') go();
    else document.addEventListener('DOMContentLoaded', go, { once: true });
  });
  // Wait for the first contentful paint (Paint Timing), or one frame where it is not
  // reported; a page never painted (a hidden tab, an embed scrolled away) starts after 3 s.
  const painted = () => new Promise((go) => {
    const later = () => setTimeout(go);
    setTimeout(go, 3000);
    if (!(PerformanceObserver.supportedEntryTypes || []).includes('paint')) return requestAnimationFrame(later);
    new PerformanceObserver((list, seen) => {
      if (list.getEntriesByName('first-contentful-paint').length) { seen.disconnect(); requestAnimationFrame(later); }
    }).observe({ type: 'paint', buffered: true });
  });
  let module;
  if (pending) {
    // What the link asks for, in reader words: its day, its what-ifs, its cell.
    const parts = [];
    for (const [key, value] of link) {
      if (['date', 'cell', 'panel', 'range', 'v', 'embed'].includes(key)) continue;
      const base = key.startsWith('vs.');
      const name = base ? key.slice(3) : key;
      const said = say(`${name}=${value}`) ??
        (name.startsWith('c.') || name === 'add' ? 'your own clause edits' : null);
      if (said) parts.push(base ? `compared with ${said}` : said);
    }
    const [w, p] = (wanted.get('cell') ?? '').split('.');
    const cell = say(w) && say(p) ? `, ${say(w)} on ${say(p)}` : '';
    const text = (`Loading this link's answers: ${wanted.get('date')}` +
      [...new Set(parts)].map((part) => `, ${part}`).join('') + cell).slice(0, 240) + '…';
    root.dataset.pending = text;
    root.dataset.pendingPanel = '';
    root.style.setProperty('--pending', JSON.stringify(text));
    root.setAttribute('aria-busy', 'true');
    module = compile();
  }
  (async () => {
    if (!pending) await Promise.all([parsed, painted()]);
    const [bindings, compiled] = await Promise.all([import(glue), module ?? compile(), parsed]);
    await bindings.default({ module_or_path: compiled });
  })().catch((error) => {
    if (pending) {
      const text = `This link's answers could not be worked out: dealscope needs WebAssembly (${error}).`;
      root.dataset.pending = text;
      root.dataset.pendingPanel = '';
      root.style.setProperty('--pending', JSON.stringify(text));
    }
    console.error(error);
  });
})();
