/**
 * The widget's whole stylesheet, inside its shadow root: the page's CSS
 * cannot reach in and ours cannot leak out. `--accent` and `--on-accent`
 * come from the brand; every other colour keeps at least 4.5:1 contrast.
 */
export const styles = `
:host{all:initial}
*{box-sizing:border-box}
.root{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;--accent:#4f46e5;--on-accent:#fff;--side:right}
[hidden]{display:none!important}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
button,textarea{font:inherit;color:inherit}
button{cursor:pointer}
button:disabled{cursor:default}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px;box-shadow:0 0 0 5px #fff}
a{color:#1d4ed8}
.launcher{position:fixed;bottom:20px;width:58px;height:58px;border-radius:50%;border:0;background:var(--accent);color:var(--on-accent);box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;z-index:2147483000}
.side-right .launcher,.side-right .panel,.side-right .popup{right:20px}
.side-left .launcher,.side-left .panel,.side-left .popup{left:20px}
.launcher .badge{position:absolute;top:-2px;right:-2px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b91c1c;color:#fff;font-size:12px;font-weight:700;line-height:22px}
.icon{display:inline-flex}
.panel{position:fixed;bottom:90px;width:370px;max-width:calc(100vw - 40px);height:min(600px,calc(100vh - 110px));background:#fff;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden;z-index:2147483001}
@media (max-width:480px){.panel{inset:0!important;width:auto;max-width:none;height:auto;border-radius:0}}
.header{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--accent);color:var(--on-accent)}
.header h2{flex:1;margin:0;font-size:16px;font-weight:650;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.icon-button{background:transparent;border:0;border-radius:8px;padding:6px;color:inherit;display:inline-flex}
.connection{padding:4px 16px;background:#fef3c7;color:#78350f;font-size:13px}
.log{flex:1;overflow-y:auto;padding:14px 14px 6px;display:flex;flex-direction:column;gap:10px;background:#f9fafb}
.message{display:flex;flex-direction:column;align-items:flex-start;gap:4px;max-width:88%}
.from-customer{align-self:flex-end;align-items:flex-end}
.from-system{align-self:center;max-width:100%}
.author{margin:0;font-size:12px;color:#4b5563;display:flex;gap:6px;align-items:center}
.badge{border:1px solid #6b7280;border-radius:4px;padding:0 5px;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:#374151}
.bubble{background:#fff;border:1px solid #e5e7eb;border-radius:14px;padding:8px 12px;overflow-wrap:anywhere}
.from-customer .bubble{background:var(--accent);color:var(--on-accent);border-color:transparent}
.from-customer .bubble a{color:inherit}
.pending .bubble{opacity:.7}
.draft .bubble{white-space:pre-wrap}
.text{margin:0;white-space:pre-wrap}
.event{margin:0;font-size:13px;color:#4b5563;text-align:center;font-style:italic}
.options{display:flex;flex-wrap:wrap;gap:6px}
.option,.list-toggle{background:#fff;border:1.5px solid var(--accent-border,#4b5563);border-radius:18px;padding:6px 14px;text-align:left;display:flex;flex-direction:column}
.option:hover:not(:disabled),.list-toggle:hover:not(:disabled){background:#eef2ff}
.option:disabled,.list-toggle:disabled{opacity:.6}
.option-description{font-size:12px;color:#4b5563}
.list-options{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-direction:column;gap:4px;width:100%}
.list-options .option{width:100%;border-radius:8px}
.cards{display:flex;gap:8px;overflow-x:auto;max-width:100%;padding-bottom:4px}
.card{flex:0 0 160px;border-radius:10px;padding:0 0 8px;overflow:hidden;gap:4px}
.card img{width:100%;height:100px;object-fit:cover;display:block}
.card .option-label,.card .option-description{padding:0 10px}
.card .option-label{font-weight:600}
.articles{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px;width:100%}
.articles a{display:flex;flex-direction:column;padding:8px 10px;border:1px solid #e5e7eb;border-radius:10px;background:#fff;text-decoration:none}
.article-title{font-weight:600;text-decoration:underline}
.article-snippet{color:#374151;font-size:13px}
.citations{margin-top:6px;font-size:13px}
.citations-title{margin:0;font-weight:600}
.citations ol{margin:2px 0 0;padding-left:20px}
.attachment-image{max-width:220px;max-height:220px;border-radius:8px;display:block}
.attachment{display:flex;align-items:center;gap:6px}
.typing{padding:2px 16px 6px;font-size:13px;color:#4b5563;background:#f9fafb}
.notice{padding:8px 16px;background:#fef2f2;color:#991b1b;font-size:13px}
.notice:empty,.typing:empty,.connection:empty{padding:0}
.ended{padding:12px 16px;border-top:1px solid #e5e7eb;text-align:center}
.ended p{margin:0 0 8px}
.primary{background:var(--accent);color:var(--on-accent);border:0;border-radius:8px;padding:8px 14px;font-weight:600}
.composer{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #e5e7eb}
.composer textarea{flex:1;resize:none;border:1px solid #6b7280;border-radius:10px;padding:8px 10px;max-height:120px;min-height:40px;background:#fff}
.composer .primary{display:inline-flex;padding:10px}
.composer .attach{padding:10px 4px;color:#4b5563}
.dropping .log{outline:3px dashed var(--accent);outline-offset:-6px}
.consent{margin:0;padding:0 14px 10px;font-size:12px;color:#4b5563}
.popup{position:fixed;bottom:90px;width:300px;max-width:calc(100vw - 40px);background:#fff;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.25);padding:14px;z-index:2147483000}
.popup .text{cursor:pointer;margin:0 24px 10px 0}
.popup .dismiss{position:absolute;top:6px;right:6px;color:#374151}
`;
