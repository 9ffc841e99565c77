import { WacallError } from '@wacall/core';
import { graphErrors, type GraphErrorCode } from './graph-errors';

/** Graph's error envelope (`error.message`, `type`, `code`, `error_subcode`, `error_data.details`, `fbtrace_id`), as the simulator sends it. */
export interface GraphErrorEnvelope {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

/**
 * A refusal the simulated platform answers with (a Graph error envelope and its HTTP status).
 * Thrown inside request handlers and turned into the response; never leaves the simulator.
 */
export class SimulatedGraphError extends WacallError {
  static override readonly errorName = 'SimulatedGraphError';
  declare static readonly isInstance: (value: unknown) => value is SimulatedGraphError;
  readonly httpStatus: number;
  readonly code: number;
  readonly type: string;
  readonly title: string;
  /** `error_data.details`: what exactly was refused, and when it will be allowed again. */
  readonly details: string;
  readonly subcode?: number;

  constructor(
    code: number,
    details: string,
    info: { httpStatus: number; type: string; title: string; subcode?: number },
  ) {
    super(`(#${code}) ${info.title}: ${details}`);
    this.code = code;
    this.details = details;
    this.httpStatus = info.httpStatus;
    this.type = info.type;
    this.title = info.title;
    if (info.subcode !== undefined) this.subcode = info.subcode;
  }

  /** An error from the simulator's table of platform codes. */
  static of(code: GraphErrorCode, details: string): SimulatedGraphError {
    return new SimulatedGraphError(code, details, graphErrors[code]);
  }

  /** The JSON body Meta would send. */
  toEnvelope(fbtraceId: string): GraphErrorEnvelope {
    return {
      error: {
        message: `(#${this.code}) ${this.title}`,
        type: this.type,
        code: this.code,
        ...(this.subcode === undefined ? {} : { error_subcode: this.subcode }),
        error_data: { messaging_product: 'whatsapp', details: this.details },
        fbtrace_id: fbtraceId,
      },
    };
  }
}

/** Whether `value` is a `SimulatedGraphError` from any copy of @wacall/mock. */
export function isSimulatedGraphError(value: unknown): value is SimulatedGraphError {
  return SimulatedGraphError.isInstance(value);
}
