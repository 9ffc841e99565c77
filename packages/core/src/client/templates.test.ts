import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import type { CallingTemplateKind } from './template-types';
import {
  WABA_ID,
  failure,
  graph,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();
const path = `${WABA_ID}/message_templates`;

describe('templates.createCallPermissionRequest', () => {
  it('posts a template with header, body examples, footer and the call_permission_request component', async () => {
    const requests = graph('post', path, {
      id: '594425479261596',
      status: 'PENDING',
      category: 'UTILITY',
    });
    const created = await testClient().templates.createCallPermissionRequest({
      name: 'call_permission_ask',
      language: 'en_US',
      category: 'utility',
      header: 'About your order',
      body: 'Hi {{1}}, may we call you about order {{2}}?',
      bodyExamples: ['Ana', 'ON-12853'],
      footer: 'Reply any time',
    });
    expect(created).toEqual({ id: '594425479261596', status: 'pending', category: 'utility' });
    expect(requests[0]?.body).toEqual({
      name: 'call_permission_ask',
      language: 'en_US',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'About your order' },
        {
          type: 'BODY',
          text: 'Hi {{1}}, may we call you about order {{2}}?',
          example: { body_text: [['Ana', 'ON-12853']] },
        },
        { type: 'FOOTER', text: 'Reply any time' },
        { type: 'call_permission_request' },
      ],
    });
  });

  it('refuses placeholders without examples, bad names and variables in the header', async () => {
    const error = await failure(() =>
      testClient().templates.createCallPermissionRequest({
        name: 'Call-Permission',
        language: 'en_US',
        category: 'authentication' as 'utility',
        header: 'Hi {{1}}',
        body: 'Hi {{1}}, about {{3}}',
      }),
    );
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'name',
      'category',
      'body',
      'bodyExamples',
      'header',
    ]);
    expect(seen).toHaveLength(0);
  });

  it('needs a WABA id and says where to give it', async () => {
    const error = await failure(() =>
      testClient({ wabaId: undefined }).templates.createCallPermissionRequest({
        name: 'call_permission_ask',
        language: 'en_US',
        category: 'marketing',
        body: 'May we call you?',
      }),
    );
    expect(isWacallValidationError(error) && error.issues[0]).toMatchObject({
      path: 'wabaId',
      fix: 'Pass wabaId to createClient().',
    });
    expect(seen).toHaveLength(0);
  });
});

describe('templates.createCallInvite', () => {
  it('posts a BUTTONS component with the voice_call button', async () => {
    const requests = graph('post', path, { id: '1', status: 'APPROVED', category: 'MARKETING' });
    const created = await testClient().templates.createCallInvite({
      name: 'call_us',
      language: 'en_US',
      category: 'marketing',
      body: 'Questions about your plan? Call us on WhatsApp.',
      buttonText: 'Call support',
      ttlMinutes: 1440,
    });
    expect(created).toEqual({ id: '1', status: 'approved', category: 'marketing' });
    expect(requests[0]?.body).toEqual({
      name: 'call_us',
      language: 'en_US',
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'Questions about your plan? Call us on WhatsApp.' },
        {
          type: 'BUTTONS',
          buttons: [{ type: 'voice_call', text: 'Call support', ttl_minutes: 1440 }],
        },
      ],
    });
  });

  it('labels the button "Call Now" by default and refuses a creation ttl under a day', async () => {
    const requests = graph('post', path, { id: '2' });
    const created = await testClient().templates.createCallInvite({
      name: 'call_us',
      language: 'en_US',
      category: 'utility',
      body: 'Call us.',
    });
    expect(created).toEqual({ id: '2', status: 'pending' });
    expect(requests[0]?.body).toMatchObject({
      components: [{}, { buttons: [{ type: 'voice_call', text: 'Call Now' }] }],
    });
    const error = await failure(() =>
      testClient().templates.createCallInvite({
        name: 'call_us',
        language: 'en_US',
        category: 'utility',
        body: 'Call us.',
        buttonText: 'Call our support team',
        ttlMinutes: 100,
      }),
    );
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'buttonText',
      'ttlMinutes',
    ]);
    expect(seen).toHaveLength(1);
  });
});

