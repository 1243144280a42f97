// The dashboard's views. Each loads what it shows from the public API with the user's token and renders numbers as
// the API gives them (derived figures say how they are worked out).
import { all, get, mapLimited, tryGet } from './api.js';
import { barOption, chartBlock, date, drawChart, esc, figures, number, percent, table, tag } from './ui.js';

const STATUS_ORDER = ['active', 'break-in-learning', 'completed', 'withdrawn'];
const name = (a) => `${a.givenName} ${a.familyName}`;
const link = (a) => ({ html: `<a class="govuk-link" href="#/apprentice/${esc(a.id)}">${esc(name(a))}</a>` });
const today = () => new Date();
const providerPath = (ctx) => `/api/v1/providers/${encodeURIComponent(ctx.claims.provider_ukprn || '')}`;
/** The apprentice named by an item of a provider-wide list. */
const apprenticeOf = (i) => ({ id: i.apprenticeId, givenName: i.givenName, familyName: i.familyName });

/** Hours expected by now: the required minimum spread evenly from the start date to the planned end date. */
export function expectedByNow(summary, now = today()) {
  if (summary.requiredHours === null || summary.requiredHours === undefined) return null;
  const start = Date.parse(summary.startDate);
  const end = Date.parse(summary.plannedEndDate);
  const share = Math.min(1, Math.max(0, (now - start) / (end - start)));
  return Math.round(Number(summary.requiredHours) * share * 10) / 10;
}

// ------------------------------------------------------------------------------------------ cohort overview --
export async function overview(view, ctx) {
  const [apprentices, assessments] = await Promise.all([all('/api/v1/apprentices'), all('/api/v1/assessments')]);
  const awaiting = assessments.filter((a) => !a.gatewayDate && a.apprenticeId);
  const readiness = await mapLimited(awaiting, 4, (a) => tryGet(`/api/v1/assessments/${a.id}/gateway/readiness`));
  const ready = readiness.filter((r) => r && r.ready === true).length;
  const versions = [...new Set(apprentices.map((a) => a.standardVersion))].sort();
  const statuses = STATUS_ORDER.filter((s) => apprentices.some((a) => a.status === s))
    .concat([...new Set(apprentices.map((a) => a.status))].filter((s) => !STATUS_ORDER.includes(s)));
  const count = (v, s) => apprentices.filter((a) => a.standardVersion === v && a.status === s).length;
  view.innerHTML = `
    <h1 class="govuk-heading-l">Cohort overview</h1>
    <p class="govuk-body">Provider ${esc(ctx.claims.provider_ukprn || '')}: every apprentice you can see, by status and standard version.</p>
    ${figures([
      { id: 'total-apprentices', label: 'Apprentices', value: number(apprentices.length) },
      { id: 'active-apprentices', label: 'In learning (active)', value: number(apprentices.filter((a) => a.status === 'active').length) },
      { id: 'ready-for-gateway', label: 'Ready for gateway to completion', value: number(ready),
        hint: `of ${awaiting.length} registered for assessment and not yet through the gateway (readiness checked now)` },
      { id: 'gateway-passed', label: 'Through the gateway', value: number(assessments.filter((a) => a.gatewayDate).length) },
    ])}
    ${chartBlock('chart-status', 'Apprentices by status and standard version',
      statuses.map((s) => `${s} ${apprentices.filter((a) => a.status === s).length}`).join(', '),
      table({ id: 'table-status', caption: 'Apprentices by status and standard version', numeric: statuses.map((_, i) => i + 1).concat(statuses.length + 1),
        head: ['Standard version', ...statuses, 'Total'],
        rows: versions.map((v) => [v, ...statuses.map((s) => number(count(v, s))), number(apprentices.filter((a) => a.standardVersion === v).length)]) }))}
  `;
  drawChart('chart-status', barOption(versions, statuses.map((s) => ({ name: s, data: versions.map((v) => count(v, s)) })), { stack: true }));
}

