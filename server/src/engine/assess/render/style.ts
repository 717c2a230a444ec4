// The report's stylesheet. Colours come from VS Code's theme variables when the report is
// shown in a webview, with light and dark fallbacks for a standalone file.
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: var(--vscode-editor-background, #ffffff);
  --fg: var(--vscode-editor-foreground, #1f2328);
  --muted: var(--vscode-descriptionForeground, #57606a);
  --border: var(--vscode-panel-border, #d0d7de);
  --card: var(--vscode-editorWidget-background, #f6f8fa);
  --link: var(--vscode-textLink-foreground, #0b5cad);
  --focus: var(--vscode-focusBorder, #0b5cad);
  --btn-bg: var(--vscode-button-background, #0b5cad);
  --btn-fg: var(--vscode-button-foreground, #ffffff);
  --t-critical: #a61b1b; --t-high: #c2410c; --t-medium: #a16207; --t-low: #2f6f4e;
  --c-conflict: #a61b1b; --c-fragility: #b45309; --c-none: #57606a;
  --gap: #c2410c;
  --font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif);
  --mono: var(--vscode-editor-font-family, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: var(--vscode-editor-background, #0d1117);
    --fg: var(--vscode-editor-foreground, #e6edf3);
    --muted: var(--vscode-descriptionForeground, #9da7b3);
    --border: var(--vscode-panel-border, #30363d);
    --card: var(--vscode-editorWidget-background, #161b22);
    --link: var(--vscode-textLink-foreground, #58a6ff);
    --focus: var(--vscode-focusBorder, #58a6ff);
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 var(--font); }
main { max-width: 1320px; margin: 0 auto; padding: 20px 28px 48px; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
h3 { font-size: 15px; margin: 0 0 6px; }
code { font-family: var(--mono); font-size: 12.5px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.summary { border-left: 4px solid var(--link); background: var(--card); padding: 10px 14px; margin: 10px 0 6px; border-radius: 4px; }
.toolbar { float: right; }
button { font: inherit; background: var(--btn-bg); color: var(--btn-fg); border: 0; border-radius: 3px; padding: 5px 12px; cursor: pointer; }
nav ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 12px 14px; }
.card h3 a { color: inherit; text-decoration: none; }
.card h3 a:hover { text-decoration: underline; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.cat-conflict { background: var(--c-conflict); } .cat-fragility { background: var(--c-fragility); } .cat-none { background: var(--c-none); }
.tier-critical { background: var(--t-critical); } .tier-high { background: var(--t-high); } .tier-medium { background: var(--t-medium); } .tier-low { background: var(--t-low); }
.tier-none { background: var(--c-none); }
.chip { display: inline-block; border: 1px solid var(--border); border-radius: 10px; padding: 0 7px; font-size: 12px; margin: 2px 2px 0 0; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0 0; font-size: 13px; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; }
.bar { display: inline-block; vertical-align: middle; width: 90px; height: 8px; border-radius: 4px; background: color-mix(in srgb, var(--muted) 25%, transparent); overflow: hidden; margin-right: 6px; }
.bar > span { display: block; height: 100%; background: #2f6f4e; }
.bar > span.part { background: #b45309; } .bar > span.poor { background: #a61b1b; }
${Array.from({ length: 11 }, (_, i) => `.w${i} { width: ${i * 10}%; }`).join(' ')}
.stages { display: grid; grid-template-columns: repeat(8, 1fr); gap: 6px; margin: 6px 0 10px; }
.stage { border: 1px solid var(--border); border-radius: 6px; padding: 8px; min-height: 74px; background: var(--card); font-size: 12.5px; }
.stage .n { font-size: 20px; font-weight: 700; }
.stage.future { opacity: .55; }
.stage.gap { border: 2px dashed var(--gap); }
.stage.current { box-shadow: inset 0 3px 0 var(--link); }
.gaps li { color: var(--fg); }
.gaps li::marker { content: "⚠ "; color: var(--gap); }
.matrix-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
table.matrix th, table.matrix td { border: 1px solid var(--border); padding: 6px; vertical-align: top; }
table.matrix thead th { background: var(--card); font-size: 12.5px; text-align: left; min-width: 112px; }
table.matrix tbody th { text-align: left; background: var(--card); white-space: nowrap; font-size: 13px; }
table.matrix tbody th .muted { display: block; font-weight: normal; font-size: 11.5px; }
table.matrix caption { text-align: left; padding: 8px 10px; color: var(--muted); caption-side: top; }
a.cell { display: block; text-decoration: none; color: inherit; border-radius: 5px; padding: 5px 6px; border: 1px solid var(--border); background: var(--bg); }
a.cell:hover { border-color: var(--link); }
a.cell .top { display: flex; justify-content: space-between; align-items: center; gap: 4px; }
a.cell .rank { font-size: 11px; color: var(--muted); }
a.cell .fns { display: block; font-size: 11.5px; color: var(--muted); margin-top: 3px; }
a.cell.suggested { border-style: dashed; }
a.cell.suggested .badge { opacity: .8; }
a.cell.dismissed { opacity: .6; }
a.cell.dismissed .fns { text-decoration: line-through; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12.5px; color: var(--muted); margin: 8px 0; }
ol.cells { padding-left: 0; list-style: none; }
ol.cells > li { border: 1px solid var(--border); border-radius: 6px; padding: 10px 14px; margin: 0 0 10px; background: var(--card); }
ol.cells > li.suggested { border-style: dashed; }
ol.cells > li:target { outline: 2px solid var(--focus); }
.findings li { margin: 0 0 10px; }
.sev { display: inline-block; min-width: 62px; text-align: center; padding: 1px 6px; border-radius: 3px; font-size: 11.5px; font-weight: 700; color: #fff; text-transform: uppercase; }
.sev-blocker { background: #7a1010; } .sev-high { background: var(--t-critical); } .sev-medium { background: var(--t-medium); } .sev-low { background: var(--t-low); } .sev-info { background: var(--c-none); }
.st { font-size: 12px; border: 1px solid var(--border); border-radius: 3px; padding: 0 5px; }
ul.prompts { margin: 4px 0 0; }
table.plain th, table.plain td { border-bottom: 1px solid var(--border); padding: 5px 8px; text-align: left; vertical-align: top; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print { .toolbar { display: none; } a.cell { break-inside: avoid; } }
`;
