// Blazor's script on static (public) pages, loaded on the reader's first interaction instead of during
// page load. Static pages have no circuit; blazor.web.js only gives them enhanced navigation (links and
// filter changes patch the current document instead of loading a new one), and evaluating it during load
// was the largest long task of a public page. The page is complete without it: a link followed before it
// has started is an ordinary page load of a server-rendered (and cached) page.
//
// Interactive pages (editor, admin) load blazor.web.js directly (Components/App.razor), not this script.
// Other scripts call window.cdBlazor.load() to start it at once (a promise of window.Blazor) and
// window.cdBlazor.whenStarted(callback) to add their Blazor event listeners once it runs;
// <html data-blazor="started"> marks a started Blazor for tests and styles.
(() => {
  const script = document.currentScript;
  const source = script?.dataset.blazorSrc;
  const triggers = ['pointerdown', 'keydown', 'focusin', 'touchstart', 'mouseover'];
  let started = null;
  let running = false;
  const callbacks = [];
  const mark = () => { document.documentElement.dataset.blazor = 'started'; };

  function load() {
    if (started) return started;
    triggers.forEach((type) => removeEventListener(type, load, true));
    started = new Promise((resolve, reject) => {
      if (!source) { reject(new Error('No data-blazor-src on the loader script.')); return; }
      const blazor = document.createElement('script');
      blazor.src = source;
      // Started below rather than by itself, so the promise says when enhanced navigation is ready.
      blazor.setAttribute('autostart', 'false');
      blazor.onload = () => window.Blazor.start().then(() => {
        running = true;
        mark();
        // An enhanced navigation copies the new page's <html> attributes over, so the mark is put back.
        window.Blazor.addEventListener('enhancedload', mark);
        callbacks.splice(0).forEach((callback) => callback(window.Blazor));
        resolve(window.Blazor);
      }, reject);
      blazor.onerror = () => reject(new Error('blazor.web.js did not load.'));
      document.body.append(blazor);
    });
    // A failed load leaves ordinary page loads, which need no handler.
    started.catch(() => { });
    return started;
  }

  function whenStarted(callback) {
    if (running) callback(window.Blazor);
    else callbacks.push(callback);
  }

  window.cdBlazor = { load, whenStarted };
  triggers.forEach((type) => addEventListener(type, load, { capture: true, passive: true }));
})();
