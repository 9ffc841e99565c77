/** What the Graph face reads and writes, and what each endpoint answers. */
import type { LifecycleContext } from '../flows/call-lifecycle';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import type { WebhookUpdate } from '../webhooks/payloads';
import type { TemplateReviewOption } from '../world/template-review';
import type { TemplateStore } from '../world/template-store';
import type { World } from '../world/world';

/** An endpoint's JSON answer and the webhooks Meta sends after it. */
export interface EndpointResult {
  body: unknown;
  updates: WebhookUpdate[];
}

export interface SimulatorBehaviour {
  /** A free-form message outside the window: refused at once (131047), or accepted then failed by webhook. */
  outsideWindow: 'reject' | 'fail_status';
  /** How new templates are reviewed. */
  templateReview: TemplateReviewOption;
}

/** The router's context: the whole world, the templates, the chosen behaviour, and delivery. */
export type GraphContext = World &
  LifecycleContext & {
    readonly templates: TemplateStore;
    readonly behaviour: SimulatorBehaviour;
    readonly dispatcher: Pick<WebhookDispatcher, 'emit'>;
  };
