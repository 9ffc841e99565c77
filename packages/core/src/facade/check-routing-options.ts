import type { ValidationIssue } from '../errors/wacall-validation-error';
import type { RoutingStrategy } from './agent-types';
import type { RoutingSettings } from './facade-context';

const strategies: readonly RoutingStrategy[] = ['ring_all', 'longest_idle', 'round_robin'];
/** How long one offer rings by default, and the range allowed (Meta itself gives up after ~60 s). */
export const ringSecondsDefault = 20;
const ringRange = { min: 5, max: 120 };

const show = (value: unknown): string =>
  typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));

/** What is wrong with `createWacall`'s `routing` option, in the facade's terms; empty when all is well. */
export function routingIssues(routing: unknown): ValidationIssue[] {
  if (routing === undefined) return [];
  if (typeof routing !== 'object' || routing === null) {
    return [
      {
        path: 'routing',
        message: `must be an object (got ${show(routing)}).`,
        fix: "Pass e.g. routing: { strategy: 'ring_all' }, or leave it out to route calls yourself.",
      },
    ];
  }
  const { strategy, ringSeconds, assignee } = routing as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (!strategies.includes(strategy as RoutingStrategy)) {
    issues.push({
      path: 'routing.strategy',
      message: `must be one of ${strategies.join(', ')} (got ${show(strategy)}).`,
      fix: "Pass strategy: 'ring_all' to ring every available agent at once, or 'longest_idle' / 'round_robin' to ring one at a time.",
    });
  }
  const wholeSeconds = Number.isSafeInteger(ringSeconds);
  if (
    ringSeconds !== undefined &&
    (!wholeSeconds ||
      (ringSeconds as number) < ringRange.min ||
      (ringSeconds as number) > ringRange.max)
  ) {
    issues.push({
      path: 'routing.ringSeconds',
      message: `must be whole seconds from ${ringRange.min} to ${ringRange.max} (got ${show(ringSeconds)}).`,
      fix: `Pass e.g. ringSeconds: ${ringSecondsDefault}, or leave it out for the default.`,
    });
  }
  if (assignee !== undefined && typeof assignee !== 'function') {
    issues.push({
      path: 'routing.assignee',
      message: `must be a function of the customer returning an agent id or undefined (got ${show(assignee)}).`,
      fix: 'Pass e.g. assignee: (customer) => ticketOwnerOf(customer)?.agentId, or leave it out.',
    });
  }
  return issues;
}

/** The routing option filled in with defaults; call after `routingIssues` found nothing. */
export function routingSettings(routing: {
  strategy: RoutingStrategy;
  ringSeconds?: number;
  assignee?: RoutingSettings['assignee'];
}): RoutingSettings {
  return {
    strategy: routing.strategy,
    ringMs: (routing.ringSeconds ?? ringSecondsDefault) * 1000,
    ...(routing.assignee ? { assignee: routing.assignee } : {}),
  };
}
