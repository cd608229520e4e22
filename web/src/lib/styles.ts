import { css } from 'lit';

/** What every fedcat element shares: type, links, focus, buttons, fields, definition lists (NL Design System tokens via --fedcat-*). */
export const baseStyles = css`
  :host { display: block; color: var(--fedcat-text, #001a40); font-family: var(--fedcat-font, system-ui, sans-serif); line-height: 1.5; }
  h1, h2, h3 { color: var(--fedcat-heading, #2c0d4a); line-height: 1.25; }
  h1 { font-size: 2rem; margin: .25rem 0 1rem; } h2 { font-size: 1.4rem; margin-top: 2rem; } h3 { font-size: 1.1rem; margin-bottom: .25rem; }
  a { color: var(--fedcat-link, #5b2796); text-decoration: underline; text-underline-offset: .15em; }
  a:hover { color: var(--fedcat-link-hover, #3f1a69); text-decoration-thickness: 2px; }
  :is(a, button, input, select, textarea, summary, [tabindex]):focus-visible {
    outline: 3px solid var(--fedcat-focus-outline, #0b0c0c); outline-offset: 2px; box-shadow: 0 0 0 6px var(--fedcat-focus-bg, #ffdd00);
  }
  a:focus-visible { background: var(--fedcat-focus-bg, #ffdd00); color: #0b0c0c; }
  button, .button { font: inherit; font-weight: 600; padding: .5rem 1rem; border-radius: 4px; border: 2px solid var(--fedcat-button-bg, #5b2796);
    background: var(--fedcat-button-bg, #5b2796); color: var(--fedcat-button-text, #fff); cursor: pointer; min-height: 2.75rem; }
  button.secondary { background: transparent; color: var(--fedcat-link, #5b2796); }
  button[disabled] { opacity: .6; cursor: not-allowed; }
  input, select, textarea { font: inherit; color: var(--fedcat-text, #001a40); background: var(--fedcat-bg, #fff);
    border: 2px solid var(--fedcat-muted, #3d5374); border-radius: 4px; padding: .45rem .6rem; min-height: 2.75rem; box-sizing: border-box; }
  input[type=checkbox] { min-height: auto; width: 1.25rem; height: 1.25rem; accent-color: var(--fedcat-button-bg, #5b2796); }
  label { cursor: pointer; }
  dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .5rem 1.5rem; }
  @media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }
  dt { font-weight: 700; } dd { margin: 0; overflow-wrap: anywhere; }
  code { overflow-wrap: anywhere; }
  table { border-collapse: collapse; margin-top: .5rem; max-width: 100%; }
  th, td { text-align: left; padding: .35rem .75rem .35rem 0; vertical-align: top; border-bottom: 1px solid var(--fedcat-border, #c0c7d2); }
  summary { cursor: pointer; color: var(--fedcat-link, #5b2796); }
  .badge { display: inline-block; background: var(--fedcat-badge-bg, #efe6f9); color: var(--fedcat-badge-text, #2c0d4a); border-radius: 4px; padding: 0 .5rem; font-size: .875rem; }
  .muted { color: var(--fedcat-muted, #3d5374); }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .error { color: var(--fedcat-negative, #a01d23); background: var(--fedcat-negative-bg, #fff8f8); padding: .5rem .75rem; border-left: 4px solid currentColor; }
  .table-scroll { overflow-x: auto; }
  details.technical { font-size: .875em; margin-top: .25rem; color: var(--fedcat-muted, #3d5374); }
  details.technical code { display: block; white-space: pre-wrap; overflow-wrap: anywhere; }
`;
