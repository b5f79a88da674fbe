import { authFetch } from "./authFetch";
import { session } from "./session";

// A small fake gateway: tokens "old" (expired) and "new"; counts refreshes.
function fakeGateway() {
  const calls = { refresh: 0, data: [] as string[] };
  const handler = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    if (path === "/api/auth/refresh") {
      calls.refresh += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const body = (await request.json()) as { refresh_token: string };
      if (body.refresh_token !== "r1") return new Response("{}", { status: 401 });
      return Response.json({ access_token: "new", refresh_token: "r2" });
    }
    const token = request.headers.get("Authorization");
    calls.data.push(`${token} ${request.method} ${await request.text()}`);
    return token === "Bearer new" ? Response.json({ ok: true }) : new Response("{}", { status: 401 });
  };
  return { calls, handler };
}

describe("authFetch", () => {
  beforeEach(() => (localStorage.clear(), sessionStorage.clear()));

  it("refreshes once for concurrent requests and retries each with its body", async () => {
    const { calls, handler } = fakeGateway();
    vi.stubGlobal("fetch", vi.fn(handler));
    session.save({ access_token: "old", refresh_token: "r1" });
    const results = await Promise.all([
      authFetch("http://x/api/invoices"),
      authFetch("http://x/api/me", { method: "PATCH", body: '{"full_name":"A"}' }),
      authFetch("http://x/api/businesses"),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(calls.refresh).toBe(1);
    expect(calls.data.filter((line) => line.startsWith("Bearer new"))).toContain('Bearer new PATCH {"full_name":"A"}');
    expect(session.access).toBe("new");
    expect(session.refresh).toBe("r2");
  });

  it("ends the session with a notice when the refresh is refused", async () => {
    const { calls, handler } = fakeGateway();
    vi.stubGlobal("fetch", vi.fn(handler));
    session.save({ access_token: "old", refresh_token: "revoked" });
    const response = await authFetch("http://x/api/invoices");
    expect(response.status).toBe(401);
    expect(calls.refresh).toBe(1);
    expect(session.signedIn).toBe(false);
    expect(session.expired).toBe(true);
  });
});