// ------------------------------------------------------------------------------------------- KSB coverage --
export async function coverage(view, ctx) {
  const ukprn = ctx.claims.provider_ukprn;
  const page = Number(ctx.params.get('page') || 0);
  const versions = (await get('/api/v1/apprentices?size=1')).totalItems > 0
    ? [...new Set((await all('/api/v1/apprentices')).map((a) => a.standardVersion))].sort() : [];
  const version = ctx.params.get('version') || versions[0];
  if (!version) {
    view.innerHTML = '<h1 class="govuk-heading-l">KSB coverage</h1><p class="govuk-body">No apprentices yet.</p>';
    return;
  }
  const cohort = await get(`/api/v1/providers/${encodeURIComponent(ukprn)}/coverage?standardVersion=${encodeURIComponent(version)}&page=${page}&size=15`);
  const details = await mapLimited(cohort.items, 5, (i) => tryGet(`/api/v1/apprentices/${i.apprenticeId}/coverage`));
  const codes = cohort.cohort.ksbs.map((k) => k.code);
  const symbol = { covered: ['✓', 'covered'], 'in-progress': ['…', 'in progress'], gap: ['', 'gap'] };
  const rows = cohort.items.map((item, n) => {
    const d = details[n];
    const byCode = new Map((d?.ksbs || []).map((k) => [k.code, k.status]));
    return `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header dashboard-heat__name"><a class="govuk-link" href="#/apprentice/${esc(item.apprenticeId)}">${esc(item.givenName)} ${esc(item.familyName)}</a></th>
      <td class="govuk-table__cell govuk-table__cell--numeric" data-testid="heat-percent">${percent(item.percentageCovered)}</td>
      ${d?.error ? `<td class="govuk-table__cell" colspan="${codes.length}">Not available: ${esc(d.error.message)}</td>`
        : codes.map((c) => { const s = byCode.get(c) || 'gap'; return `<td class="govuk-table__cell dashboard-heat dashboard-heat--${s}" title="${esc(c)}: ${symbol[s][1]}"><span aria-hidden="true">${symbol[s][0]}</span><span class="govuk-visually-hidden">${esc(c)} ${symbol[s][1]}</span></td>`; }).join('')}</tr>`;
  }).join('');
  const pages = cohort.totalPages;
  const pageLink = (p, text) => `<a class="govuk-link" href="#/coverage?version=${encodeURIComponent(version)}&page=${p}">${text}</a>`;
  view.innerHTML = `
    <h1 class="govuk-heading-l">KSB coverage</h1>
    <p class="govuk-body">How far accepted evidence covers each knowledge, skill and behaviour (KSB) of ${esc(version)}. <span class="dashboard-key dashboard-heat--covered">✓ covered</span> accepted evidence; <span class="dashboard-key dashboard-heat--in-progress">… in progress</span> only draft, submitted or referred-back evidence; <span class="dashboard-key dashboard-heat--gap">blank</span> a gap.</p>
    ${figures([
      { id: 'coverage-apprentices', label: 'Apprentices on this version', value: number(cohort.cohort.apprentices) },
      { id: 'coverage-average', label: 'Average coverage', value: percent(cohort.cohort.averagePercentageCovered) },
      { id: 'coverage-total-ksbs', label: 'KSBs in the standard version', value: number(cohort.totalKsbs) },
    ])}
    <h2 class="govuk-heading-m">Apprentices × KSBs</h2>
    <div class="dashboard-scroll" tabindex="0" role="region" aria-label="Heat map of KSB coverage, scrolls sideways">
    <table class="govuk-table dashboard-heatmap" data-testid="heatmap">
      <caption class="govuk-table__caption govuk-table__caption--s">Coverage per apprentice and KSB, page ${page + 1} of ${Math.max(1, pages)}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Apprentice</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Covered</th>${codes.map((c) => `<th scope="col" class="govuk-table__header dashboard-heat__code">${esc(c)}</th>`).join('')}</tr></thead>
      <tbody class="govuk-table__body">${rows}</tbody>
    </table></div>
    <nav class="govuk-body" aria-label="Heat map pages">${page > 0 ? pageLink(page - 1, 'Previous page') : ''} ${page + 1 < pages ? pageLink(page + 1, 'Next page') : ''}</nav>
    ${chartBlock('chart-ksbs', 'Apprentices with each KSB covered', `${cohort.cohort.apprentices} apprentices; the least covered KSBs are the gaps of the cohort`,
      table({ id: 'table-ksbs', caption: 'Apprentices with accepted evidence for each KSB', numeric: [1], head: ['KSB', 'Apprentices covered'],
        rows: cohort.cohort.ksbs.map((k) => [k.code, number(k.apprenticesCovered)]) }))}
  `;
  drawChart('chart-ksbs', barOption(codes, [{ name: 'Apprentices covered', data: cohort.cohort.ksbs.map((k) => k.apprenticesCovered) }], { max: cohort.cohort.apprentices }));
}