describe('templates.list', () => {
  const listing = {
    data: [
      {
        id: '10',
        name: 'call_permission_ask',
        language: 'en_US',
        status: 'APPROVED',
        category: 'UTILITY',
        components: [
          { type: 'BODY', text: 'May we call you about {{1}}?' },
          { type: 'CALL_PERMISSION_REQUEST' },
        ],
      },
      {
        id: '11',
        name: 'call_us',
        language: 'pt_BR',
        status: 'PENDING',
        category: 'MARKETING',
        components: [
          { type: 'BODY', text: 'Ligue para nós.' },
          {
            type: 'BUTTONS',
            buttons: [
              { type: 'URL', text: 'Site', url: 'https://example.com' },
              { type: 'VOICE_CALL', text: 'Ligar agora' },
            ],
          },
        ],
      },
      {
        id: '12',
        name: 'call_us_lower',
        language: 'en',
        status: 'approved',
        category: 'marketing',
        components: [{ type: 'buttons', buttons: [{ type: 'voice_call', text: 'Call Now' }] }],
      },
      {
        id: '13',
        name: 'order_update',
        language: 'en',
        status: 'APPROVED',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Shipped.' }],
      },
    ],
    paging: {
      cursors: { before: 'QVFIUa', after: 'QVFIUb' },
      next: 'https://graph.facebook.com/next',
    },
  };

  it('lists templates with the calling kind detected in either case, plus the next cursor', async () => {
    const requests = graph('get', path, listing);
    const page = await testClient().templates.list({ limit: 4, status: 'approved', name: 'call' });
    expect(page).toEqual({
      templates: [
        {
          id: '10',
          name: 'call_permission_ask',
          language: 'en_US',
          status: 'approved',
          category: 'utility',
          kind: 'call_permission_request',
          bodyText: 'May we call you about {{1}}?',
        },
        {
          id: '11',
          name: 'call_us',
          language: 'pt_BR',
          status: 'pending',
          category: 'marketing',
          kind: 'call_invite',
          bodyText: 'Ligue para nós.',
          buttonText: 'Ligar agora',
        },
        {
          id: '12',
          name: 'call_us_lower',
          language: 'en',
          status: 'approved',
          category: 'marketing',
          kind: 'call_invite',
          buttonText: 'Call Now',
        },
        {
          id: '13',
          name: 'order_update',
          language: 'en',
          status: 'approved',
          category: 'utility',
          bodyText: 'Shipped.',
        },
      ],
      nextCursor: 'QVFIUb',
    });
    const query = requests[0]?.url.searchParams;
    expect(query?.get('fields')).toBe(
      'id,name,language,status,category,components,rejected_reason,quality_score',
    );
    expect(query?.get('limit')).toBe('4');
    expect(query?.get('status')).toBe('APPROVED');
    expect(query?.get('name')).toBe('call');
  });

  it('keeps only calling templates when asked, and has no cursor on the last page', async () => {
    const requests = graph('get', path, { ...listing, paging: { cursors: { after: 'QVFIUb' } } });
    const page = await testClient().templates.list({ callingOnly: true, after: 'QVFIUa' });
    expect(page.templates.map((template) => template.id)).toEqual(['10', '11', '12']);
    expect(page.nextCursor).toBeUndefined();
    expect(requests[0]?.url.searchParams.get('after')).toBe('QVFIUa');
  });

  it('reads the review outcome: rejected reason, quality score, header, footer and button validity', async () => {
    graph('get', path, {
      data: [
        {
          id: '20',
          name: 'call_invite_promo',
          language: 'en_US',
          status: 'REJECTED',
          category: 'MARKETING',
          rejected_reason: 'INCORRECT_CATEGORY',
          quality_score: { score: 'UNKNOWN', date: 1767268800 },
          components: [
            { type: 'HEADER', format: 'TEXT', text: 'Talk to us' },
            { type: 'BODY', text: 'Call us about {{1}}.' },
            { type: 'FOOTER', text: 'Acme support' },
            {
              type: 'BUTTONS',
              buttons: [{ type: 'VOICE_CALL', text: 'Call Now', ttl_minutes: 10080 }],
            },
          ],
        },
        {
          id: '21',
          name: 'call_permission_ask',
          language: 'en_US',
          status: 'APPROVED',
          category: 'UTILITY',
          rejected_reason: 'NONE',
          quality_score: { score: 'GREEN' },
          components: [{ type: 'BODY', text: 'May we call?' }, { type: 'call_permission_request' }],
        },
      ],
    });
    const page = await testClient().templates.list();
    expect(page.templates).toEqual([
      {
        id: '20',
        name: 'call_invite_promo',
        language: 'en_US',
        status: 'rejected',
        category: 'marketing',
        kind: 'call_invite',
        headerText: 'Talk to us',
        bodyText: 'Call us about {{1}}.',
        footerText: 'Acme support',
        buttonText: 'Call Now',
        ttlMinutes: 10080,
        rejectedReason: 'INCORRECT_CATEGORY',
        qualityScore: 'unknown',
      },
      {
        id: '21',
        name: 'call_permission_ask',
        language: 'en_US',
        status: 'approved',
        category: 'utility',
        kind: 'call_permission_request',
        bodyText: 'May we call?',
        qualityScore: 'green',
      },
    ]);
  });

  it.each([
    ['call_permission_request', ['10']],
    ['call_invite', ['11', '12']],
    ['CALL_INVITE', ['11', '12']],
  ] as const)('filters by kind %s and passes the language on', async (kind, ids) => {
    const requests = graph('get', path, listing);
    const page = await testClient().templates.list({
      kind: kind as CallingTemplateKind,
      language: 'en_US',
    });
    expect(page.templates.map((template) => template.id)).toEqual(ids);
    expect(requests[0]?.url.searchParams.get('language')).toBe('en_US');
  });

  it('refuses an unknown kind and a bad language before asking Meta', async () => {
    const error = await failure(() =>
      testClient().templates.list({ kind: 'voice' as 'call_invite', language: 'English' }),
    );
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'kind',
      'language',
    ]);
    expect(seen).toHaveLength(0);
  });
});
