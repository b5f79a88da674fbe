// One event stream per signed-in session: every status change refreshes the queries it affects and is
// handed to screens that follow single invoices (the upload list).
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { noteChange } from "../../lib/catchUp";
import { followEvents } from "../../lib/sse";

export interface StatusChange {
  id: number;
  invoice_id: string;
  status: string;
  error: string | null;
  at: string;
}

type Listener = (change: StatusChange) => void;
const LiveContext = createContext<Set<Listener> | null>(null);

export function LiveEvents({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  useEffect(() => {
    const controller = new AbortController();
    const refreshLists = () => {
      for (const key of ["invoices", "businesses", "analytics", "inbox", "insights"]) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
    };
    void followEvents(
      (message) => {
        if (message.event !== "status") return;
        const change = JSON.parse(message.data) as StatusChange;
        noteChange();
        for (const listener of listeners.current) listener(change);
        void queryClient.invalidateQueries({ queryKey: ["invoice", change.invoice_id] });
        refreshLists();
      },
      controller.signal,
      // The stream is live from now on: re-read everything, so nothing that changed before is missed.
      () => {
        void queryClient.invalidateQueries({ queryKey: ["invoice"] });
        refreshLists();
      },
    );
    return () => controller.abort();
  }, [queryClient]);
  return <LiveContext.Provider value={listeners.current}>{children}</LiveContext.Provider>;
}

/** Calls `listener` with every status change while the component is shown. */
export function useStatusChanges(listener: Listener): void {
  const listeners = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (!listeners) return undefined;
    const call: Listener = (change) => latest.current(change);
    listeners.add(call);
    return () => {
      listeners.delete(call);
    };
  }, [listeners]);
}