// ----------------------------------------------------------------------------------------- off-the-job hours --
export async function hours(view, ctx) {
  // One paged call for the whole provider (100 apprentices a page), each item with the apprentice's own summary.
  const items = await all(`${providerPath(ctx)}/off-the-job-summaries?status=active,break-in-learning`, Infinity);
  const rows = items.map((i) => ({ a: apprenticeOf(i), s: i.summary })).map(({ a, s }) => {
    const expected = expectedByNow(s);
    const behind = expected !== null && Number(s.approvedHours) < expected;
    return { a, s, expected, behind };
  }).sort((x, y) => (y.behind - x.behind) || ((x.s.approvedHours - x.expected) - (y.s.approvedHours - y.expected)));
  const behind = rows.filter((r) => r.behind);
  view.innerHTML = `
    <h1 class="govuk-heading-l">Off-the-job hours</h1>
    <p class="govuk-body">Approved off-the-job training hours of apprentices in learning against the minimum the assessment plan requires for their start date (from each apprentice's off-the-job summary). <strong>Behind</strong> means fewer approved hours than the minimum spread evenly from the start date to the planned end date would give by today.</p>
    ${figures([
      { id: 'hours-apprentices', label: 'Apprentices in learning', value: number(rows.length) },
      { id: 'hours-behind', label: 'Behind', value: number(behind.length) },
    ])}
    ${chartBlock('chart-hours', 'Approved hours against hours expected by now, apprentices behind', `${behind.length} apprentices behind`,
      table({ id: 'table-hours', caption: 'Off-the-job hours per apprentice (behind first)', numeric: [1, 2, 3, 4],
        head: ['Apprentice', 'Approved hours', 'Pending hours', 'Expected by now', 'Required minimum', 'Position'],
        rows: rows.map(({ a, s, expected, behind: b }) => [link(a), number(s.approvedHours, 1), number(s.pendingHours, 1), number(expected, 1), number(s.requiredHours, 1),
            { html: s.requiredHours === null ? esc(s.requirementUnavailable || 'No minimum') : b ? tag('Behind', 'red') : tag('On track', 'green') }]) }))}
  `;
  const top = behind.slice(0, 20);
  drawChart('chart-hours', barOption(top.map((r) => name(r.a)), [
    { name: 'Approved', data: top.map((r) => Number(r.s.approvedHours)), itemStyle: { color: '#1d70b8' } },
    { name: 'Expected by now', data: top.map((r) => r.expected), itemStyle: { color: '#b1b4b6' } },
  ], { horizontal: true }));
}

// ------------------------------------------------------------------------------------ evidence awaiting review --
export async function evidence(view, ctx) {
  // Submitted evidence of apprentices in learning (the only evidence a tutor can review), oldest first, paged.
  const items = (await all(`${providerPath(ctx)}/evidence?status=submitted&apprenticeStatus=active,break-in-learning`, Infinity))
    .map((e) => ({ a: apprenticeOf(e), e }));
  view.innerHTML = `
    <h1 class="govuk-heading-l">Evidence awaiting review</h1>
    <p class="govuk-body">Submitted evidence waiting for a tutor to accept it or refer it back, oldest first.</p>
    ${figures([{ id: 'evidence-awaiting', label: 'Items awaiting review', value: number(items.length) },
      { id: 'evidence-apprentices', label: 'Apprentices with items waiting', value: number(new Set(items.map((i) => i.a.id)).size) }])}
    ${table({ id: 'table-evidence', caption: 'Submitted evidence', head: ['Apprentice', 'Evidence', 'KSBs', 'Submitted', 'Employer confirmation'],
      rows: items.map(({ a, e }) => [link(a), e.title, (e.ksbCodes || []).join(', '), date(e.updatedAt),
        e.employerConfirmationRequired ? (e.employerConfirmation ? 'Confirmed' : 'Waiting for the employer') : 'Not needed']) })}
  `;
}

