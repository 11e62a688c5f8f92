// Charts of the chargeback dashboard, drawn from the figures' own tables, which stay on the page
// for readers without JavaScript: the first cell of a row is its label, every column whose header
// has data-series is a series.
(function () {
  const palette = ['#1d70b8', '#00703c', '#f47738', '#4c2c92', '#d4351c'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    const table = document.getElementById(canvas.dataset.source);
    if (!table || typeof Chart === 'undefined') {
      return;
    }
    const headers = Array.from(table.tHead.rows[0].cells);
    const series = headers.map(function (h, i) { return h.hasAttribute('data-series') ? i : -1; })
      .filter(function (i) { return i >= 0; });
    const rows = Array.from(table.tBodies[0].rows);
    const stacked = canvas.dataset.chart === 'stacked';
    new Chart(canvas, {
      type: stacked ? 'bar' : 'line',
      data: {
        labels: rows.map(function (r) { return r.cells[0].textContent.trim(); }),
        datasets: series.map(function (column, k) {
          return {
            label: headers[column].textContent.trim(),
            data: rows.map(function (r) { return parseFloat(r.cells[column].textContent.replace(/,/g, '')) || 0; }),
            backgroundColor: palette[k % palette.length],
            borderColor: palette[k % palette.length]
          };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } }
      }
    });
  });
})();
