/**
 * The pieces of one pasted segment between its commas and semicolons, walked by offsets: no array
 * of a million pieces, no piece copied unless it is read. Each question is answered from the next
 * separator (or colon, or dot) found at or after where it is asked; that position is searched for
 * again only once the walk has passed it, so the searches never overlap and the whole walk reads
 * each character a bounded number of times, whatever the text.
 */
export class SegmentPieces {
  readonly text: string;
  private comma = -1;
  private semicolon = -1;
  private colon = -1;
  private dot = -1;

  constructor(text: string) {
    this.text = text;
  }

  /** Where the piece that starts at `start` ends: at the next comma or semicolon, or the text's end. */
  end(start: number): number {
    if (this.comma < start) this.comma = this.next(',', start);
    if (this.semicolon < start) this.semicolon = this.next(';', start);
    return Math.min(this.comma, this.semicolon);
  }

  /**
   * False when the piece from `start` to `end` cannot start a link: a link has a scheme (a colon)
   * or a host (a dot), and most pieces of a long list have neither.
   */
  mayHoldLink(start: number, end: number): boolean {
    return this.nextMark(start) < end;
  }

  /**
   * Where the first piece from `start` on that may hold a link begins (the text's length if none
   * does): the pieces before it are skipped by their separators, never read one by one.
   */
  nextPieceWithMark(start: number): number {
    const mark = this.nextMark(start);
    if (mark === this.text.length) return mark;
    // Back from the mark to the separator before it: that stretch is the piece read next.
    let at = mark;
    while (at > start && this.text[at - 1] !== ',' && this.text[at - 1] !== ';') at -= 1;
    return at;
  }

  /** The next colon or dot at or after `start`, or the text's length. */
  private nextMark(start: number): number {
    if (this.colon < start) this.colon = this.next(':', start);
    if (this.dot < start) this.dot = this.next('.', start);
    return Math.min(this.colon, this.dot);
  }

  private next(char: string, from: number): number {
    const at = this.text.indexOf(char, from);
    return at === -1 ? this.text.length : at;
  }
}
