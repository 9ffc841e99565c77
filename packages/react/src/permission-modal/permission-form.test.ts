import { describe, expect, it } from 'vitest';
import { usage } from '../fixtures/customers';
import { requestQuota, templatePlaceholders } from './permission-form';

describe('templatePlaceholders', () => {
  it('orders numbered placeholders by number and keeps each once', () => {
    expect(templatePlaceholders('Hi {{2}}, order {{1}} for {{2}}')).toEqual(['1', '2']);
  });

  it('keeps named placeholders in the order they appear', () => {
    expect(templatePlaceholders('Hi {{ first_name }}, about {{order}}')).toEqual([
      'first_name',
      'order',
    ]);
  });

  it('finds none in a body without placeholders or without a body', () => {
    expect(templatePlaceholders('May we call you?')).toEqual([]);
    expect(templatePlaceholders(undefined)).toEqual([]);
  });
});

describe('requestQuota', () => {
  it('reports the day when it leaves fewer requests than the week', () => {
    expect(requestQuota(usage({ requests24h: { used: 1, max: 1 } }))).toEqual({
      left: 0,
      max: 1,
      period: 'day',
    });
  });

  it('reports the week otherwise, never below zero', () => {
    expect(requestQuota(usage({ requests7d: { used: 3, max: 2 } }))).toEqual({
      left: 0,
      max: 2,
      period: 'week',
    });
  });
});
