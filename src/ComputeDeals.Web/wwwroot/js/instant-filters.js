// Instant filters for the public GET forms (form[data-instant-filters]). Without JavaScript the
// form's button submits it and the server redirects to the clean URL. With it, each change goes
// straight to the clean URL through Blazor's enhanced navigation: one history entry per change
// (the keystrokes of one text edit share an entry), and focus, caret and scroll stay where they were.
// No circuit is involved: the server renders the new page and Blazor patches the DOM.
const formSelector = 'form[data-instant-filters]';
const debounceMs = 300;

let timer = 0;
let editPushed = null;   // the text field whose current edit already added a history entry
let restore = null;      // what to put back after the next enhanced load
let typed = null;        // the latest text typed into a debounced field: { id, value }
const openPanels = new Set();

/** The clean URL of a form: empty fields dropped, option-borne fragments and joined lists applied. */
function urlOf(form) {
  const url = new URL(form.getAttribute('action') || location.pathname, location.href);
  const params = new URLSearchParams();
  for (const element of form.elements) {
    if (!element.name || element.disabled) continue;
    if (element instanceof HTMLSelectElement && element.multiple) {
      // Keep the order the link had (data-order), so "xai,coreweave" stays a ratio of xAI to CoreWeave.
      const known = (element.dataset.order ?? '').split(',').filter((v) => v !== '');
      const rank = (v) => (known.indexOf(v) < 0 ? known.length : known.indexOf(v));
      const values = [...element.selectedOptions].map((o) => o.value).filter((v) => v !== '')
        .sort((a, b) => rank(a) - rank(b));
      if (values.length > 0 && element.dataset.join !== undefined) params.append(element.name, values.join(','));
      else values.forEach((v) => params.append(element.name, v));
      continue;
    }
    if (element instanceof HTMLSelectElement && element.selectedOptions[0]?.dataset.query !== undefined) {
      // One control that stands for several parameters ("order" = sort + dir), defaults left out.
      new URLSearchParams(element.selectedOptions[0].dataset.query).forEach((v, k) => params.append(k, v));
      continue;
    }
    if ((element.type === 'checkbox' || element.type === 'radio') && !element.checked) continue;
    if (element.type === 'submit' || element.type === 'button') continue;
    const value = (element.value ?? '').trim();
    if (value !== '') params.append(element.name, value);
  }
  const query = params.toString().replace(/\+/g, '%20');
  return url.pathname + (query ? '?' + query : '');
}

function go(form, replace) {
  clearTimeout(timer);
  const target = urlOf(form);
  if (target === location.pathname + location.search) return;
  const active = document.activeElement;
  restore = {
    x: window.scrollX,
    y: window.scrollY,
    id: active && active.id ? active.id : null,
    start: active && 'selectionStart' in active ? safe(() => active.selectionStart) : null,
    end: active && 'selectionEnd' in active ? safe(() => active.selectionEnd) : null,
  };
  // Static pages start Blazor on the first interaction (blazor-on-demand.js), which a change is preceded
  // by; if it is still loading, the change waits for it. Without it, the change is a normal page load.
  const pageLoad = () => (replace ? location.replace(target) : location.assign(target));
  // window.Blazor exists as soon as blazor.web.js has run, before Blazor.start() has finished; on static
  // pages only the loader's promise says it is ready for navigateTo.
  const blazor = window.cdBlazor ? window.cdBlazor.load()
    : window.Blazor?.navigateTo ? Promise.resolve(window.Blazor) : null;
  if (!blazor) {
    pageLoad();
    return;
  }
  blazor.then((started) => started.navigateTo(target, { replaceHistoryEntry: replace }), pageLoad);
}

function safe(read) {
  try { return read(); } catch { return null; }
}

function formOf(target) {
  if (!(target instanceof Element)) return null;
  // A control may sit outside its form and join it with form="…".
  const form = target.form ?? target.closest('form');
  return form && form.matches(formSelector) ? form : null;
}

document.addEventListener('input', (event) => {
  const form = formOf(event.target);
  if (!form || !event.target.matches('[data-debounce]')) return;
  typed = { id: event.target.id, value: event.target.value };
  clearTimeout(timer);
  const field = event.target;
  timer = setTimeout(() => {
    if (!field.checkValidity()) return;
    const replace = editPushed === field.id;
    editPushed = field.id;
    go(form, replace);
  }, debounceMs);
});

document.addEventListener('change', (event) => {
  const form = formOf(event.target);
  if (!form) return;
  if (event.target.matches('[data-debounce]')) {
    const replace = editPushed === event.target.id;
    editPushed = event.target.id;
    go(form, replace);
    return;
  }
  if (event.target.type === 'date' && event.target.value !== '' && !event.target.checkValidity()) return;
  editPushed = null;
  go(form, false);
});

document.addEventListener('focusin', (event) => {
  if (event.target instanceof Element && event.target.id !== editPushed) editPushed = null;
});

document.addEventListener('submit', (event) => {
  const form = formOf(event.target);
  if (!form) return;
  event.preventDefault();
  editPushed = null;
  go(form, false);
});

document.addEventListener('click', (event) => {
  const toggle = event.target instanceof Element ? event.target.closest('[data-collapsible-filters] .cd-filters-toggle') : null;
  if (!toggle) return;
  const id = toggle.getAttribute('aria-controls');
  if (openPanels.has(id)) openPanels.delete(id); else openPanels.add(id);
  enhance();
});

/** Shows the phone toggle (it needs this script) and puts back its open state after each page patch. */
function enhance() {
  // Marks the forms this script drives (tests and styles can tell it is running).
  document.querySelectorAll(formSelector).forEach((form) => form.setAttribute('data-js', ''));
  for (const box of document.querySelectorAll('[data-collapsible-filters]')) {
    box.setAttribute('data-js', '');
    const toggle = box.querySelector('.cd-filters-toggle');
    const id = toggle?.getAttribute('aria-controls');
    const open = openPanels.has(id);
    toggle?.setAttribute('aria-expanded', open ? 'true' : 'false');
    document.getElementById(id)?.classList.toggle('cd-open', open);
  }
}

function afterLoad() {
  enhance();
  if (restore) window.scrollTo(restore.x, restore.y);
}

// Blazor moves focus to the <h1> when an enhanced navigation ends (its FocusOnNavigate); a filter
// change is not a new page to the reader, so the control they used gets the focus back afterwards.
function afterNavigation() {
  if (!restore) return;
  const saved = restore;
  restore = null;
  window.scrollTo(saved.x, saved.y);
  const field = saved.id ? document.getElementById(saved.id) : null;
  if (!field) return;
  if (typed && typed.id === field.id && field.value !== typed.value) {
    // The reader kept typing while the page loaded: keep their text and apply it in turn.
    field.value = typed.value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (document.activeElement !== field) field.focus({ preventScroll: true });
  if (saved.start !== null && 'setSelectionRange' in field) {
    safe(() => field.setSelectionRange(Math.min(saved.start, field.value.length), Math.min(saved.end, field.value.length)));
  }
}

function listen(blazor) {
  blazor.addEventListener('enhancedload', afterLoad);
  blazor.addEventListener('enhancednavigationend', afterNavigation);
}

enhance();
if (window.cdBlazor) window.cdBlazor.whenStarted(listen);
else if (window.Blazor?.addEventListener) listen(window.Blazor);
