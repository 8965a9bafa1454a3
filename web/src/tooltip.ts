/**
 * One shared tooltip for highlighted text: shown on hover and on keyboard focus of any element with a
 * `data-tip` attribute, hidden on Escape, blur or mouse-out. Its text is set with textContent (never HTML).
 */
let tooltip: HTMLElement | null = null;
let current: HTMLElement | null = null;

function show(target: HTMLElement): void {
  if (!tooltip) return;
  const text = target.dataset.tip;
  if (!text) return;
  current = target;
  tooltip.textContent = text;
  tooltip.hidden = false;
  target.setAttribute('aria-describedby', tooltip.id);
  const box = target.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  tooltip.style.maxWidth = `${width}px`;
  const tipBox = tooltip.getBoundingClientRect();
  let left = box.left + window.scrollX;
  left = Math.max(8 + window.scrollX, Math.min(left, window.scrollX + window.innerWidth - tipBox.width - 8));
  const below = box.bottom + window.scrollY + 6;
  const above = box.top + window.scrollY - tipBox.height - 6;
  const fitsBelow = box.bottom + tipBox.height + 12 < window.innerHeight;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${fitsBelow || above < window.scrollY ? below : above}px`;
}

function hide(): void {
  if (!tooltip) return;
  tooltip.hidden = true;
  current?.removeAttribute('aria-describedby');
  current = null;
}

const tipTarget = (event: Event): HTMLElement | null =>
  event.target instanceof Element ? event.target.closest<HTMLElement>('[data-tip]') : null;

export function installTooltips(element: HTMLElement): void {
  tooltip = element;
  document.addEventListener('mouseover', (event) => {
    const target = tipTarget(event);
    if (target) show(target);
    else if (current && document.activeElement !== current) hide();
  });
  document.addEventListener('focusin', (event) => {
    const target = tipTarget(event);
    if (target) show(target);
    else hide();
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  window.addEventListener('hashchange', hide);
  window.addEventListener('scroll', () => current && show(current), { passive: true });
}
