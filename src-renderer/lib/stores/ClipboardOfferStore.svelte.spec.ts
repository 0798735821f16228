import { describe, expect, it } from 'vitest';
import { ClipboardOfferStore } from './ClipboardOfferStore.svelte.ts';

describe('the clipboard offer', () => {
  it('offers what the engine found on the clipboard', async () => {
    const offer = new ClipboardOfferStore(() => Promise.resolve([41, 42]));
    await offer.check();
    expect(offer.ids).toEqual([41, 42]);
  });

  it('a failed read means no offer, not an error', async () => {
    const offer = new ClipboardOfferStore(() => Promise.reject(new Error('no clipboard')));
    await offer.check();
    expect(offer.ids).toEqual([]);
  });

  it('dismissed ids are not offered again; new ones are', async () => {
    let ids = [41];
    const offer = new ClipboardOfferStore(() => Promise.resolve(ids));
    await offer.check();
    offer.dismiss();
    ids = [41, 43];
    await offer.check();
    expect(offer.ids).toEqual([43]);
  });

  it('when checks overlap, the later answer wins even if the earlier one comes last', async () => {
    const answers: ((ids: number[]) => void)[] = [];
    const offer = new ClipboardOfferStore(() => new Promise((resolve) => answers.push(resolve)));
    const first = offer.check();
    const second = offer.check();
    answers[1]?.([7]);
    await second;
    answers[0]?.([99]);
    await first;
    expect(offer.ids).toEqual([7]);
  });

  it('pinned ids leave the offer', async () => {
    const offer = new ClipboardOfferStore(() => Promise.resolve([1, 2, 3]));
    await offer.check();
    offer.drop([2, 3]);
    expect(offer.ids).toEqual([1]);
  });
});
