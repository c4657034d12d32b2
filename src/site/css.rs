//! The one stylesheet, inlined in every page (a page saved alone, or
//! opened from `file://`, keeps its look; nothing is fetched). Colours keep
//! a contrast of at least 4.5:1 on their background (WCAG AA); print
//! styles drop the navigation, so a browser's "save as PDF" gives the
//! document alone.

/// The stylesheet.
pub const CSS: &str = r#"
:root { --text: #1b1b1b; --muted: #4a4a4a; --link: #0b4f9c; --rule: #c8c8c8; --head: #eef1f5;
  --ins: #d8f5dd; --ins-text: #0b4a1a; --del: #fde2e2; --del-text: #7a0c0c; --focus: #b35900; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 100%; line-height: 1.5; color: var(--text); background: #fff; }
body { margin: 0 auto; max-width: 62rem; padding: 0 1rem 2rem; }
a { color: var(--link); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header.site { padding: .75rem 0 .25rem; }
.bar { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--rule);
  margin-bottom: 1rem; padding: .25rem 0; display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: baseline; }
.bar nav.versions ul { margin: .1rem 0; }
header.site + main { border-top: 1px solid var(--rule); padding-top: .25rem; }
main [id] { scroll-margin-top: 3rem; }
header.site p { margin: .25rem 0; }
.crumbs { font-size: .95rem; }
nav.versions ul, .switch ul { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
nav.versions [aria-current="page"] { font-weight: 700; color: var(--text); text-decoration: none; }
.badge { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: .25rem; border: 1px solid currentColor; margin-left: .25rem; white-space: nowrap; }
.badge.in-force { color: #0b5a1f; }
.badge.scheduled { color: #7a4a00; }
.badge.earlier, .badge.undated { color: var(--muted); }
.built, .switch { color: var(--muted); font-size: .9rem; }
.switch { margin: -.25rem 0 .75rem; }
.switch ul { display: inline-flex; margin: 0 0 0 .25rem; vertical-align: baseline; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5rem 0 .5rem; }
h1 { font-size: 2rem; } h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; } h4 { font-size: 1.1rem; }
nav.toc ul { padding-left: 1.25rem; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; color: var(--muted); }
.table { overflow-x: auto; margin: .75rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--head); }
tbody th { font-weight: 600; }
ins { background: var(--ins); color: var(--ins-text); text-decoration: underline; }
del { background: var(--del); color: var(--del-text); text-decoration: line-through; }
td.changed, th.changed { outline: 2px solid var(--focus); outline-offset: -2px; }
.change { border-left: 4px solid var(--rule); padding: .25rem 0 .25rem .75rem; margin: 1rem 0; }
.change.reduction, .change.mixed { border-color: #a30000; }
.change.extension { border-color: #0b6b24; }
.change h3 { margin-top: .25rem; }
.words { white-space: pre-line; }
.where { color: var(--muted); font-size: .9rem; }
figure.picture { margin: 1rem 0; }
figure.picture svg { max-width: 100%; height: auto; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: .5rem; color: var(--muted); font-size: .9rem; }
@media print {
  @page { margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .bar, .crumbs, .skip, .switch { display: none; }
  header.site { border: 0; margin: 0; }
  a { color: inherit; text-decoration: none; }
  main a[href^="http"]::after, main a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: .9em; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .change { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;
