/* Wall mode of the battle board (挂图作战 on the office's screen): full screen, large type, reloaded every minute. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var wall = document.getElementById('board-wall');
    if (!wall) { return; }
    document.body.classList.add('qy-wall');
    var seconds = parseInt(wall.getAttribute('data-refresh-seconds') || '60', 10);
    setTimeout(function () { window.location.reload(); }, seconds * 1000);
    var button = document.getElementById('wall-fullscreen');
    if (button) {
      button.addEventListener('click', function () {
        if (document.fullscreenElement) { document.exitFullscreen(); } else { document.documentElement.requestFullscreen(); }
      });
    }
  });
}());
