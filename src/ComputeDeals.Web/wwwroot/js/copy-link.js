// Copy-link buttons on permalink pages. Without JavaScript the button stays hidden and the
// read-only URL field is the fallback. Event delegation keeps working across enhanced navigation.
const selector = 'button[data-copy-link]';

function reveal() {
  for (const button of document.querySelectorAll(selector)) {
    button.hidden = false;
  }
}

async function copy(button) {
  const field = document.querySelector(button.dataset.copyLink);
  const status = button.closest('.cd-copy-link')?.querySelector('.cd-copy-status');
  const url = field?.value ?? location.href;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // Clipboard API refused (permissions, insecure context): select the text for a manual copy.
    field?.focus();
    field?.select();
  }
  const message = copied ? 'Link copied' : 'Press Ctrl+C to copy the selected link';
  button.textContent = copied ? 'Copied' : 'Copy link';
  if (status) {
    status.textContent = message;
  }
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest(selector) : null;
  if (button) {
    copy(button);
  }
});

reveal();
// Blazor starts on the first interaction on static pages (blazor-on-demand.js), at load on the others.
if (window.cdBlazor) window.cdBlazor.whenStarted((blazor) => blazor.addEventListener('enhancedload', reveal));
else window.Blazor?.addEventListener?.('enhancedload', reveal);
