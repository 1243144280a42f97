// Small DOM helpers in GOV.UK Frontend's markup, and charts (ECharts) that always come with their data table.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function h(html) {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content;
}

export function number(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function percent(value, digits = 1) {
  return value === null || value === undefined ? '–' : `${number(value, digits)}%`;
}

export function date(value) {
  if (!value) return '–';
  return new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A GOV.UK table; cells are strings (escaped) or {html} (trusted markup built here), numbers right-aligned. */
export function table({ caption, head, rows, id, numeric = [] }) {
  const cls = (i) => (numeric.includes(i) ? ' govuk-table__header--numeric' : '');
  const cell = (c, i, header) => {
    const content = c && typeof c === 'object' && 'html' in c ? c.html : esc(c);
    if (header) return `<th scope="row" class="govuk-table__header">${content}</th>`;
    return `<td class="govuk-table__cell${numeric.includes(i) ? ' govuk-table__cell--numeric' : ''}">${content}</td>`;
  };
  return `<table class="govuk-table" ${id ? `id="${esc(id)}" data-testid="${esc(id)}"` : ''}>
    <caption class="govuk-table__caption govuk-table__caption--m">${esc(caption)}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">${head.map((c, i) => `<th scope="col" class="govuk-table__header${cls(i)}">${esc(c)}</th>`).join('')}</tr></thead>
    <tbody class="govuk-table__body">${rows.length === 0 ? `<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="${head.length}">None</td></tr>` : rows.map((r) => `<tr class="govuk-table__row">${r.map((c, i) => cell(c, i, i === 0)).join('')}</tr>`).join('')}</tbody>
  </table>`;
}

/** Headline figures as a GOV.UK summary list; each value has a test id. */
export function figures(items) {
  return `<dl class="govuk-summary-list dashboard-figures">${items.map((f) => `
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${esc(f.label)}</dt>
      <dd class="govuk-summary-list__value"><span class="dashboard-figure" data-testid="${esc(f.id)}">${esc(f.value)}</span>${f.hint ? `<span class="govuk-hint govuk-!-margin-bottom-0">${esc(f.hint)}</span>` : ''}</dd>
    </div>`).join('')}</dl>`;
}

export function tag(text, colour) {
  return `<strong class="govuk-tag govuk-tag--${esc(colour)}">${esc(text)}</strong>`;
}

/**
 * A chart with its table as the accessible alternative: the chart is one image to assistive technology (role img,
 * named by its summary); the same numbers are in the table that follows it.
 */
export function chartBlock(id, title, summary, tableHtml) {
  return `<figure class="dashboard-chart-figure">
      <figcaption class="govuk-heading-s">${esc(title)}</figcaption>
      <div id="${esc(id)}" class="dashboard-chart" role="img" aria-label="${esc(`${title}: ${summary}. The table below gives the same figures.`)}"></div>
    </figure>${tableHtml}`;
}

const PALETTE = ['#1d70b8', '#00703c', '#d4351c', '#f47738', '#4c2c92', '#505a5f', '#28a197', '#912b88'];

export function drawChart(id, option) {
  const element = document.getElementById(id);
  if (!element) return null;
  const chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({ color: PALETTE, animation: false, textStyle: { fontFamily: 'arial, sans-serif' }, ...option });
  const svg = element.querySelector('svg');
  if (svg) svg.setAttribute('aria-hidden', 'true');
  return chart;
}

export function barOption(categories, series, { stack = false, horizontal = false, max } = {}) {
  const category = { type: 'category', data: categories, axisLabel: { color: '#0b0c0c' } };
  const value = { type: 'value', max, axisLabel: { color: '#0b0c0c' } };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#0b0c0c' } },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({ type: s.type || 'bar', stack: stack ? 'total' : undefined, ...s })),
  };
}
