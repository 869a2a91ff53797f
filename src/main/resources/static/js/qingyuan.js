// Qingyuan shell behaviour: no inline scripts, so the Content-Security-Policy stays strict.
document.addEventListener('click', function (event) {
  const toggle = event.target.closest('.division-tree .toggle');
  if (!toggle || !toggle.dataset.loaded) {
    return;
  }
  const list = document.getElementById('children-' + toggle.closest('.division-node').dataset.code);
  const open = list.hidden;
  list.hidden = !open;
  toggle.textContent = open ? '−' : '+';
  toggle.setAttribute('aria-expanded', String(open));
});

document.addEventListener('htmx:afterSwap', function (event) {
  const node = event.detail.target.closest('.division-node');
  if (!node || event.detail.target.id !== 'children-' + node.dataset.code) {
    return;
  }
  const toggle = node.querySelector(':scope > div .toggle');
  toggle.dataset.loaded = 'true';
  toggle.textContent = '−';
  toggle.setAttribute('aria-expanded', 'true');
});

// Ledger form: fill the coordinates from the phone's position (WGS-84, as browsers report it).
document.addEventListener('click', function (event) {
  const button = event.target.closest('#locate');
  if (!button || !navigator.geolocation) {
    return;
  }
  button.disabled = true;
  navigator.geolocation.getCurrentPosition(function (position) {
    document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
    document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
    button.disabled = false;
  }, function () {
    button.disabled = false;
    button.textContent = '无法获取位置';
  }, {enableHighAccuracy: true, timeout: 10000});
});

// Progress bars carry their width as data-percent: the CSP forbids inline style attributes, while
// setting the width through the CSSOM is allowed.
function qyProgress(root) {
  root.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = bar.dataset.percent + '%';
  });
}
document.addEventListener('DOMContentLoaded', function () { qyProgress(document); });
document.addEventListener('htmx:load', function (event) { qyProgress(event.detail.elt); });
