// The signed-in session: tokens in localStorage (survive a reload), observable by React.
export interface Tokens {
  access_token: string;
  refresh_token: string;
}

const ACCESS = "invoiceme.access";
const REFRESH = "invoiceme.refresh";
type Listener = () => void;
const listeners = new Set<Listener>();
const EXPIRED = "invoiceme.expired"; // sessionStorage: the notice survives a reload of the log-in page

function notify(): void {
  for (const listener of listeners) listener();
}

export const session = {
  get access(): string | null {
    return localStorage.getItem(ACCESS);
  },
  get refresh(): string | null {
    return localStorage.getItem(REFRESH);
  },
  get signedIn(): boolean {
    return Boolean(localStorage.getItem(ACCESS));
  },
  /** True once after a session ended on its own (refresh refused): the log-in page says so. */
  get expired(): boolean {
    return sessionStorage.getItem(EXPIRED) === "1";
  },
  save(tokens: Tokens): void {
    localStorage.setItem(ACCESS, tokens.access_token);
    localStorage.setItem(REFRESH, tokens.refresh_token);
    sessionStorage.removeItem(EXPIRED);
    notify();
  },
  clear(reason: "logout" | "expired" = "logout"): void {
    localStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
    if (reason === "expired") sessionStorage.setItem(EXPIRED, "1");
    else sessionStorage.removeItem(EXPIRED);
    notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