// -------------------------------------------------------------------------------------------- gateway readiness --
const READY_TAG = { passed: ['Met', 'green'], failed: ['Not met', 'red'], waived: ['Waived', 'blue'], 'not-applicable': ['Not applicable', 'grey'] };

function detailText(details) {
  if (!details) return '';
  return Object.entries(details).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length > 12))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') || 'none' : typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ');
}

export async function readiness(view) {
  const [assessments, apprentices] = await Promise.all([all('/api/v1/assessments'), all('/api/v1/apprentices')]);
  const byId = new Map(apprentices.map((a) => [a.id, a]));
  const awaiting = assessments.filter((a) => !a.gatewayDate && a.apprenticeId);
  const checks = await mapLimited(awaiting, 4, (a) => tryGet(`/api/v1/assessments/${a.id}/gateway/readiness`));
  const ready = checks.filter((c) => c.ready === true).length;
  view.innerHTML = `
    <h1 class="govuk-heading-l">Gateway to completion readiness</h1>
    <p class="govuk-body">Apprentices registered for assessment who have not yet passed the gateway to completion, with each requirement of the assessment plan as the platform checks it now.</p>
    ${figures([{ id: 'readiness-awaiting', label: 'Awaiting the gateway', value: number(awaiting.length) },
      { id: 'readiness-ready', label: 'Ready now', value: number(ready) }])}
    ${awaiting.map((a, i) => {
      const c = checks[i];
      const who = byId.get(a.apprenticeId);
      const title = who ? name(who) : `${a.familyName} (ULN ${a.uln})`;
      if (c.error) return `<h2 class="govuk-heading-m">${esc(title)}</h2><p class="govuk-body">Readiness not available: ${esc(c.error.message)}</p>`;
      return `<section class="dashboard-readiness" aria-labelledby="r-${esc(a.id)}" data-testid="readiness-${esc(a.id)}">
        <h2 class="govuk-heading-m" id="r-${esc(a.id)}">${esc(title)} ${c.ready ? tag('Ready', 'green') : tag('Not ready', 'red')}</h2>
        ${table({ caption: `Gateway requirements for ${title}`, head: ['Requirement', 'Status', 'Why'],
          rows: c.items.map((it) => [{ html: `${esc(it.description || it.requirement || it.item)}<br><span class="govuk-hint">${esc(it.item)}</span>` },
            { html: tag(...(READY_TAG[it.status] || [it.status, 'grey'])) },
            { html: `${esc(it.reason || '')}${it.details ? `<br><span class="govuk-body-s">${esc(detailText(it.details))}</span>` : ''}` }]) })}
      </section>`;
    }).join('')}
  `;
}

