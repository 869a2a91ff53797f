/* Home page charts (map module): ECharts from the data the server rendered; a click opens the list behind a figure. */
(function () {
  'use strict';
  var PALETTE = ['#0f5e63', '#dc3545', '#fd7e14', '#0d6efd', '#6f42c1', '#198754', '#6c757d', '#20c997'];

  function option(c) {
    if (c.type === 'pie') {
      return {animation: false, color: PALETTE, tooltip: {trigger: 'item'}, legend: {bottom: 0, type: 'scroll'},
        series: [{type: 'pie', radius: ['35%', '65%'], data: c.labels.map(function (l, i) {
          return {name: l, value: c.series[0].data[i]};
        })}]};
    }
    var percent = c.series.some(function (s) { return s.percent; });
    var yAxis = [{type: 'value', minInterval: 1}];
    if (percent) { yAxis.push({type: 'value', max: 100, axisLabel: {formatter: '{value}%'}}); }
    return {animation: false, color: PALETTE, tooltip: {trigger: 'axis'}, legend: {top: 0, type: 'scroll'},
      grid: {left: 40, right: percent ? 45 : 10, top: 30, bottom: 50},
      xAxis: {type: 'category', data: c.labels, axisLabel: {rotate: c.labels.length > 6 ? 35 : 0, interval: 0, fontSize: 11}},
      yAxis: yAxis,
      series: c.series.map(function (s) {
        return {name: s.name, type: s.percent ? 'line' : (c.type === 'line' ? 'bar' : 'bar'), data: s.data,
          yAxisIndex: s.percent ? 1 : 0, smooth: true};
      })};
  }

  document.addEventListener('DOMContentLoaded', function () {
    var holder = document.getElementById('home-charts');
    if (!holder || !window.echarts) { return; }
    var charts = JSON.parse(holder.getAttribute('data-charts'));
    var drawn = [];
    function draw(c) {
      var el = document.getElementById('chart-' + c.id);
      if (!el) { return; }
      var chart = echarts.init(el, null, {renderer: 'canvas'});
      chart.setOption(option(c));
      chart.on('click', function (p) {
        var link = c.links[p.dataIndex];
        if (link) { window.location.href = link; }
      });
      el.setAttribute('data-drawn', 'true');
      drawn.push(chart);
      var table = document.getElementById('table-' + c.id);
      if (table && !table.querySelector('tr')) {
        var body = table.querySelector('tbody');
        c.labels.forEach(function (l, i) {
          var tr = document.createElement('tr'), td = document.createElement('td'), a = document.createElement('a');
          a.href = c.links[i]; a.textContent = l; td.appendChild(a); tr.appendChild(td);
          c.series.forEach(function (s) {
            var cell = document.createElement('td'); cell.textContent = s.name + ' ' + s.data[i]; tr.appendChild(cell);
          });
          body.appendChild(tr);
        });
      }
    }
    charts.forEach(function (c) {
      var el = document.getElementById('chart-' + c.id);
      var source = el && el.getAttribute('data-source');
      if (!source) { draw(c); return; }
      // figures reconstructed from history: fetched apart, so that the page never waits for them
      el.textContent = '正在按历史记录计算各周数据…';
      fetch(source, {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (weekly) { if (weekly) { el.textContent = ''; draw(weekly); } });
    });
    window.addEventListener('resize', function () { drawn.forEach(function (c) { c.resize(); }); });
  });
}());
