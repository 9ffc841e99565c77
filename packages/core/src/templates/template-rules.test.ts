import { describe, expect, it } from 'vitest';
import {
  checkTemplateDraft,
  fillTemplatePlaceholders,
  templatePlaceholders,
  type TemplateDraft,
} from './template-rules';

const permission: TemplateDraft = {
  kind: 'call_permission_request',
  name: 'call_permission_ask',
  language: 'en_US',
  category: 'utility',
  body: 'Hi {{1}}, may we call you about order {{2}}?',
  bodyExamples: ['Ana', 'ON-12853'],
};
const invite: TemplateDraft = {
  kind: 'call_invite',
  name: 'call_us',
  language: 'pt_BR',
  category: 'marketing',
  body: 'Ligue para nós.',
  buttonText: 'Ligar agora',
  ttlMinutes: 1440,
};

const codes = (draft: Partial<TemplateDraft>) =>
  checkTemplateDraft(draft).map((problem) => `${problem.field}:${problem.code}`);

describe('checkTemplateDraft', () => {
  it('accepts both kinds when every rule holds', () => {
    expect(checkTemplateDraft(permission)).toEqual([]);
    expect(checkTemplateDraft(invite)).toEqual([]);
    expect(checkTemplateDraft({ ...invite, ttlMinutes: 43_200, header: '', footer: '' })).toEqual(
      [],
    );
  });

  it.each<[string, Partial<TemplateDraft>, string[]]>([
    [
      'an empty draft',
      { kind: 'call_invite' },
      ['name:required', 'language:required', 'category:category', 'body:required'],
    ],
    [
      'capitals and dashes in the name',
      { ...permission, name: 'Call-Permission' },
      ['name:name_characters'],
    ],
    ['a name over 512 characters', { ...permission, name: 'a'.repeat(513) }, ['name:too_long']],
    [
      'a language that is not a code',
      { ...permission, language: 'English' },
      ['language:language_code'],
    ],
    [
      'the authentication category',
      { ...permission, category: 'authentication' as 'utility' },
      ['category:category'],
    ],
    [
      'a body over 1 024 characters',
      { ...permission, body: 'x'.repeat(1025), bodyExamples: [] },
      ['body:too_long'],
    ],
    [
      'a gap in the placeholders',
      { ...permission, body: 'Hi {{1}}, about {{3}}' },
      ['body:placeholder_order'],
    ],
    [
      'placeholders out of order',
      { ...permission, body: 'About {{2}}, {{1}}' },
      ['body:placeholder_order'],
    ],
    [
      'a named placeholder',
      { ...permission, body: 'Hi {{name}} and {{1}}', bodyExamples: ['Ana'] },
      ['body:placeholder_format'],
    ],
    [
      'a missing example',
      { ...permission, bodyExamples: ['Ana'] },
      ['bodyExamples:examples_count'],
    ],
    [
      'a blank example',
      { ...permission, bodyExamples: ['Ana', ' '] },
      ['bodyExamples:example_empty'],
    ],
    [
      'a placeholder in the header',
      { ...permission, header: 'Hi {{1}}' },
      ['header:placeholder_not_allowed'],
    ],
    ['a footer over 60 characters', { ...permission, footer: 'f'.repeat(61) }, ['footer:too_long']],
    [
      'button text over 20 characters',
      { ...invite, buttonText: 'Call our support team' },
      ['buttonText:too_long'],
    ],
    ['a ttl under a day', { ...invite, ttlMinutes: 100 }, ['ttlMinutes:ttl_range']],
    ['a ttl over 30 days', { ...invite, ttlMinutes: 43_201 }, ['ttlMinutes:ttl_range']],
    ['a fractional ttl', { ...invite, ttlMinutes: 1440.5 }, ['ttlMinutes:ttl_range']],
  ])('refuses %s', (_, draft, expected) => {
    expect(codes(draft)).toEqual(expected);
  });

  it('names every blank sample value', () => {
    expect(
      checkTemplateDraft({ ...permission, bodyExamples: [' ', ''] }).map((p) => p.index),
    ).toEqual([0, 1]);
  });

  it('ignores button fields on a permission request, which has no button', () => {
    expect(
      checkTemplateDraft({ ...permission, buttonText: 'x'.repeat(40), ttlMinutes: 1 }),
    ).toEqual([]);
  });

  it('says how long is too long, how to fix it, and suggests a valid name', () => {
    const [tooLong] = checkTemplateDraft({ ...invite, buttonText: 'Call our support team' });
    expect(tooLong).toEqual({
      field: 'buttonText',
      code: 'too_long',
      message: 'is 21 characters long; the limit is 20.',
      fix: 'Shorten it by 1 to 20 characters or fewer.',
      limit: 20,
      length: 21,
    });
    const [name] = checkTemplateDraft({ ...permission, name: 'Call Permission Ask!' });
    expect(name).toMatchObject({
      fix: "Write e.g. 'call_permission_ask'.",
      suggestion: 'call_permission_ask',
    });
  });

  it('counts characters, not UTF-16 units, so emoji take one each', () => {
    expect(codes({ ...invite, buttonText: '📞'.repeat(20) })).toEqual([]);
    expect(codes({ ...invite, buttonText: '📞'.repeat(21) })).toEqual(['buttonText:too_long']);
  });

  it('takes hostile input without throwing', () => {
    expect(codes(null as unknown as TemplateDraft)).toContain('name:required');
    expect(
      codes({
        ...permission,
        bodyExamples: 'Ana' as unknown as string[],
        name: 7 as unknown as string,
      }),
    ).toEqual(['name:required', 'bodyExamples:examples_count']);
  });
});

describe('placeholders', () => {
  it('lists placeholder numbers in order of first appearance', () => {
    expect(templatePlaceholders('{{2}} and {{1}} and {{2}} and {{x}}')).toEqual([2, 1]);
  });

  it('fills placeholders with sample values and leaves the unfilled ones visible', () => {
    expect(fillTemplatePlaceholders('Hi {{1}}, order {{2}}', ['Ana'])).toBe('Hi Ana, order {{2}}');
    expect(fillTemplatePlaceholders('Hi {{1}}', [' '])).toBe('Hi {{1}}');
  });
});
