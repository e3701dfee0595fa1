// The dashboard: draws the two charts from the table's data island and keeps table and charts current from the
// server's event stream (/dashboard/live): on each change it fetches the server-rendered table again and swaps it in.
(function () {
  'use strict';
  var charts = [];
  var colours = { CHINA_EXCHANGE: '#c0392b', KOICA: '#6a3fb5' };

  function island() {
    return document.getElementById('chart-data');
  }

  function data() {
    var island = document.getElementById('chart-data');
    return { chart: JSON.parse(island.textContent || '{}'), labels: { CHINA_EXCHANGE: island.dataset.china, KOICA: island.dataset.koica } };
  }

  function draw() {
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    var d = data();
    var years = d.chart.years || [];
    if (!window.uPlot || years.length === 0) { return; }
    [['chart-courses', 'courses'], ['chart-people', 'people']].forEach(function (spec) {
      var el = document.getElementById(spec[0]);
      var byProgram = d.chart[spec[1]] || {};
      var programs = Object.keys(byProgram);
      var series = [{ label: island().dataset.year }].concat(programs.map(function (p) {
        return { label: d.labels[p] || p, stroke: colours[p] || '#0b4ea2', width: 2, points: { size: 7 } };
      }));
      var opts = {
        title: el.dataset.title, width: Math.max(300, el.clientWidth - 20), height: 260, series: series,
        scales: { x: { time: false } }, legend: { live: false },
        axes: [{ values: function (u, vals) { return vals.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); } }, {}]
      };
      charts.push(new uPlot(opts, [years].concat(programs.map(function (p) { return byProgram[p]; })), el));
    });
  }

  function refresh() {
    fetch('/dashboard/table' + window.location.search, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('report');
        if (next) { document.getElementById('report').replaceWith(next); draw(); }
      })
      .catch(function () { /* the next change tries again */ });
  }

  function follow() {
    var live = document.getElementById('live');
    var source = new EventSource('/dashboard/live' + window.location.search);
    source.addEventListener('open', function () { live.classList.add('on'); });
    source.addEventListener('error', function () { live.classList.remove('on'); });
    // every event, the first too: a change between the page's rendering and the stream's start is not lost
    source.addEventListener('changed', refresh);
  }

  draw();
  performance.mark('dashboard-ready'); // table and charts drawn: what a person waits for
  follow();
  window.addEventListener('resize', draw);
})();
