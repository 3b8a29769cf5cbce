import type { TDonation } from '@tongxin/contracts';
import { useState } from 'react';

/** What the running list shows of a gift entered at this desk. */
export type SessionGift = Pick<
  TDonation,
  'id' | 'donorName' | 'publicName' | 'form' | 'method' | 'amount' | 'designationText' | 'receivedOn' | 'createdAt'
>;

const STORE = 'tongxin.donationEntry';

function isGiftList(value: unknown): value is SessionGift[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        'id' in item &&
        'amount' in item &&
        typeof item.amount === 'number',
    )
  );
}

function read(): SessionGift[] {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(STORE) ?? '[]');
    return isGiftList(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/**
 * The gifts entered in this browser tab, newest first: kept for the tab's life (sessionStorage), so that
 * opening one of them and coming back keeps the list, and gone when the tab closes.
 */
export function useSessionGifts(): { gifts: SessionGift[]; add: (gift: TDonation) => void; clear: () => void } {
  const [gifts, setGifts] = useState<SessionGift[]>(read);
  const keep = (change: (current: SessionGift[]) => SessionGift[]) =>
    setGifts((current) => {
      const next = change(current);
      try {
        window.sessionStorage.setItem(STORE, JSON.stringify(next));
      } catch {
        // Without storage the list lasts while the page is open.
      }
      return next;
    });
  return {
    gifts,
    add: (d) =>
      keep((current) => [
        {
          id: d.id,
          donorName: d.donorName,
          publicName: d.publicName,
          form: d.form,
          method: d.method,
          amount: d.amount,
          designationText: d.designationText,
          receivedOn: d.receivedOn,
          createdAt: d.createdAt,
        },
        // A retry answers with the gift already listed.
        ...current.filter((gift) => gift.id !== d.id),
      ]),
    clear: () => keep(() => []),
  };
}
