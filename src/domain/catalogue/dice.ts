/**
 * Sørensen–Dice coefficient over character bigrams: 2·|A ∩ B| / (|A| + |B|), where A and B are the multisets of
 * adjacent character pairs. Bigrams suit Chinese names, whose meaning sits in two-character words (入园, 覆盖); a
 * shared bigram is counted as often as it occurs in both. Equal strings score 1; a string too short for a bigram
 * scores 0 against any other.
 *
 * @example diceSimilarity('高中阶段毛入学率', '高中阶段教育毛入学率') // 0.75: 6 shared bigrams of 7 + 9
 */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const unmatched = new Map<string, number>();
  for (const pair of left) unmatched.set(pair, (unmatched.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of right) {
    const count = unmatched.get(pair) ?? 0;
    if (count > 0) {
      shared += 1;
      unmatched.set(pair, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

function bigrams(text: string): string[] {
  const chars = Array.from(text); // by code point, so a character outside the BMP is one character
  return chars.slice(1).map((char, index) => `${chars[index] ?? ''}${char}`);
}
