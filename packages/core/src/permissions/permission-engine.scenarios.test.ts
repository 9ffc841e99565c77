import { describe, expect, it } from 'vitest';
import { callScenarios } from '../../test/support/permission-scenarios/calls';
import { messageScenarios } from '../../test/support/permission-scenarios/messages';
import { runScenario } from '../../test/support/permission-scenarios/runner';
import { permissionScenarios } from '../../test/support/permission-scenarios/states';
import { decisionMessages } from './decision-messages';
import type { DecisionReason } from './types';

const scenarios = [...permissionScenarios, ...callScenarios, ...messageScenarios];

describe('permission engine scenarios (fake clock)', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const decision = await runScenario(scenario);
    const { permission, usage, ...fields } = scenario.expect;
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) expect(decision).not.toHaveProperty(field);
      else expect(decision).toHaveProperty(field, value);
    }
    if (permission) expect(decision.permission).toMatchObject(permission);
    if (usage) expect(decision.usage).toMatchObject(usage);
    expect(decision.message).toBe(decisionMessages[decision.reason]);
  });

  it('covers every decision reason of the catalogue', () => {
    const covered = new Set(scenarios.map((s) => s.expect.reason));
    // `call_taken` is routing's refusal, not the engine's: facade/routing.test.ts covers it.
    const missing = (Object.keys(decisionMessages) as DecisionReason[]).filter(
      (r) => !covered.has(r) && r !== 'call_taken',
    );
    expect(missing).toEqual([]);
  });
});
