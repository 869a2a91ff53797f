// 上报线索: fill the position from the phone's location when asked.
(function () {
  var button = document.getElementById('locate');
  if (!button) return;
  var status = document.getElementById('locate-status');
  button.addEventListener('click', function () {
    if (!navigator.geolocation) {
      status.textContent = '此设备无法定位，请手工填写地址';
      return;
    }
    status.textContent = '正在定位…';
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
      document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
      status.textContent = '已定位（误差约 ' + Math.round(p.coords.accuracy) + ' 米）';
    }, function (e) {
      status.textContent = '定位失败：' + (e.code === 1 ? '未允许定位' : '无法取得位置') + '，请手工填写地址';
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
