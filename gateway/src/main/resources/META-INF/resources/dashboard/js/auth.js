// Sign-in with Keycloak: authorization code flow with PKCE (S256) on the public client, tokens kept in this tab's
// sessionStorage only, refreshed before they expire, and logout through the realm's end-session endpoint.

const STORE = 'st1398.dashboard.tokens';
const PENDING = 'st1398.dashboard.pending';
let config;
let tokens = null;
let refreshing = null;

export class SessionExpired extends Error {}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(length = 48) {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

export function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

function endpoint(name) {
  return `${config.realmUrl}/protocol/openid-connect/${name}`;
}

export function claims(token = tokens?.access_token) {
  if (!token) return {};
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(part))));
}

function store(answer) {
  const now = Date.now();
  tokens = {
    access_token: answer.access_token,
    refresh_token: answer.refresh_token,
    id_token: answer.id_token || tokens?.id_token,
    expires_at: now + (answer.expires_in || 60) * 1000,
    refresh_expires_at: answer.refresh_expires_in ? now + answer.refresh_expires_in * 1000 : null,
  };
  sessionStorage.setItem(STORE, JSON.stringify(tokens));
}

async function tokenRequest(form) {
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new SessionExpired(body.error_description || body.error || `The sign-in service answered ${response.status}`);
  }
  return body;
}

/** Starts the sign-in: to Keycloak's login page, coming back to this page with a code. */
export async function login(returnTo = location.hash || '#/') {
  const verifier = randomString(64);
  const state = randomString(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${endpoint('auth')}?${query}`);
}

/**
 * Sets the module up: reads /dashboard/config.json, finishes a sign-in coming back from Keycloak (code and state in
 * the query), or restores this tab's session. Returns whether a user is signed in.
 */
export async function init() {
  config = await fetch('config.json').then((r) => {
    if (!r.ok) throw new Error(`The dashboard's configuration could not be loaded (${r.status}).`);
    return r.json();
  });
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', redirectUri() + (pending?.returnTo || '#/'));
    if (params.has('error')) {
      throw new SessionExpired(params.get('error_description') || params.get('error'));
    }
    if (!pending || pending.state !== params.get('state')) {
      throw new SessionExpired('The sign-in could not be completed (its state did not match). Please sign in again.');
    }
    store(await tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }));
    return true;
  }
  tokens = JSON.parse(sessionStorage.getItem(STORE) || 'null');
  return tokens !== null;
}

/** A valid access token: refreshed (once, shared by concurrent callers) when it has less than 30 seconds left. */
export async function accessToken() {
  if (!tokens) throw new SessionExpired('You are not signed in.');
  if (Date.now() < tokens.expires_at - 30_000) return tokens.access_token;
  if (!refreshing) {
    refreshing = tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
      .then(store)
      .catch((e) => {
        forget();
        throw new SessionExpired(`Your session has expired (${e.message}). Please sign in again.`);
      })
      .finally(() => { refreshing = null; });
  }
  await refreshing;
  return tokens.access_token;
}

export function expiresAt() {
  return tokens?.expires_at;
}

export function forget() {
  tokens = null;
  sessionStorage.removeItem(STORE);
}

/** Signs out at Keycloak too (end-session endpoint), then comes back to the dashboard. */
export function logout() {
  const idToken = tokens?.id_token;
  forget();
  const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) query.set('id_token_hint', idToken);
  location.assign(`${endpoint('logout')}?${query}`);
}
