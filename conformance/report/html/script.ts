/**
 * The report's only script: filters and navigation. It never reads wire data
 * and never builds markup (no innerHTML): it only toggles attributes and
 * classes on elements the server rendered.
 */
export const SCRIPT = `'use strict';
(() => {
  for (const nav of document.querySelectorAll('nav.filters')) nav.hidden = false;
  const filters = [...document.querySelectorAll('button[data-filter]')];
  for (const b of filters) {
    b.addEventListener('click', () => {
      document.body.setAttribute('data-filter', b.getAttribute('data-filter'));
      for (const o of filters) o.setAttribute('aria-pressed', String(o === b));
    });
  }
  const setAll = (open) => { for (const d of document.querySelectorAll('details.case')) d.open = open; };
  document.getElementById('expand-all').addEventListener('click', () => setAll(true));
  document.getElementById('collapse-all').addEventListener('click', () => setAll(false));
  // A violating message may sit in a closed section; open every enclosing <details> before scrolling.
  for (const a of document.querySelectorAll('a.jump')) {
    a.addEventListener('click', (ev) => {
      const target = document.getElementById(a.getAttribute('href').slice(1));
      if (!target) return;
      ev.preventDefault();
      for (let d = target.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
      target.scrollIntoView({ block: 'center' });
      target.classList.remove('flash');
      void target.getBoundingClientRect();
      target.classList.add('flash');
    });
  }
})();
`;
