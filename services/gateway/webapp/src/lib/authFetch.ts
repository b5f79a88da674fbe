// fetch with the access token, and one refresh for everyone when it has expired: concurrent requests
// that meet a 401 wait for the same refresh (single flight) and are then retried once each.
import { API_URL } from "./config";
import { session, type Tokens } from "./session";

let refreshing: Promise<boolean> | null = null;

async function refreshTokens(): Promise<boolean> {
  const refreshToken = session.refresh;
  if (!refreshToken) return false;
  try {
    const response = await fetch(`${API_URL || location.origin}/api/auth/refresh`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
    if (!response.ok) return false;
    session.save((await response.json()) as Tokens);
    return true;
  } catch {
    return false;
  }
}

/** Starts a refresh, or joins the one under way. */
export function refreshOnce(): Promise<boolean> {
  refreshing ??= refreshTokens().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withToken(request: Request, token: string | null): Request {
  const headers = new Headers(request.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return new Request(request, { headers });
}

export async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const original = new Request(input, init);
  const spare = original.clone(); // a body can be read once; the retry needs its own
  const sentWith = session.access;
  const response = await fetch(withToken(original, sentWith));
  if (response.status !== 401 || new URL(original.url).pathname.startsWith("/api/auth/")) return response;
  // Another request may already have refreshed while this one was in flight.
  const fresh = session.access !== sentWith && session.access !== null;
  if (!fresh && !(await refreshOnce())) {
    if (session.signedIn) session.clear("expired");
    return response;
  }
  return fetch(withToken(spare, session.access));
}
