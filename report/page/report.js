// ccsim report: draws every chart of the embedded data (script#ccsim-data) with Chart.js.
// No framework, no network; everything else on the page is static markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ccsim-data').textContent);
  // Okabe-Ito colours; each index also has its own dash pattern and point style, so the
  // series stay apart in grey print and for colour-blind readers.
  var palette = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#7F7F7F'];
  var dashes = [[], [7, 3], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2], [12, 4]];
  var points = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'];
  var targetColour = '#222222';
  var targetDashes = [[6, 4], [2, 3], [10, 3, 2, 3]];

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#333333';
  Chart.defaults.animation = false;

  function pick(list, i) { return list[((i % list.length) + list.length) % list.length]; }

  function translucent(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function hatch(colour) {
    var tile = document.createElement('canvas');
    tile.width = tile.height = 8;
    var g = tile.getContext('2d');
    g.fillStyle = translucent(colour, 0.35);
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = colour;
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(0, 8); g.lineTo(8, 0);
    g.moveTo(-2, 2); g.lineTo(2, -2);
    g.moveTo(6, 10); g.lineTo(10, 6);
    g.stroke();
    return g.createPattern(tile, 'repeat');
  }

  // One number format for both languages, as the tables have it.
  function format(v, f) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    var shown = f.percent ? v * 100 : v;
    var text = shown.toFixed(Math.max(0, f.decimals));
    if (/^-[0.]*$/.test(text)) text = text.slice(1);
    if (f.sign && shown >= 0) text = '+' + text;
    return f.percent ? text + '%' : text;
  }

  function datasets(chart, many) {
    var out = [];
    chart.series.forEach(function (s, i) {
      var colour = pick(palette, s.colour);
      var stack = s.stacked ? 'stacked' : 'own-' + i;
      var axis = s.axis === 'y2' ? 'y2' : 'y';
      var base = { label: s.label, yAxisID: axis, stack: stack, ccsimAxis: axis };
      if (chart.horizontal) { base.xAxisID = axis === 'y2' ? 'y2' : 'x'; delete base.yAxisID; }
      if (s.role === 'band') {
        out.push(Object.assign({}, base, {
          type: 'line', data: s.values, borderWidth: 0, pointRadius: 0, fill: false,
          ccsimHidden: true, stack: stack + '-low', stepped: s.stepped ? 'middle' : false
        }));
        out.push(Object.assign({}, base, {
          type: 'line', data: s.upper, borderWidth: 0, pointRadius: 0, fill: '-1',
          backgroundColor: translucent(colour, 0.2), borderColor: translucent(colour, 0.2),
          ccsimLow: s.values, stepped: s.stepped ? 'middle' : false
        }));
        return;
      }
      if (s.role === 'target') {
        // Across categories (scenarios) each has its own target: a mark on its bar, no line.
        out.push(Object.assign({}, base, chart.horizontal ? {
          type: 'line', data: s.values, borderColor: targetColour, backgroundColor: targetColour,
          showLine: false, pointStyle: 'line', rotation: 90, pointRadius: 11, borderWidth: 2.5
        } : {
          // No fill: the legend then shows the dash pattern as an outline, not a black block.
          type: 'line', data: s.values, borderColor: targetColour, backgroundColor: 'transparent',
          borderDash: pick(targetDashes, s.colour), borderWidth: 1.5, pointRadius: 0, fill: false,
          stepped: s.stepped ? 'middle' : false
        }));
        return;
      }
      if (s.bar) {
        out.push(Object.assign({}, base, {
          type: 'bar', data: s.values, borderColor: colour, borderWidth: 1,
          backgroundColor: s.hatched ? hatch(colour) : translucent(colour, 0.75)
        }));
        return;
      }
      out.push(Object.assign({}, base, {
        type: 'line', data: s.values, borderColor: colour, backgroundColor: colour,
        borderDash: pick(dashes, s.colour), borderWidth: 2, fill: false, spanGaps: false,
        pointStyle: pick(points, s.colour), pointRadius: many ? 0 : 2.5,
        stepped: s.stepped ? 'middle' : false
      }));
    });
    return out;
  }

  function valueScale(axis, stacked, right) {
    var scale = {
      stacked: stacked,
      title: { display: true, text: axis.title },
      ticks: { callback: function (v) { return format(v, axis); } }
    };
    if (axis.min !== null) scale.min = axis.min;
    if (axis.max !== null) scale.max = axis.max;
    if (right) { scale.position = 'right'; scale.grid = { drawOnChartArea: false }; }
    return scale;
  }

  function draw(canvas, chart) {
    var many = chart.x.labels.length > 60;
    var sets = datasets(chart, many);
    var stacked = chart.series.some(function (s) { return s.stacked; });
    var hasBars = chart.series.some(function (s) { return s.bar; });
    var category = {
      stacked: stacked, offset: hasBars,
      title: { display: true, text: chart.x.title },
      ticks: { autoSkip: true, maxRotation: 50 }
    };
    var scales = {};
    var valueAxis = chart.horizontal ? 'x' : 'y';
    var categoryAxis = chart.horizontal ? 'y' : 'x';
    scales[categoryAxis] = category;
    scales[valueAxis] = valueScale(chart.y, stacked, false);
    if (chart.y2) scales.y2 = valueScale(chart.y2, false, !chart.horizontal);
    if (chart.horizontal) category.ticks.autoSkip = false;
    return new Chart(canvas, {
      type: 'line',
      data: { labels: chart.x.labels, datasets: sets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: chart.horizontal ? 'y' : 'x',
        interaction: { mode: 'index', intersect: false },
        scales: scales,
        plugins: {
          legend: {
            position: 'bottom',
            labels: {
              usePointStyle: false,
              filter: function (item, all) { return !all.datasets[item.datasetIndex].ccsimHidden; }
            }
          },
          tooltip: {
            filter: function (item) { return !item.dataset.ccsimHidden; },
            callbacks: {
              label: function (item) {
                var d = item.dataset;
                var f = d.ccsimAxis === 'y2' ? chart.y2 : chart.y;
                var v = chart.horizontal ? item.parsed.x : item.parsed.y;
                if (d.ccsimLow) return d.label + ': [' + format(d.ccsimLow[item.dataIndex], f) +
                                       ', ' + format(v, f) + ']';
                return d.label + ': ' + format(v, f);
              }
            }
          }
        }
      }
    });
  }

  var charts = [];
  data.sections.forEach(function (section) {
    section.blocks.forEach(function (block) {
      if (block.type !== 'chart') return;
      var canvas = document.getElementById(block.id);
      if (canvas) charts.push(draw(canvas, block));
    });
  });
  // Printing lays the page out anew: charts take the printed width, and are not cut.
  window.addEventListener('beforeprint', function () {
    charts.forEach(function (c) { c.resize(); });
  });
  window.addEventListener('afterprint', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
