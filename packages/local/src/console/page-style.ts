/** The console's CSS: a light, dense dashboard readable at a glance; status colours by class. */
export const CONSOLE_STYLE = `
:root {
  --bg: #f5f6f8; --panel: #fff; --ink: #1d2330; --muted: #5d6677; --line: #dfe3ea;
  --ok: #1a7f37; --ok-bg: #e6f4ea; --warn: #9a6700; --warn-bg: #fff4d6;
  --bad: #c62828; --bad-bg: #fdecea; --info: #0b5cad; --info-bg: #e7f0fb;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, sans-serif; }
header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; padding: 14px 24px;
  background: var(--ink); color: #fff; }
header h1 { margin: 0; font-size: 18px; font-weight: 600; }
header p { margin: 0; color: #c5cbd6; font-size: 13px; }
#live { margin-left: auto; font-size: 13px; }
#live::before { content: ''; display: inline-block; width: 9px; height: 9px; margin-right: 6px;
  border-radius: 50%; background: #8a93a3; }
#live.on::before { background: #3fb950; }
#live.off { color: #ffb4ab; }
#live.off::before { background: var(--bad); }
#fault-banner { padding: 8px 24px; background: var(--warn-bg); color: var(--warn); font-weight: 600;
  border-bottom: 1px solid #f0d58a; }
main { display: grid; grid-template-columns: minmax(320px, 420px) minmax(0, 1fr); gap: 16px;
  padding: 16px 24px; max-width: 1440px; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
.column { display: flex; flex-direction: column; gap: 16px; min-width: 0; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
h2 { margin: 0 0 10px; font-size: 15px; }
h2 small { color: var(--muted); font-weight: 400; margin-left: 6px; }
label { display: block; font-size: 12px; color: var(--muted); margin-bottom: 8px; }
input { display: block; width: 100%; margin-top: 3px; padding: 6px 8px; font: inherit;
  border: 1px solid #c3c9d4; border-radius: 5px; }
button { font: inherit; padding: 6px 14px; border-radius: 5px; border: 1px solid var(--info);
  background: var(--info); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--info); }
button:disabled { opacity: .45; cursor: default; }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.note { margin: 8px 0 0; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.note.ok { color: var(--ok); } .note.bad { color: var(--bad); }
.field-error { color: var(--bad); font-size: 12px; }
.mono { font-family: var(--mono); font-size: 12px; }
.empty { color: var(--muted); font-style: italic; margin: 4px 0; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.wrap { white-space: normal; overflow-wrap: anywhere; }
#requests tbody tr { cursor: pointer; }
#requests tbody tr:hover { background: #f0f3f8; }
#requests tbody tr.selected { background: var(--info-bg); }
.status { display: inline-block; min-width: 38px; text-align: center; padding: 1px 6px; border-radius: 10px;
  font-weight: 600; font-size: 12px; }
.s2xx { color: var(--ok); background: var(--ok-bg); } .s3xx { color: var(--info); background: var(--info-bg); }
.s4xx { color: var(--warn); background: var(--warn-bg); } .s5xx { color: var(--bad); background: var(--bad-bg); }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-bottom: 10px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 8px; text-align: center; }
.tile b { display: block; font-size: 24px; line-height: 1.2; }
.tile span { font-size: 12px; color: var(--muted); }
.tile.alert { border-color: var(--bad); background: var(--bad-bg); color: var(--bad); }
.trail { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.trail li { border-left: 4px solid var(--line); padding: 4px 10px; background: #fafbfc; border-radius: 0 5px 5px 0; }
.trail li b { display: block; font-size: 13px; }
.trail li span { font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.trail li.done { border-color: var(--ok); } .trail li.failed { border-color: var(--bad); background: var(--bad-bg); }
.trail li.pending { border-color: #d4a72c; background: var(--warn-bg); }
.emails { display: flex; flex-direction: column; gap: 10px; }
.email { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.email dl { display: grid; grid-template-columns: 70px 1fr; margin: 0; padding: 8px 12px; gap: 2px 8px;
  background: #fafbfc; border-bottom: 1px solid var(--line); font-size: 12px; }
.email dt { color: var(--muted); } .email dd { margin: 0; overflow-wrap: anywhere; }
.email .body { margin: 0; padding: 10px 12px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 14px; }
.email.fresh { border-color: var(--ok); box-shadow: 0 0 0 2px var(--ok-bg); }
`;