// ---------------------------------------------------------------------------------- EPA outcomes, certificates --
function quarterOf(day) {
  const d = new Date(day);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export async function outcomes(view, ctx) {
  const to = new Date().toISOString().slice(0, 10);
  const fromDate = new Date();
  fromDate.setUTCFullYear(fromDate.getUTCFullYear() - 3);
  const from = fromDate.toISOString().slice(0, 10);
  const ukprn = ctx.claims.provider_ukprn ? `&providerUkprn=${encodeURIComponent(ctx.claims.provider_ukprn)}` : '';
  const [stats, certificates] = await Promise.all([
    all(`/api/v1/reports/cohort-statistics?from=${from}&to=${to}&groupBy=period&period=quarter${ukprn}`),
    all('/api/v1/certificates'),
  ]);
  const periods = stats.map((s) => s.period);
  const certStatuses = [...new Set(certificates.map((c) => c.status))].sort();
  const certPeriods = [...new Set(certificates.map((c) => quarterOf(c.learningDetails.achievementDate)))].sort();
  const certCount = (p, s) => certificates.filter((c) => c.status === s && quarterOf(c.learningDetails.achievementDate) === p).length;
  const assessed = stats.reduce((n, s) => n + s.assessed, 0);
  view.innerHTML = `
    <h1 class="govuk-heading-l">Assessment outcomes and certificates</h1>
    <p class="govuk-body">Completed apprenticeship assessments per quarter of the last graded attempt (the platform's cohort statistics, ${esc(from)} to ${esc(to)}), and certificates by quarter of achievement and status. Rates are of all assessed.</p>
    ${figures([{ id: 'outcomes-assessed', label: 'Assessed', value: number(assessed) },
      { id: 'outcomes-certificates', label: 'Certificates', value: number(certificates.length) }])}
    ${chartBlock('chart-outcomes', 'Grades per quarter', stats.map((s) => `${s.period}: ${s.assessed} assessed, pass rate ${percent(s.passRate * 100)}`).join('; ') || 'no assessments',
      table({ id: 'table-outcomes', caption: 'Assessment outcomes per quarter', numeric: [1, 2, 3, 4, 5, 6, 7, 8],
        head: ['Quarter', 'Assessed', 'Pass', 'Merit', 'Distinction', 'Fail', 'Pass rate', 'Distinction rate', 'Fail rate'],
        rows: stats.map((s) => [s.period, number(s.assessed), number(s.pass), number(s.merit), number(s.distinction), number(s.fail),
          percent(s.passRate * 100), percent(s.distinctionRate * 100), percent(s.failRate * 100)]) }))}
    ${chartBlock('chart-certificates', 'Certificates per quarter of achievement', `${certificates.length} certificates`,
      table({ id: 'table-certificates', caption: 'Certificates by quarter of achievement and status', numeric: certStatuses.map((_, i) => i + 1),
        head: ['Quarter', ...certStatuses], rows: certPeriods.map((p) => [p, ...certStatuses.map((s) => number(certCount(p, s)))]) }))}
  `;
  drawChart('chart-outcomes', barOption(periods, [
    { name: 'Distinction', data: stats.map((s) => s.distinction), itemStyle: { color: '#00703c' } },
    { name: 'Merit', data: stats.map((s) => s.merit), itemStyle: { color: '#4c2c92' } },
    { name: 'Pass', data: stats.map((s) => s.pass), itemStyle: { color: '#1d70b8' } },
    { name: 'Fail', data: stats.map((s) => s.fail), itemStyle: { color: '#d4351c' } },
  ], { stack: true }));
  drawChart('chart-certificates', barOption(certPeriods, certStatuses.map((s) => ({ name: s, data: certPeriods.map((p) => certCount(p, s)) })), { stack: true }));
}

// -------------------------------------------------------------------------------- one apprentice, own records --
async function apprenticeSection(a, { heading = 'h2' } = {}) {
  const [cov, otj] = await Promise.all([tryGet(`/api/v1/apprentices/${a.id}/coverage`), tryGet(`/api/v1/apprentices/${a.id}/off-the-job/summary`)]);
  const id = a.id;
  let html = `<${heading} class="govuk-heading-${heading === 'h1' ? 'l' : 'm'}">${esc(name(a))}</${heading}>
    <p class="govuk-body">${esc(a.standardVersion)}, started ${date(a.startDate)}, planned end ${date(a.plannedEndDate)}, provider ${esc(a.providerUkprn)}, status ${esc(a.status)}.</p>`;
  const after = [];
  if (cov.error) {
    html += `<p class="govuk-body">Coverage not available: ${esc(cov.error.message)}</p>`;
  } else {
    html += figures([
      { id: `me-covered-${id}`, label: 'KSBs covered', value: `${cov.coveredKsbs} of ${cov.totalKsbs}`, hint: `${percent(cov.percentageCovered)}; ${cov.inProgressKsbs} in progress` },
    ]);
    const counts = { covered: cov.coveredKsbs, 'in progress': cov.inProgressKsbs, gap: cov.totalKsbs - cov.coveredKsbs - cov.inProgressKsbs };
    html += chartBlock(`chart-cov-${id}`, 'KSB coverage', Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', '),
      table({ id: `table-cov-${id}`, caption: 'Each KSB and its evidence', numeric: [2, 3], head: ['KSB', 'Status', 'Accepted items', 'Items in progress'],
        rows: cov.ksbs.map((k) => [k.code, k.status, number(k.acceptedEvidenceCount), number(k.inProgressEvidenceCount)]) }));
    const colours = { covered: '#00703c', 'in progress': '#ffdd00', gap: '#b1b4b6' };
    after.push(() => drawChart(`chart-cov-${id}`, { tooltip: {}, legend: { top: 0 }, series: [{ type: 'pie', radius: ['40%', '70%'], top: 30,
      label: { formatter: '{b}: {c}' },
      data: Object.entries(counts).filter(([, v]) => v > 0).map(([k, v]) => ({ name: k, value: v, itemStyle: { color: colours[k] } })) }] }));
  }
  if (otj.error) {
    html += `<p class="govuk-body">Off-the-job hours not available: ${esc(otj.error.message)}</p>`;
  } else {
    const expected = expectedByNow(otj);
    html += `<h3 class="govuk-heading-s">Off-the-job hours</h3>` + figures([
      { id: `me-approved-${id}`, label: 'Approved hours', value: number(otj.approvedHours, 1) },
      { id: `me-pending-${id}`, label: 'Waiting for approval', value: number(otj.pendingHours, 1) },
      { id: `me-required-${id}`, label: 'Required minimum', value: number(otj.requiredHours, 1), hint: otj.requirementUnavailable || `expected by now: ${number(expected, 1)}` },
    ]);
  }
  return { html, after };
}

