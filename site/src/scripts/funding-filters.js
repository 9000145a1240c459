(function () {
  var F = document.getElementById('call-filters'), O = document.getElementById('call-count'), C = [].slice.call(document.querySelectorAll('.funding-list [data-call]'));
  C.forEach(function (c) {
    var s = c.dataset.callStatus, t = document.getElementById(s == 'closing-soon' ? 'calls-soon' : s == 'closed' ? 'calls-closed' : s == 'unknown' ? 'calls-unknown' : 'calls-open');
    if (c.parentNode == t) return;
    if (s == 'closed') t.insertBefore(c, t.firstChild);
    else t.appendChild(c);
  });
  function run() {
    var g = {}, n = 0;
    [].forEach.call(F.querySelectorAll('input:checked'), function (i) { (g[i.name] = g[i.name] || []).push(i.value); });
    C.forEach(function (c) {
      var ok = Object.keys(g).every(function (k) {
        var v = (c.dataset[k] || '').split(' ');
        return g[k].some(function (x) { return v.indexOf(x) >= 0; });
      });
      c.hidden = !ok;
      if (ok) n++;
    });
    O.textContent = O.dataset.t.replace('{count}', n);
    [].forEach.call(document.querySelectorAll('.funding-list'), function (l) { l.querySelector('.funding-none').hidden = !!l.querySelector('[data-call]:not([hidden])'); });
  }
  F.hidden = false;
  F.addEventListener('change', run);
  F.addEventListener('reset', function () { setTimeout(run); });
  run();
})();
