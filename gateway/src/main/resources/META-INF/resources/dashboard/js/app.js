// The dashboard: signs the user in, picks the views their role has, and shows each view or, plainly, what went wrong.
import * as auth from './auth.js';
import { ApiProblem } from './api.js';
import { esc } from './ui.js';
import * as views from './views.js';

const PROVIDER_VIEWS = [
  ['overview', 'Cohort overview', views.overview],
  ['coverage', 'KSB coverage', views.coverage],
  ['hours', 'Off-the-job hours', views.hours],
  ['evidence', 'Evidence awaiting review', views.evidence],
  ['readiness', 'Gateway readiness', views.readiness],
  ['outcomes', 'Outcomes and certificates', views.outcomes],
];
const APPRENTICE_VIEWS = [['me', 'My apprenticeship', views.me]];
const EMPLOYER_VIEWS = [['employer', 'Your apprentices', views.employer]];

const viewEl = () => document.getElementById('view');
let available = [];
let claims = {};

function rolesOf(c) {
  return c.realm_access?.roles || [];
}

function viewsFor(c) {
  const roles = rolesOf(c);
  if (roles.includes('tutor') || roles.includes('lms-integration')) return PROVIDER_VIEWS;
  if (roles.includes('employer')) return EMPLOYER_VIEWS;
  if (roles.includes('apprentice')) return APPRENTICE_VIEWS;
  return [];
}

function renderNav(current) {
  const nav = document.getElementById('service-nav');
  nav.hidden = available.length === 0;
  document.getElementById('nav-list').innerHTML = available.map(([key, label]) =>
    `<li class="govuk-service-navigation__item${key === current ? ' govuk-service-navigation__item--active' : ''}">
      <a class="govuk-service-navigation__link" href="#/${key}" data-view="${key}"${key === current ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`).join('');
}

function renderSession() {
  const who = claims.name || claims.preferred_username || '';
  document.getElementById('session').innerHTML = who
    ? `<p class="govuk-body-s govuk-!-margin-top-2">Signed in as <strong>${esc(who)}</strong> (${esc(rolesOf(claims).filter((r) => !r.startsWith('default-') && r !== 'offline_access' && r !== 'uma_authorization').join(', '))}).
       <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" id="logout">Sign out</button></p>`
    : '';
  document.getElementById('logout')?.addEventListener('click', () => auth.logout());
}

/** What went wrong, in words, and what the user can do about it. Never a blank page. */
export function problemPanel(error) {
  let title = 'Something went wrong';
  let body = esc(error.message || String(error));
  let action = '<p class="govuk-body"><a class="govuk-link" href="">Reload the page</a></p>';
  if (error instanceof auth.SessionExpired) {
    title = 'Your session has ended';
    body = esc(error.message);
    action = '<button type="button" class="govuk-button" id="sign-in-again">Sign in again</button>';
  } else if (error instanceof ApiProblem) {
    const p = error.problem;
    const detail = esc(p.detail || p.title || '');
    const ref = p.requestId || p.instance ? `<p class="govuk-body-s">Reference: ${esc(p.requestId || p.instance)}</p>` : '';
    if (error.status === 403) {
      title = 'You do not have access to this';
      body = `The platform refused this request for your account (403). ${detail}`;
    } else if (error.status === 404 || error.status === 410) {
      title = 'Not found';
      body = `There is no such record, or it is not one you may see (${error.status}). ${detail}`;
    } else if (error.status === 503 || error.status === 502 || error.status === 504) {
      title = 'A service is unavailable';
      body = `Part of the platform is not answering at the moment (${error.status}${p.downstream ? `, ${esc(p.downstream)}` : ''}), so these figures cannot be shown. Try again in a few minutes. ${detail}`;
    } else if (error.status === 0) {
      title = 'The platform cannot be reached';
      body = `${detail} Check your connection and try again.`;
    } else if (error.status === 429) {
      title = 'Too many requests';
      body = `The platform asks you to slow down (429). Try again in a minute. ${detail}`;
    } else {
      body = `The platform answered ${error.status}. ${detail}`;
    }
    body += ref;
  }
  return `<div class="govuk-error-summary" data-module="govuk-error-summary" data-testid="problem" data-status="${esc(error.status ?? '')}">
    <div role="alert"><h2 class="govuk-error-summary__title" tabindex="-1">${esc(title)}</h2>
    <div class="govuk-error-summary__body"><p class="govuk-body">${body}</p></div></div></div>${action}`;
}

function showProblem(error) {
  const view = viewEl();
  view.innerHTML = problemPanel(error);
  view.setAttribute('aria-busy', 'false');
  view.querySelector('.govuk-error-summary__title')?.focus();
  document.getElementById('sign-in-again')?.addEventListener('click', () => auth.login());
}

async function route() {
  // In-page links (the skip link's #main-content) are not views.
  if (location.hash && !location.hash.startsWith('#/')) return;
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const [key, id] = path.split('/');
  const view = viewEl();
  let found = available.find(([k]) => k === key);
  let render = found?.[2];
  let title = found?.[1];
  if (key === 'apprentice' && id) {
    render = views.apprentice;
    title = 'Apprentice';
  } else if (!found) {
    if (available.length === 0) {
      view.innerHTML = `<h1 class="govuk-heading-l">No dashboard for your role</h1><p class="govuk-body">This dashboard has views for providers' tutors, apprentices and employers. Your account has the roles: ${esc(rolesOf(claims).join(', ') || 'none')}.</p>`;
      view.setAttribute('aria-busy', 'false');
      return;
    }
    location.replace(`#/${available[0][0]}`);
    return;
  }
  renderNav(found ? key : null);
  document.title = `${title} – Apprenticeship dashboard`;
  view.setAttribute('aria-busy', 'true');
  view.innerHTML = `<p class="govuk-body">Loading ${esc(title.toLowerCase())}…</p>`;
  try {
    await render(view, { claims: auth.claims(), params, id });
    view.setAttribute('aria-busy', 'false');
    view.dataset.loaded = key;
    document.getElementById('main-content').focus({ preventScroll: true });
  } catch (e) {
    console.error(e);
    showProblem(e);
    view.dataset.loaded = `${key}:problem`;
  }
}

async function start() {
  try {
    const signedIn = await auth.init();
    if (!signedIn) {
      await auth.login();
      return;
    }
    await auth.accessToken();
    claims = auth.claims();
    available = viewsFor(claims);
    renderSession();
    window.addEventListener('hashchange', route);
    await route();
  } catch (e) {
    console.error(e);
    showProblem(e);
  }
}

start();
