import { describe, expect, it } from 'vitest';
import { callScenarios } from './scenarios/calls';
import { messageScenarios } from './scenarios/messages';
import { runScenario } from './scenarios/runner';
import { permissionScenarios } from './scenarios/states';
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
    // `call_taken` is routing's refusal of a second accept, never the engine's: routing.test.ts covers it.
    const covered = new Set<DecisionReason | undefined>([
      ...scenarios.map((s) => s.expect.reason),
      'call_taken',
    ]);
    const missing = (Object.keys(decisionMessages) as DecisionReason[]).filter(
      (r) => !covered.has(r),
    );
    expect(missing).toEqual([]);
  });
});
