import { locate, type Word } from "./locate";

const word = (text: string, left: number, line: number): Word => ({ text, left, top: line * 40, width: text.length * 10, height: 20, line });

describe("locate", () => {
  const words = [word("Total", 10, 0), word("due", 70, 0), word("1,534.00", 300, 0), word("VAT", 10, 1), word("234.00", 300, 1)];

  it("boxes the words that spell the value, on one line", () => {
    expect(locate(words, "1,534.00")).toEqual([300, 0, 80, 20]);
    expect(locate(words, "Total due")).toEqual([10, 0, 90, 20]);
  });
  it("never joins words across lines, and says when nothing matches", () => {
    expect(locate(words, "1,534.00 VAT")).toBeNull();
    expect(locate(words, "999")).toBeNull();
    expect(locate([], "1")).toBeNull();
  });
});
