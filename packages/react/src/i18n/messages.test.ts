import { describe, expect, it } from 'vitest';
import { englishMessages, mergeMessages } from './messages';

describe('mergeMessages', () => {
  it('merges nested tables key by key and replaces functions whole', () => {
    const retryAt = () => 'soon';
    const merged = mergeMessages(englishMessages, { callButton: { call: 'Llamar' }, retryAt });
    expect(merged.callButton.call).toBe('Llamar');
    expect(merged.callButton.endCall).toBe('End call');
    expect(merged.retryAt).toBe(retryAt);
    expect(englishMessages.callButton.call).toBe('Call');
  });

  it('returns the base table when there is nothing to merge', () => {
    expect(mergeMessages(englishMessages)).toBe(englishMessages);
  });
});

describe('englishMessages quota line', () => {
  it('agrees in number with the limit', () => {
    const { quota } = englishMessages.permissionModal;
    expect(quota({ left: 1, max: 2, period: 'week' })).toBe('1 of 2 requests left this week');
    expect(quota({ left: 0, max: 1, period: 'day' })).toBe('0 of 1 request left today');
  });
});