export async function me(view) {
  const mine = await all('/api/v1/apprentices');
  if (mine.length === 0) {
    view.innerHTML = '<h1 class="govuk-heading-l">My apprenticeship</h1><p class="govuk-body">No apprenticeship record carries your unique learner number yet.</p>';
    return;
  }
  const sections = await Promise.all(mine.map((a) => apprenticeSection(a)));
  view.innerHTML = `<h1 class="govuk-heading-l">My apprenticeship</h1>${sections.map((s) => s.html).join('')}`;
  sections.forEach((s) => s.after.forEach((f) => f()));
}

export async function apprentice(view, ctx) {
  const a = await get(`/api/v1/apprentices/${encodeURIComponent(ctx.id)}`);
  const s = await apprenticeSection(a, { heading: 'h1' });
  view.innerHTML = s.html;
  s.after.forEach((f) => f());
}

export async function employer(view) {
  const apprentices = await all('/api/v1/apprentices');
  const data = await mapLimited(apprentices, 6, async (a) => ({
    cov: await tryGet(`/api/v1/apprentices/${a.id}/coverage`),
    otj: await tryGet(`/api/v1/apprentices/${a.id}/off-the-job/summary`),
  }));
  view.innerHTML = `
    <h1 class="govuk-heading-l">Your apprentices</h1>
    ${figures([{ id: 'employer-apprentices', label: 'Apprentices', value: number(apprentices.length) }])}
    ${table({ id: 'table-employer', caption: 'Your apprentices, their KSB coverage and off-the-job hours', numeric: [3, 4, 5],
      head: ['Apprentice', 'Provider', 'Status', 'KSBs covered', 'Approved hours', 'Required minimum'],
      rows: apprentices.map((a, i) => [link(a), a.providerUkprn, a.status,
        data[i].cov.error ? '–' : percent(data[i].cov.percentageCovered),
        data[i].otj.error ? '–' : number(data[i].otj.approvedHours, 1),
        data[i].otj.error ? '–' : number(data[i].otj.requiredHours, 1)]) })}
  `;
}
