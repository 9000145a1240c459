(function (s) {
  var L = JSON.parse(s.dataset.l), n = Date.now(), D = 864e5, f = new Intl.RelativeTimeFormat(L.t, { numeric: 'auto' });
  function st(c) {
    var d = c.deadline ? Date.parse(c.deadline) : 0;
    if (d && d < n) return 'closed';
    if (c.opens && Date.parse(c.opens) > n) return 'upcoming';
    if (c.rolling) return 'rolling';
    if (d) return d - n <= 30 * D ? 'closing-soon' : 'open';
    if (c.year) return +c.year < +new Intl.DateTimeFormat('en', { timeZone: c.tz || 'UTC', year: 'numeric' }).format(n) ? 'closed' : 'open';
    return c.opens ? 'open' : 'unknown';
  }
  document.querySelectorAll('[data-call]').forEach(function (e) {
    var c = e.dataset, k = st(c), b = e.querySelector('.status'), x = e.querySelector('[data-days-left]');
    c.callStatus = k;
    if (b) { b.className = 'status status-' + k; b.dataset.status = k; b.textContent = L.s[k]; }
    if (x) x.textContent = (k == 'open' || k == 'closing-soon') && c.deadline ? L.d.replace('{when}', f.format(Math.floor((Date.parse(c.deadline) - n) / D), 'day')) : '';
  });
})(document.currentScript);
