import KeyWardenSupport
/// The HTML report's inline stylesheet and script. Fixed text: nothing from a report is ever
/// interpolated here, so the script cannot carry injected code.
enum HTMLReportStyle {
    static let css = """
    :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--paper:#fff;--wash:#f8fafc;--critical:#b91c1c;--high:#ea580c;--medium:#ca8a04;--low:#2563eb;--info:#64748b;--ok:#16a34a}
    *{box-sizing:border-box}
    body{margin:0;background:var(--wash);color:var(--ink);font:14px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
    code,.path,.fp,.key{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
    .masthead{background:linear-gradient(135deg,#0f172a,#1e293b);color:#f8fafc;padding:28px 48px 24px}
    .brand{display:flex;align-items:center;gap:10px;font-weight:600;letter-spacing:.02em;color:#cbd5e1}
    .brand .kind{margin-left:8px;padding:2px 10px;border:1px solid #475569;border-radius:999px;font-size:12px;font-weight:500;color:#94a3b8;text-transform:uppercase;letter-spacing:.08em}
    h1{margin:14px 0 4px;font-size:28px;font-weight:650;letter-spacing:-.01em}
    .subject{margin:0;color:#94a3b8}
    .verdict{display:inline-block;margin:16px 0 0;padding:5px 14px;border-radius:6px;font-weight:600;background:#334155}
    .verdict.sev-critical{background:var(--critical)}.verdict.sev-high{background:var(--high)}.verdict.sev-medium{background:var(--medium)}
    .verdict.sev-low{background:var(--low)}.verdict.sev-none{background:var(--ok)}
    main{max-width:1240px;margin:0 auto;padding:8px 48px 32px}
    section{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:18px 0;box-shadow:0 1px 2px rgba(15,23,42,.04)}
    h2{margin:0 0 12px;font-size:16px;font-weight:650}
    .meta dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:6px 28px;margin:0}
    .meta dl div{display:flex;gap:10px;border-bottom:1px dashed var(--line);padding:3px 0;min-width:0}
    .meta dt{color:var(--muted);min-width:120px;flex-shrink:0}.meta dd{margin:0;overflow-wrap:anywhere}
    .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px}
    .card{border:1px solid var(--line);border-top:4px solid var(--c,#94a3b8);border-radius:8px;padding:10px 14px;display:flex;flex-direction:column}
    .card .count{font-size:30px;font-weight:700;line-height:1.1;color:var(--c,var(--ink))}
    .card .name{color:var(--muted);text-transform:capitalize}
    .card.zero .count{color:#cbd5e1}.card.total .name{text-transform:none}.card.total{--c:var(--ink);background:var(--wash)}
    .sev-critical{--c:var(--critical)}.sev-high{--c:var(--high)}.sev-medium{--c:var(--medium)}.sev-low{--c:var(--low)}.sev-info{--c:var(--info)}
    table{width:100%;border-collapse:collapse}
    th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);border-bottom:2px solid var(--line);padding:8px 10px;white-space:nowrap}
    td{border-bottom:1px solid var(--line);padding:9px 10px;vertical-align:top;overflow-wrap:anywhere}
    tbody tr:hover{background:#f1f5f9}
    table td > code{white-space:nowrap}
    .meta dd{font-variant-numeric:tabular-nums}
    th.num,td.num{text-align:right;white-space:nowrap}
    th[data-sort]{cursor:pointer;user-select:none}th[data-sort]::after{content:" \\2195";color:#cbd5e1}
    th[aria-sort=ascending]::after{content:" \\2191";color:var(--ink)}th[aria-sort=descending]::after{content:" \\2193";color:var(--ink)}
    .pill{display:inline-block;white-space:nowrap;min-width:68px;text-align:center;padding:2px 8px;border-radius:999px;font-size:11.5px;font-weight:650;text-transform:uppercase;letter-spacing:.04em;color:#fff;background:var(--c)}
    .meter{display:inline-block;width:90px;height:8px;background:#f1f5f9;border-radius:4px;margin-right:10px;vertical-align:middle;overflow:hidden}
    .meter span{display:block;height:100%;background:var(--c)}
    .controls{display:flex;gap:10px;align-items:center;margin-bottom:10px}
    .controls input{flex:1;padding:7px 11px;border:1px solid #cbd5e1;border-radius:6px;font:inherit}
    .controls select{padding:7px 9px;border:1px solid #cbd5e1;border-radius:6px;font:inherit;background:#fff}
    .title{font-weight:600}.secret{margin-top:2px;color:var(--muted)}.secret code{color:var(--critical);background:#fef2f2;padding:0 4px;border-radius:3px}
    .details{display:flex;flex-wrap:wrap;gap:4px 14px;margin-top:4px;color:#334155;font-size:12.5px}.details b{font-weight:600;color:var(--muted)}
    .fix{margin-top:6px;padding:6px 10px;background:#f0fdf4;border-left:3px solid var(--ok);border-radius:4px;font-size:13px}.fix b{color:#166534;margin-right:4px}
    .fp{margin-top:4px;color:#94a3b8;font-size:11px}
    .path{color:#334155}.muted{color:var(--muted)}.clean{color:var(--ok);font-weight:600}
    .legend{display:flex;align-items:center;gap:6px 14px;flex-wrap:wrap;font-size:12.5px;color:var(--muted);margin-bottom:6px}
    .swatch{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:-8px}
    .swatch.overdue{background:var(--critical)}.swatch.due{background:#f59e0b}.swatch.ok{background:var(--ok)}.swatch.limit{width:3px;height:14px;background:var(--ink)}
    .chart{display:block;max-width:100%;height:auto}
    .chart .label{font-size:12.5px;fill:var(--ink);font-weight:600}.chart .key{font-size:11px;fill:var(--muted);font-family:ui-monospace,Menlo,Consolas,monospace}
    .chart .value{font-size:12px;fill:#334155}.chart .axis{font-size:11px;fill:var(--muted)}.chart .grid{stroke:#eef2f7}
    .chart .track{fill:#f1f5f9}.chart .limit{stroke:var(--ink);stroke-width:2.5}
    .chart .overdue .bar{fill:var(--critical)}.chart .due .bar{fill:#f59e0b}.chart .ok .bar{fill:var(--ok)}
    details summary{cursor:pointer;font-weight:600}
    footer{max-width:1240px;margin:0 auto;padding:0 48px 40px;color:var(--muted);font-size:12px}
    @media (max-width:900px){.cards{grid-template-columns:repeat(3,1fr)}main,.masthead,footer{padding-left:16px;padding-right:16px}}
    @media print{
      @page{size:A4;margin:14mm}
      body{background:#fff;font-size:11px}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      .masthead{padding:14px 18px;border-radius:6px}
      main,footer{padding:0;max-width:none}
      section{box-shadow:none;break-inside:auto;margin:10px 0;padding:10px 12px}
      .controls,th[data-sort]::after{display:none}
      tr,.card,.chart{break-inside:avoid}
      thead{display:table-header-group}
      details:not([open]) > *:not(summary){display:block}
      tbody tr:hover{background:none}
    }
    """

    /// Sorting (click a column header) and filtering (text and minimum severity) of the findings table.
    static let script = """
    (function(){
    var table=document.getElementById('findings');if(!table)return;
    var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
    var filter=document.getElementById('filter'),severity=document.getElementById('severity'),shown=document.getElementById('shown');
    function apply(){var q=filter.value.toLowerCase(),min=+severity.value,n=0;
    rows.forEach(function(r){var ok=(+r.getAttribute('data-severity'))>=min&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.hidden=!ok;if(ok)n++;});
    shown.textContent=n+' of '+rows.length+' shown';}
    filter.addEventListener('input',apply);severity.addEventListener('change',apply);
    var heads=table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,i){if(!th.hasAttribute('data-sort'))return;
    th.addEventListener('click',function(){var numeric=th.getAttribute('data-sort')==='num';
    var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
    Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',dir===1?'ascending':'descending');
    function key(r){var c=r.cells[i];var v=c.hasAttribute('data-v')?c.getAttribute('data-v'):c.textContent;return numeric?+v:v.toLowerCase();}
    rows.sort(function(a,b){var x=key(a),y=key(b);return (x<y?-1:x>y?1:0)*dir;});
    rows.forEach(function(r){body.appendChild(r);});});});
    })();
    """
}
