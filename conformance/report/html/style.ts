/** The report's stylesheet, inlined so the file is self-contained and allowed by its CSP hash. */
import type { Verdict } from '../report-model.js';

export const VERDICT_COLOR: Record<Verdict, string> = {
  pass: '#15803d',
  fail: '#dc2626',
  timeout: '#9333ea',
  error: '#b91c1c',
  skip: '#a16207',
  'known-failure': '#64748b',
  flaky: '#d97706',
};

/** The violating message's colour; the Chromium test checks the page uses exactly this. */
export const VIOLATION_COLOR = '#dc2626';

function verdictRules(): string {
  return Object.entries(VERDICT_COLOR)
    .map(
      ([v, c]) =>
        `.v-${v}{--vc:${c}}` +
        `body[data-filter="${v}"] .case:not([data-verdict="${v}"]){display:none}`,
    )
    .join('\n');
}

const BASE = `
:root{--bg:#f4f6f9;--card:#fff;--ink:#1e293b;--muted:#64748b;--line:#e2e8f0;--lifeline:#94a3b8;
--send:#1d4ed8;--recv:#0f766e;--note:#fef9c3;--note-line:#ca8a04;--viol:${VIOLATION_COLOR};--viol-bg:#fee2e2}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
code,pre,.case-id{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
.top{background:#0f172a;color:#e2e8f0;padding:20px 28px 14px;position:sticky;top:0;z-index:5;box-shadow:0 2px 8px rgba(0,0,0,.25)}
.title-row{display:flex;align-items:center;gap:20px;flex-wrap:wrap}
h1{font-size:20px;margin:0;font-weight:650;letter-spacing:.2px}
.outcome{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 10px;padding:4px 14px;border-radius:12px;font-size:13px;min-width:0;max-width:100%}
.outcome span{overflow-wrap:anywhere;min-width:0}
.outcome strong{letter-spacing:.6px}
.outcome.ok{background:#14532d;color:#bbf7d0}.outcome.ok-with{background:#713f12;color:#fef08a}.outcome.bad{background:#7f1d1d;color:#fecaca}
.facts{display:flex;flex-wrap:wrap;gap:6px 28px;margin:12px 0 12px;font-size:13px}
.facts div{display:flex;gap:8px;min-width:0}.facts dt{color:#94a3b8}.facts dd{margin:0;overflow-wrap:anywhere}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.filters .spacer{flex:1}
.filters[hidden]{display:none}
.scroll-cue{display:none;margin:4px 0;font-size:12px;color:var(--muted)}
button{font:inherit;font-size:13px;cursor:pointer;border-radius:6px;border:1px solid #334155;background:#1e293b;color:#e2e8f0;padding:4px 12px}
button:hover{border-color:#64748b}
button.filter{border-left:4px solid var(--vc,#94a3b8)}
button.filter .n{font-weight:700;margin-right:2px}
button[aria-pressed="true"]{background:#e2e8f0;color:#0f172a;border-color:#e2e8f0}
main{padding:18px 28px 60px;max-width:1400px}
.case{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--vc);border-radius:8px;margin:0 0 10px;box-shadow:0 1px 2px rgba(15,23,42,.05)}
.case>summary{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;padding:10px 14px;cursor:pointer;list-style:none}
.case>summary::-webkit-details-marker{display:none}
.case>summary::before{content:"▸";color:var(--muted);transition:transform .15s}
.case[open]>summary::before{transform:rotate(90deg)}
.case>summary:hover{background:#f8fafc}
.badge{background:var(--vc);color:#fff;font-size:11px;font-weight:700;letter-spacing:.5px;padding:2px 8px;border-radius:4px;white-space:nowrap}
.case-id{font-size:13px;color:#0f172a;overflow-wrap:anywhere}
.case-title{color:var(--muted);flex:1 1 16em;min-width:0;overflow-wrap:anywhere}
.level{font-size:10px;font-weight:700;border:1px solid currentColor;border-radius:3px;padding:0 5px;color:var(--muted)}
.level-must{color:#b45309}
.dur{color:var(--muted);font-size:12px;white-space:nowrap;font-variant-numeric:tabular-nums}
.case-body{padding:4px 18px 18px 30px;border-top:1px solid var(--line)}
.reference{margin:14px 0;padding:10px 14px;background:#f8fafc;border-left:3px solid #94a3b8;font-style:italic;color:#334155;overflow-wrap:anywhere}
.reference q::before{content:"“"}.reference q::after{content:"”"}
.ref-label,.seen-label{display:block;font-style:normal;font-size:11px;font-weight:700;letter-spacing:.6px;color:var(--muted);text-transform:uppercase;margin-bottom:2px}
.reason{font-weight:600;color:var(--vc);margin:10px 0;overflow-wrap:anywhere;white-space:pre-wrap}
.ea{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:10px 0}
.ea-side{border:1px solid var(--line);border-radius:6px;overflow:hidden}
.ea-side h4{margin:0;padding:4px 10px;font-size:11px;letter-spacing:.6px;text-transform:uppercase}
.ea-side.expected h4{background:#dcfce7;color:#166534}.ea-side.actual h4{background:var(--viol-bg);color:#991b1b}
.ea-side pre{margin:0;padding:8px 10px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12.5px}
.seen{background:#eff6ff;border-radius:6px;padding:8px 12px;overflow-wrap:anywhere}
.jump{color:var(--viol);font-weight:600;text-decoration:none}.jump:hover{text-decoration:underline}
.exchange-title{font-size:13px;margin:16px 0 6px}.hint{font-weight:400;color:var(--muted);font-size:12px;margin-left:8px}
.legend{float:right;display:flex;gap:14px;font-weight:400;font-size:12px;color:var(--muted)}
.key::before{content:"";display:inline-block;width:18px;height:0;border-top:2px solid;vertical-align:middle;margin-right:5px}
.key.send::before{border-color:var(--send)}.key.recv::before{border-color:var(--recv)}
.key.note::before{height:9px;border:1px solid var(--note-line);background:var(--note);width:14px}
.key.viol::before{height:9px;border:none;background:var(--viol);border-radius:5px;width:14px}
.empty{color:var(--muted);font-style:italic}
.seq{clear:both;overflow-x:auto;border:1px solid var(--line);border-radius:6px;background:#fcfdfe;padding:4px 0}
.seq svg{display:block}
.side-caption{font-size:10px;font-weight:700;letter-spacing:1.2px;fill:var(--muted)}
.lane-box{stroke-width:1.5}.lane-box.actor{fill:#dbeafe;stroke:#3b82f6}.lane-box.peer{fill:#ccfbf1;stroke:#14b8a6}
.lane-name{font:600 12.5px ui-monospace,Menlo,Consolas,monospace;fill:#0f172a}
.lifeline{stroke:var(--lifeline);stroke-width:1.2;stroke-dasharray:5 4}
.case,.msg{scroll-margin-top:150px}
.msg>summary{list-style:none;cursor:pointer}.msg>summary::-webkit-details-marker{display:none}
.row-bg{fill:transparent}
.msg>summary:hover .row-bg{fill:#f1f5f9}
.msg[open]>summary .row-bg{fill:#e0f2fe}
.time{font:11px ui-monospace,Menlo,Consolas,monospace;fill:var(--muted)}
.arrow .shaft{stroke-width:1.8}.arrow .label{font:600 12px system-ui,sans-serif}
.arrow.send .shaft{stroke:var(--send)}.arrow.send .head{fill:var(--send)}.arrow.send .label{fill:var(--send)}
.arrow.recv .shaft{stroke:var(--recv)}.arrow.recv .head{fill:var(--recv)}.arrow.recv .label{fill:var(--recv)}
.arrow.undecodable .shaft{stroke-dasharray:4 3}
.note rect{fill:var(--note);stroke:var(--note-line);stroke-width:1}.note text{font:italic 12px system-ui,sans-serif;fill:#713f12}
.msg.violation .row-bg,.msg.violation>summary:hover .row-bg,.msg.violation[open]>summary .row-bg{fill:var(--viol-bg)}
.msg.violation .arrow .shaft{stroke:var(--viol);stroke-width:2.6}
.msg.violation .arrow .head,.msg.violation .arrow .label{fill:var(--viol)}
.msg.violation .note rect{stroke:var(--viol);stroke-width:2;fill:var(--viol-bg)}
.violation-badge rect{fill:var(--viol)}.violation-badge text{fill:#fff;font:700 10.5px system-ui,sans-serif;letter-spacing:.6px}
.msg.flash>summary .row-bg{animation:flash 1.2s ease-out 2}
@keyframes flash{50%{fill:#fca5a5}}
.msg-detail{margin:2px 12px 8px 84px;padding:10px 12px;background:#fff;border:1px solid var(--line);border-radius:6px;box-shadow:0 2px 6px rgba(15,23,42,.08)}
.msg.violation>.msg-detail{border-color:var(--viol);border-width:1.5px}
.where{margin:0 0 6px;font-size:12px;color:var(--muted);font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.note-text{margin:0 0 6px;white-space:pre-wrap;overflow-wrap:anywhere}
.panes{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.25fr);gap:12px}
.pane h5{margin:0 0 4px;font-size:11px;letter-spacing:.6px;text-transform:uppercase;color:var(--muted)}
.pane pre{margin:0;padding:8px 10px;background:#0f172a;color:#e2e8f0;border-radius:5px;font-size:12px;line-height:1.5;overflow-x:auto;max-height:420px}
.pane pre.attrs{white-space:pre-wrap;overflow-wrap:anywhere}
@media (max-width:900px){.panes,.ea{grid-template-columns:minmax(0,1fr)}}
@media (max-width:760px){
.scroll-cue{display:block}
.case>summary{gap:4px 10px;padding:10px 12px}
.case-id{flex:1 1 12em;min-width:0}
.case-title{flex:1 1 100%;order:5}
.case-body{padding:4px 12px 14px 14px}
.msg-detail{margin:2px 4px 8px 4px;position:sticky;left:4px;max-width:calc(100vw - 44px)}
.legend{float:none;flex-wrap:wrap;gap:4px 12px;margin:4px 0}
}
@media (max-width:600px){
.top{position:static;padding:14px 14px 10px}
.case,.msg{scroll-margin-top:8px}
h1{font-size:18px}
.title-row{gap:8px}
.outcome{font-size:12px;padding:3px 10px;line-height:1.3}
.facts{gap:0 14px;margin:6px 0;font-size:12px}
.filters{gap:6px}
button{padding:3px 9px}
.filters .spacer{display:none}
main{padding:12px 8px 40px}
}
`;

export const STYLE = BASE + verdictRules();
