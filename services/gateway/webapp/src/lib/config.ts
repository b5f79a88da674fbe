// The gateway's address, fixed at build time. Empty: the app is served by the gateway itself.
export const API_URL: string = (import.meta.env.VITE_API_URL ?? "").replace(/\/$/, "");
