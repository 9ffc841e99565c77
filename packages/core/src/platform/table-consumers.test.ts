import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from '../browser';
import { permissionActivities } from '../calls/permission-activities';
import * as root from '../index';
import * as platform from '../platform';
import { defaultPolicy, platformLimits } from '../permissions/policy';
import type { PermissionState } from '../permissions/types';
import { checkTemplateDraft, templateRules } from '../templates/template-rules';

const { callLimits, fieldLimits, permissionLimits, productDefaults } = platform;

describe("core's rules read the platform table", () => {
  it("builds platformLimits and defaultPolicy from the table's numbers", () => {
    expect(platformLimits.requestLimits.daily).toEqual(permissionLimits.requestsPerDay);
    expect(platformLimits.requestLimits.weekly).toEqual(permissionLimits.requestsPerWeek);
    expect(platformLimits.requestLimits.resetOnConnectedCall).toBe(
      permissionLimits.requestCountersResetOnConnectedCall,
    );
    expect(platformLimits.callLimit).toEqual(callLimits.connectedCallsPerCustomer);
    expect(platformLimits.temporaryPermissionMs).toBe(permissionLimits.temporaryGrantMs);
    expect(platformLimits.requestExpiryMs).toBe(permissionLimits.requestExpiryMs);
    expect(platformLimits.autoRevokeAfterMissedCalls).toBe(
      permissionLimits.missedCallsBeforeAutoRevoke,
    );
    expect(platformLimits.conversationWindowMs).toBe(platform.customerServiceWindowMs);
    expect(platformLimits.businessInitiatedUnavailableIn).toEqual(
      platform.businessCallingUnavailableCountries,
    );
    expect(defaultPolicy.callLimit).toEqual(productDefaults.connectedCallsPerCustomer);
    expect({ ...defaultPolicy, callLimit: platformLimits.callLimit }).toEqual(platformLimits);
  });

  it('keeps the temporary grant in days and in milliseconds equal', () => {
    expect(permissionLimits.temporaryGrantMs).toBe(
      permissionLimits.temporaryGrantDays * platform.customerServiceWindowMs,
    );
  });

  it("names the table's missed calls and grant days in permission activities by default", () => {
    const state = (over: Partial<PermissionState>): PermissionState => ({
      permission: 'granted',
      permanent: false,
      consecutiveMissed: 0,
      requests: [],
      calls: [],
      ...over,
    });
    const context = { customer: '14085551234', at: 1_800_000_000_000 };
    const [revoked] = permissionActivities(
      state({}),
      state({ permission: 'revoked', revokedReason: 'missed_calls' }),
      context,
    );
    expect(revoked?.params).toEqual({ missedCalls: permissionLimits.missedCallsBeforeAutoRevoke });
    const [expired] = permissionActivities(
      state({ expiresAt: context.at }),
      state({ permission: 'expired' }),
      context,
    );
    expect(expired?.params).toEqual({ days: permissionLimits.temporaryGrantDays });
  });

  it("checks template drafts against the table's lengths", () => {
    expect(templateRules.body).toBe(fieldLimits.templateBody);
    const draft = {
      kind: 'call_invite' as const,
      name: 'n'.repeat(fieldLimits.templateName.maxLength),
      language: 'en_US',
      category: 'utility' as const,
      body: 'b'.repeat(fieldLimits.templateBody.maxLength),
      header: 'h'.repeat(fieldLimits.templateHeader.maxLength),
      footer: 'f'.repeat(fieldLimits.templateFooter.maxLength),
      buttonText: 't'.repeat(fieldLimits.displayText.maxLength),
      ttlMinutes: fieldLimits.templateTtlMinutes.max,
    };
    expect(checkTemplateDraft(draft)).toEqual([]);
    const tooLong = checkTemplateDraft({
      ...draft,
      name: `${draft.name}n`,
      body: `${draft.body}b`,
      header: `${draft.header}h`,
      footer: `${draft.footer}f`,
      buttonText: `${draft.buttonText}t`,
      ttlMinutes: fieldLimits.templateTtlMinutes.min - 1,
    });
    expect(tooLong.map((problem) => problem.field)).toEqual([
      'name',
      'body',
      'header',
      'footer',
      'buttonText',
      'ttlMinutes',
    ]);
  });

  it('hands out one SDP verdict and one error catalogue through every entry', () => {
    for (const entry of [root, browser]) {
      expect(entry.checkOfferSdp).toBe(platform.checkOfferSdp);
      expect(entry.checkAnswerSdp).toBe(platform.checkAnswerSdp);
      expect(entry.inspectSdp).toBe(platform.inspectSdp);
      expect(entry.normalizeSdpLineEndings).toBe(platform.normalizeSdpLineEndings);
    }
    expect(root.getErrorInfo).toBe(platform.getErrorInfo);
    expect(root.networkDropCodes).toBe(platform.networkDropCodes);
    expect(root.platformLimits.callLimit).toBe(platform.callLimits.connectedCallsPerCustomer);
  });

  it('cannot be changed by one consumer for the others', () => {
    expect(Object.isFrozen(fieldLimits.displayText)).toBe(true);
    expect(Object.isFrozen(permissionLimits.requestsPerDay)).toBe(true);
    expect(Object.isFrozen(platform.sdpRules)).toBe(true);
    expect(Object.isFrozen(platform.businessCallingUnavailableCountries)).toBe(true);
  });
});

// The entry must stay data: a browser form or the simulator imports it without zod, ky or the client.
describe('the @wacall/core/platform import graph', () => {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map(
      (match) => match[1] as string,
    );

  it('reaches only files under src/platform, and no package', () => {
    const seenFiles = new Set<string>();
    const packages: string[] = [];
    const outside: string[] = [];
    const visit = (file: string) => {
      if (seenFiles.has(file)) return;
      seenFiles.add(file);
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) {
          packages.push(`${relative(src, file)} → ${specifier}`);
          continue;
        }
        const target = `${join(dirname(file), specifier)}.ts`;
        if (!relative(src, target).startsWith('platform/')) outside.push(relative(src, target));
        visit(target);
      }
    };
    visit(join(src, 'platform.ts'));
    expect(packages).toEqual([]);
    expect(outside).toEqual([]);
    // The walk really followed the graph: the SDP verdict and the tables were read.
    expect(seenFiles).toContain(join(src, 'platform/sdp/sdp-verdict.ts'));
    expect(seenFiles).toContain(join(src, 'platform/field-limits.ts'));
  });
});
