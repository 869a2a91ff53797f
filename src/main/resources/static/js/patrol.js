// The check-in page: takes the phone's position into the form (the server flags a check-in without one or far from the site).
(function () {
  var form = document.getElementById('check-in-form');
  if (!form) {
    return;
  }
  var status = document.getElementById('position-status');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var acc = document.getElementById('accuracy');
  function show(text, kind) {
    status.textContent = text;
    status.className = 'alert py-2 small alert-' + kind;
  }
  if (lat.value && lon.value) {
    show('已定位：' + Number(lat.value).toFixed(5) + ', ' + Number(lon.value).toFixed(5), 'success');
    return;
  }
  if (!navigator.geolocation) {
    show('此浏览器不能定位；可以提交，打卡将标记为“无手机定位”待核实。', 'warning');
    return;
  }
  navigator.geolocation.getCurrentPosition(function (p) {
    lat.value = p.coords.latitude;
    lon.value = p.coords.longitude;
    acc.value = p.coords.accuracy;
    show('已定位：' + p.coords.latitude.toFixed(5) + ', ' + p.coords.longitude.toFixed(5)
        + '（精度约 ' + Math.round(p.coords.accuracy) + ' 米）', 'success');
  }, function (e) {
    show('未能定位（' + (e.code === 1 ? '未允许定位' : '信号不佳') + '）；可以提交，打卡将标记为待核实。', 'warning');
  }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
})();
