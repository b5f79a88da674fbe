// Where on the page a field's value was read: the same search the extractor uses when it has word
// boxes (services/extractor evidence.locate) — the shortest run of words on one line spelling the text.
export interface Word {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  line: number;
}

export type Box = [number, number, number, number]; // left, top, width, height

function squash(text: string): string {
  return text.replace(/\s+/g, "").toLowerCase();
}

export function locate(words: Word[], raw: string): Box | null {
  const target = squash(raw);
  if (!target || !words.length) return null;
  for (let start = 0; start < words.length; start += 1) {
    const first = words[start];
    let joined = "";
    for (let end = start; end < Math.min(start + 8, words.length); end += 1) {
      const word = words[end];
      if (word.line !== first.line) break;
      joined += squash(word.text);
      if (joined.includes(target)) {
        const run = words.slice(start, end + 1);
        const left = Math.min(...run.map((w) => w.left));
        const top = Math.min(...run.map((w) => w.top));
        const right = Math.max(...run.map((w) => w.left + w.width));
        const bottom = Math.max(...run.map((w) => w.top + w.height));
        return [left, top, right - left, bottom - top];
      }
      if (!target.startsWith(joined)) break;
    }
  }
  return null;
}
