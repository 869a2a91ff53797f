// Check-ins without signal (issue 16 §6): on 今日巡查 and the check-in page. Registers the service worker that keeps the
// pages; when the phone is offline, a check-in form is kept on the phone (IndexedDB: its fields, the position taken then,
// the photos as taken, a key and the time) and sent to the API as soon as the phone is online again. The key makes a
// resend harmless: the server answers the check-in it recorded the first time.
(function () {
  var DB = 'qingyuan-offline', STORE = 'checkins';

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/patrols/sw.js', {scope: '/patrols/'}).catch(function () { /* pages still work online */ });
  }

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, {keyPath: 'clientKey'}); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function all(db) {
    return new Promise(function (resolve, reject) {
      var request = db.transaction(STORE).objectStore(STORE).getAll();
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function put(db, item) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(item);
      tx.oncomplete = resolve;
      tx.onerror = function () { reject(tx.error); };
    });
  }

  function remove(db, key) {
    return new Promise(function (resolve) {
      var tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(key);
      tx.oncomplete = resolve;
      tx.onerror = resolve;
    });
  }

  function key() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function xsrf() {
    var m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : '';
  }

  function show(text, kind) {
    var box = document.getElementById('offline-queue');
    if (!box) return;
    box.textContent = text;
    box.className = 'alert py-2 small alert-' + (kind || 'info');
    box.hidden = !text;
  }

  function pending() {
    return open().then(all).then(function (items) {
      show(items.length ? '手机上有 ' + items.length + ' 条离线打卡待上传，联网后自动上传' : '', 'warning');
      return items;
    }).catch(function () { return []; });
  }

  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return pending();
    flushing = true;
    return open().then(function (db) {
      return all(db).then(function (items) {
        return items.reduce(function (chain, item) {
          return chain.then(function () {
            var body = new FormData();
            Object.keys(item.fields).forEach(function (name) { body.append(name, item.fields[name]); });
            item.photos.forEach(function (p) { body.append('photos', p.blob, p.name); });
            body.append('clientKey', item.clientKey);
            body.append('takenAt', item.takenAt);
            return fetch('/api/v1/patrols/' + item.patrolId + '/check-ins', {
              method: 'POST', body: body, credentials: 'same-origin', headers: {'X-XSRF-TOKEN': xsrf()}
            }).then(function (response) {
              // sent, or refused for good (the reason is the server's): either way it leaves the phone
              if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403)) {
                return remove(db, item.clientKey).then(function () {
                  if (!response.ok) {
                    return response.json().then(function (p) {
                      show('一条离线打卡未被接收：' + (p.detail || response.status), 'danger');
                    }).catch(function () {});
                  }
                });
              }
            });
          });
        }, Promise.resolve());
      });
    }).catch(function () { /* still offline: try again when online */ })
      .then(function () { flushing = false; return pending(); });
  }

  var form = document.getElementById('check-in-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      if (navigator.onLine) return;
      event.preventDefault();
      var fields = {}, photos = [];
      new FormData(form).forEach(function (value, name) {
        if (value instanceof File) {
          if (value.size > 0) photos.push({name: value.name || '现场.jpg', blob: value});
        } else if (name !== '_csrf') {
          fields[name] = value;
        }
      });
      var patrolId = (form.getAttribute('action').match(/\/patrols\/(\d+)\//) || [])[1];
      var item = {clientKey: key(), takenAt: new Date().toISOString(), patrolId: patrolId, fields: fields, photos: photos};
      open().then(function (db) { return put(db, item); }).then(function () {
        form.hidden = true;
        var done = document.getElementById('offline-saved');
        if (done) done.hidden = false;
        return pending();
      }).catch(function () {
        show('离线保存失败：此浏览器不能在本机保存打卡，请联网后再提交', 'danger');
      });
    });
  }

  // today's list: while online, fetch each check-in page once so that the service worker keeps it for offline use
  if (navigator.onLine) {
    document.querySelectorAll('a.check-in-link').forEach(function (a) {
      fetch(a.href, {credentials: 'same-origin'}).catch(function () {});
    });
  }

  window.addEventListener('online', flush);
  window.addEventListener('offline', pending);
  flush();
})();
