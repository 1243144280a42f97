// Every call goes to the gateway's public API with the signed-in user's token; what the user may see is what the
// API answers for that token (tenancy is the API's, not the dashboard's).
import { accessToken, SessionExpired } from './auth.js';

/** An API refusal, with the RFC 9457 problem the API sent (or what could be told without one). */
export class ApiProblem extends Error {
  constructor(status, problem, path) {
    super(problem?.detail || problem?.title || `The API answered ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.path = path;
  }
}

export async function get(path) {
  const token = await accessToken();
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  } catch (e) {
    throw new ApiProblem(0, { title: 'The platform cannot be reached', detail: String(e.message || e) }, path);
  }
  if (response.status === 401) {
    throw new SessionExpired('Your session has expired or was ended. Please sign in again.');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiProblem(response.status, body, path);
  return body;
}

/** Every item of a paged list (size 100 a page). */
export async function all(path, limit = 10_000) {
  const sep = path.includes('?') ? '&' : '?';
  const items = [];
  for (let page = 0; ; page++) {
    const body = await get(`${path}${sep}page=${page}&size=100`);
    items.push(...body.items);
    if (page + 1 >= body.totalPages || items.length >= limit) return items;
  }
}

/** Runs fn over items with at most `width` calls in flight, keeping the order. */
export async function mapLimited(items, width, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Like get, but a refusal becomes {error} so that one apprentice's problem does not blank a whole view. */
export async function tryGet(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof SessionExpired) throw e;
    return { error: e };
  }
}
