// The grid member's pages without signal (issue 16 §6): served as /patrols/sw.js, so it controls /patrols/*. Today's list,
// the check-in pages it links to and the assets they load are kept from the last time they were fetched (network
// first, the copy when offline). Check-ins made offline are queued by /js/offline-checkins.js, not here.
const CACHE = 'qingyuan-patrol-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

function cacheable(url) {
  return url.pathname === '/patrols/today' || /^\/patrols\/\d+\/check-in$/.test(url.pathname)
      || url.pathname.startsWith('/css/') || url.pathname.startsWith('/js/') || url.pathname.startsWith('/webjars/');
}

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !cacheable(url)) {
    return;
  }
  event.respondWith(fetch(request).then(response => {
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then(cache => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request).then(cached => cached || new Response(
      '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
      + '<title>离线</title><body style="font-family:sans-serif;padding:1rem"><h1>当前无网络</h1>'
      + '<p>此页面尚未离线保存。请回到<a href="/patrols/today">今日巡查</a>（联网时打开过的页面可离线使用）。</p></body></html>',
      {status: 503, headers: {'Content-Type': 'text/html; charset=utf-8'}}))));
});
