// Server-Sent Events over fetch, so the stream authenticates with an Authorization header (EventSource
// can only put a token in the URL, where logs and history keep it).
import { authFetch } from "./authFetch";
import { API_URL } from "./config";

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

/** Feeds text chunks; returns the complete messages and keeps the unfinished rest. */
export class SseParser {
  private buffer = "";

  push(chunk: string): SseMessage[] {
    this.buffer += chunk.replace(/\r\n?/g, "\n");
    const messages: SseMessage[] = [];
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const message: SseMessage = { id: null, event: "message", data: "" };
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "data") data.push(value);
        else if (field === "id") message.id = value;
        else if (field === "event") message.event = value;
      }
      if (data.length) messages.push({ ...message, data: data.join("\n") });
    }
    return messages;
  }
}

/** Reads /api/events until `signal` aborts, reconnecting (resuming after the last id) when it drops.
 * `onOpen` runs each time the stream is live: what changed before that (while connecting, or before
 * the first event gave a resume id) is not replayed, so the caller re-reads its state then. */
export async function followEvents(
  onMessage: (message: SseMessage) => void,
  signal: AbortSignal,
  onOpen: () => void = () => undefined,
): Promise<void> {
  let lastId: string | null = null;
  let pause = 1000;
  while (!signal.aborted) {
    try {
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (lastId) headers["Last-Event-ID"] = lastId;
      const response = await authFetch(`${API_URL}/api/events`, { headers, signal });
      if (response.status === 401) return; // the session ended; the app shows the log-in page
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      pause = 1000;
      onOpen();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parser.push(value)) {
          if (message.id) lastId = message.id;
          onMessage(message);
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 15000);
  }
}
