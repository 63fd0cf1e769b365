const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numeral characters, for use inside regular expressions. */
export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千]';

/**
 * Reads a Chinese numeral up to 9999, e.g. "十二" → 12, "二十" → 20, "一百零五" → 105; null when it is not one.
 * Plain digit runs such as "二〇二五" read digit by digit (2025).
 */
export function chineseNumber(text: string): number | null {
  if (text === '' || !new RegExp(`^${CHINESE_NUMERAL}+$`).test(text)) return null;
  if (!/[十百千]/.test(text)) {
    return Number(
      Array.from(text)
        .map((ch) => DIGITS[ch] ?? 0)
        .join(''),
    );
  }
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const unit = UNITS[ch];
    if (unit === undefined) {
      digit = DIGITS[ch] ?? 0;
      continue;
    }
    total += (digit === 0 ? 1 : digit) * unit;
    digit = 0;
  }
  return total + digit;
}

/** Reads an Arabic or Chinese number: "35" → 35, "1.5" → 1.5, "三" → 3; null when it is neither. */
export function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return chineseNumber(trimmed);
}
