import type { SimulatorMedia } from '../media/simulator-media';
import { isObject, type JsonObject } from '../world/json-object';
import type { BusinessState } from '../world/state';
import { handleCalls, type CallsEndpointContext } from './calls-endpoint';
import type { EndpointResult } from './graph-context';

/**
 * `POST /calls` with real media: the relay answers a `connect` offer before the call is created
 * (so the connect webhook carries a working answer), and takes the business's answer from
 * `pre_accept`/`accept` once the endpoint has accepted it.
 */
export async function handleCallsWithMedia(
  context: CallsEndpointContext,
  media: SimulatorMedia,
  business: BusinessState,
  body: JsonObject,
): Promise<EndpointResult> {
  const action = body['action'];
  const sdp = isObject(body['session']) ? body['session']['sdp'] : undefined;
  if (action === 'connect') await media.prepareAnswer(sdp);
  try {
    const result = handleCalls(context, business, body);
    const callId = body['call_id'];
    if ((action === 'pre_accept' || action === 'accept') && typeof callId === 'string') {
      await media.applyAnswer(callId, sdp);
    }
    return result;
  } finally {
    // A refused connect leaves its prepared peer behind.
    await media.discardPending();
  }
}
