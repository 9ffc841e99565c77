import * as z from 'zod/mini';
import type { RequestOptions } from './client-options';
import { readResponse } from './read-response';
import type { ResourceContext } from './resource-context';

/** `available`, `limited` or `blocked`; other values Meta may add pass through lowercased. */
export type HealthStatus = 'available' | 'limited' | 'blocked' | (string & {});

/** One reason an entity cannot (fully) send messages or receive SIP calls. */
export interface HealthError {
  code: number;
  description: string;
  possibleSolution?: string;
}

/** The health of one node in the chain a message or SIP call passes: number, WABA, business, app. */
export interface HealthEntity {
  entityType: 'phone_number' | 'waba' | 'business' | 'app' | (string & {});
  id: string;
  canSendMessage: HealthStatus;
  /** Whether SIP calls can reach the number; a SIP problem can make the aggregate read `blocked`. */
  canReceiveCallSip?: HealthStatus;
  errors: HealthError[];
}

/** `GET /{phone-number-id}?fields=health_status`, normalised. */
export interface NumberHealth {
  /** The aggregate: the worst status of the entities. */
  canSendMessage: HealthStatus;
  entities: HealthEntity[];
}

/** `client.health`: whether the number can send messages and receive SIP calls, and why not. */
export interface HealthResource {
  /** Reads the number's health. Retried on transient failures. */
  get(options?: RequestOptions): Promise<NumberHealth>;
}

const text = z.string();
const code = z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d+$/))]), z.transform(Number));
const HealthResponse = z.looseObject({
  health_status: z.looseObject({
    can_send_message: text,
    entities: z.optional(
      z.array(
        z.looseObject({
          entity_type: text,
          id: z.union([text, z.number()]),
          can_send_message: text,
          can_receive_call_sip: z.optional(text),
          errors: z.optional(
            z.array(
              z.looseObject({
                error_code: code,
                error_description: text,
                possible_solution: z.optional(text),
              }),
            ),
          ),
        }),
      ),
    ),
  }),
});

/** @internal Builds `client.health`. */
export function createHealthResource(context: ResourceContext): HealthResource {
  return {
    async get(options) {
      const operation = 'health.get';
      const result = await context.send(
        {
          operation,
          method: 'GET',
          path: context.phoneNumberId,
          query: { fields: 'health_status' },
          repeatable: true,
        },
        options,
      );
      const status = readResponse(HealthResponse, result, operation).health_status;
      return {
        canSendMessage: status.can_send_message.toLowerCase(),
        entities: (status.entities ?? []).map((entity) => {
          const out: HealthEntity = {
            entityType: entity.entity_type.toLowerCase(),
            id: String(entity.id),
            canSendMessage: entity.can_send_message.toLowerCase(),
            errors: (entity.errors ?? []).map((e) => {
              const error: HealthError = { code: e.error_code, description: e.error_description };
              if (e.possible_solution !== undefined) error.possibleSolution = e.possible_solution;
              return error;
            }),
          };
          if (entity.can_receive_call_sip !== undefined) {
            out.canReceiveCallSip = entity.can_receive_call_sip.toLowerCase();
          }
          return out;
        }),
      };
    },
  };
}
