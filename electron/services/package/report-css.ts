/**
 * The report's stylesheet, inlined into 报告.html so the page needs nothing from outside. System
 * fonts only (each OS has a CJK font); prints cleanly on A4.
 */
export const REPORT_CSS = `
:root { --ok: #0b7a3e; --ok-bg: #e7f5ec; --err: #b3261e; --err-bg: #fdecea; --warn: #8a5a00; --warn-bg: #fff4d6;
  --info: #1f5fa8; --info-bg: #e8f0fb; --line: #d9dde3; --muted: #5f6670; --ink: #1d2127; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: var(--ink);
  font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; min-height: 100vh; }
.en { color: var(--muted); font-size: 0.86em; font-weight: normal; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; }
.kicker { margin: 0 0 4px; color: var(--muted); font-size: 13px; letter-spacing: 0.05em; }
.banner { display: flex; gap: 18px; align-items: center; padding: 18px 22px; border-radius: 10px; border: 2px solid; }
.banner.ready { background: var(--ok-bg); border-color: var(--ok); }
.banner.not-ready { background: var(--err-bg); border-color: var(--err); }
.banner .mark { flex: none; width: 56px; height: 56px; border-radius: 50%; color: #fff; font-size: 32px; line-height: 56px; text-align: center; font-weight: bold; }
.banner.ready .mark { background: var(--ok); }
.banner.not-ready .mark { background: var(--err); }
.banner h1 { margin: 0; font-size: 26px; line-height: 1.3; }
.banner.ready h1 { color: var(--ok); }
.banner.not-ready h1 { color: var(--err); }
.banner-en { margin: 2px 0 0; font-size: 16px; color: var(--muted); }
.banner .hint { margin: 8px 0 0; }
.summary { margin: 18px 0 6px; }
.summary dl { display: grid; grid-template-columns: repeat(2, 1fr); gap: 10px 24px; margin: 0; }
.summary dt { color: var(--muted); font-size: 13px; }
.summary dd { margin: 0; font-weight: 600; }
.summary dd .en { display: block; }
.chips { margin: 14px 0 0; display: flex; gap: 8px; flex-wrap: wrap; }
.chip { padding: 3px 12px; border-radius: 999px; font-weight: 600; font-size: 14px; }
.chip.error { background: var(--err-bg); color: var(--err); }
.chip.warning { background: var(--warn-bg); color: var(--warn); }
.chip.info { background: var(--info-bg); color: var(--info); }
h2 { margin: 34px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); font-size: 20px; }
h2 .num { display: inline-block; width: 28px; height: 28px; margin-right: 10px; border-radius: 50%; background: var(--ink); color: #fff;
  font-size: 15px; line-height: 28px; text-align: center; vertical-align: 2px; }
h3 { margin: 22px 0 8px; font-size: 16px; }
.hint { color: var(--muted); margin: 0 0 10px; }
ol.files { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(2, 1fr); gap: 14px; }
.card { display: flex; gap: 14px; padding: 12px; border: 1px solid var(--line); border-radius: 8px; break-inside: avoid; }
.thumb { flex: none; width: 150px; height: 150px; display: flex; align-items: center; justify-content: center; background: #eef0f3; border-radius: 4px; overflow: hidden; }
.thumb img { max-width: 150px; max-height: 150px; display: block; }
.thumb.pdf { font-weight: bold; color: var(--err); text-decoration: none; font-size: 22px; }
.meta { min-width: 0; }
.file-name { font-weight: 700; word-break: break-all; }
.place { margin-top: 4px; }
.place .label { display: inline-block; padding: 0 6px; margin-right: 4px; border-radius: 4px; background: var(--info-bg); color: var(--info); font-size: 12px; }
.details { margin-top: 4px; color: var(--muted); font-size: 13px; }
.notes { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
.hash { margin-top: 4px; color: var(--muted); font-size: 11px; font-family: ui-monospace, Menlo, Consolas, monospace; }
ol.findings { list-style: none; margin: 0; padding: 0; }
.finding { margin: 0 0 10px; padding: 10px 14px; border-left: 5px solid; border-radius: 4px; break-inside: avoid; }
.finding.error { border-color: var(--err); background: var(--err-bg); }
.finding.warning { border-color: #d99a00; background: var(--warn-bg); }
.finding.info { border-color: var(--info); background: var(--info-bg); }
.finding-head { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.badge { padding: 0 8px; border-radius: 4px; color: #fff; font-size: 13px; font-weight: 600; }
.badge.error { background: var(--err); }
.badge.warning { background: #b37400; }
.badge.info { background: var(--info); }
.where { color: var(--muted); }
.finding p { margin: 4px 0 0; }
.finding .message { font-weight: 600; }
.finding .source { color: var(--muted); font-size: 12px; }
.all-clear { padding: 10px 14px; border-radius: 6px; background: var(--ok-bg); color: var(--ok); font-weight: 600; }
ul.checks { list-style: none; margin: 0; padding: 0; }
ul.checks li { display: flex; gap: 10px; padding: 8px 0; border-bottom: 1px dashed var(--line); break-inside: avoid; }
.box { font-size: 20px; line-height: 1.2; }
table.fields { width: 100%; border-collapse: collapse; font-size: 14px; }
table.fields th, table.fields td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.fields thead th { background: #f6f7f9; font-size: 13px; }
table.fields tbody th { width: 26%; font-weight: 600; }
table.fields tbody th .en { display: block; }
td.value { width: 37%; word-break: break-all; }
td.scan { word-break: break-all; }
td.scan.no-scan { color: #aab0b8; }
td.scan .conf { font-size: 12px; color: var(--muted); }
td.scan.match .conf { color: var(--ok); }
td.scan.differs { background: var(--err-bg); }
td.scan.differs .conf { color: var(--err); }
td.scan.uncertain { background: var(--warn-bg); }
.missing { color: var(--err); }
tr.flag-error th { box-shadow: inset 4px 0 var(--err); }
tr.flag-warning th { box-shadow: inset 4px 0 #d99a00; }
tr.flag-info th { box-shadow: inset 4px 0 var(--info); }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
@media (max-width: 760px) { ol.files, .summary dl { grid-template-columns: 1fr; } }
@media print { body { background: #fff; } main { padding: 0; max-width: none; } h2 { break-after: avoid; } }
`
