import type { ParsedTaskRefs, RejectReason, RejectedRef } from './TaskRef.ts';

/** What parseTaskRefs makes of a link: the task's id, or why not. */
export type UrlVerdict = { id: string } | { reason: RejectReason; message: string };

/** How many of the last segments, pieces and links read are remembered, to skip a unit repeated. */
const RECENT = 4;

/**
 * What parseTaskRefs has found so far, each id and each refusal once, in the order first seen.
 * Reading the same text twice adds nothing, so a segment or piece just read is skipped when it
 * comes again (`firstTime`), and a link repeated a thousand times is parsed once (`verdict`): a
 * paste of a few units repeated costs little more than reading it. Only the last few are kept:
 * remembering every one of a list of distinct ids or links costs more than reading them again.
 */
export class TaskRefCollector {
  private readonly ids: number[] = [];
  private readonly seenIds = new Set<number>();
  private readonly rejected: RejectedRef[] = [];
  private readonly seenRejections = new Map<RejectReason, Set<string>>();
  private readonly recent = { segment: [] as string[], piece: [] as string[] };
  private readonly verdicts: Array<{ key: string; verdict: UrlVerdict }> = [];

  addId(id: number): void {
    if (this.seenIds.has(id)) return;
    this.seenIds.add(id);
    this.ids.push(id);
  }

  reject(fragment: string, reason: RejectReason, message: string): void {
    let seen = this.seenRejections.get(reason);
    if (seen === undefined) this.seenRejections.set(reason, (seen = new Set()));
    if (seen.has(fragment)) return;
    seen.add(fragment);
    this.rejected.push({ fragment, reason, message });
  }

  /** False when this text was one of the last few read as a segment, or as a piece with no link in it. */
  firstTime(kind: 'segment' | 'piece', text: string): boolean {
    const recent = this.recent[kind];
    if (recent.includes(text)) return false;
    if (recent.push(text) > RECENT) recent.shift();
    return true;
  }

  /** The verdict on a link, worked out again only when it is not one of the last few links read. */
  verdict(fragment: string, hasScheme: boolean, classify: () => UrlVerdict): UrlVerdict {
    const key = `${hasScheme ? 's' : 'h'}${fragment}`;
    const known = this.verdicts.find((v) => v.key === key);
    if (known) return known.verdict;
    const verdict = classify();
    if (this.verdicts.push({ key, verdict }) > RECENT) this.verdicts.shift();
    return verdict;
  }

  result(): ParsedTaskRefs {
    return { ids: this.ids, rejected: this.rejected };
  }
}
