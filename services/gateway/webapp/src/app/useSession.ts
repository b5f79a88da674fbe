import { useSyncExternalStore } from "react";
import { session } from "../lib/session";

export function useSignedIn(): boolean {
  return useSyncExternalStore(session.subscribe, () => session.signedIn);
}
