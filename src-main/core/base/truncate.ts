/**
 * Text cut to at most `max` UTF-16 units (what every limit here is counted in: Windows tooltips,
 * menu labels, notification text), ending in "…" when cut, and never splitting a surrogate pair,
 * so an emoji at the cut is dropped whole rather than left as half a character.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}
