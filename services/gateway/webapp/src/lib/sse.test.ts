import { SseParser } from "./sse";

describe("SseParser", () => {
  it("joins messages split across chunks and skips comments", () => {
    const parser = new SseParser();
    expect(parser.push("retry: 3000\n\n: keep-alive\n\nid: 4")).toEqual([]);
    const messages = parser.push('2\nevent: status\ndata: {"status":"extracted"}\n\nid: 43\r\ndata: a\r\ndata: b\r\n\r\n');
    expect(messages).toEqual([
      { id: "42", event: "status", data: '{"status":"extracted"}' },
      { id: "43", event: "message", data: "a\nb" },
    ]);
  });
});
