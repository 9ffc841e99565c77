/** Meta's webhook verification request (Meta "Webhooks" getting-started page: `hub.mode`, `hub.challenge`, `hub.verify_token`), so a handler's GET challenge can be tested. */
import type { SimulatorRandom } from '../world/random';

export interface SubscriptionCheck {
  /** Whether the endpoint answered 200 with exactly the challenge. */
  verified: boolean;
  status: number;
  challenge: string;
}

/** Sends `GET <url>?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…` as Meta does on subscribe. */
export async function verifySubscription(
  webhookUrl: string,
  verifyToken: string,
  fetcher: typeof fetch,
  random: SimulatorRandom,
): Promise<SubscriptionCheck> {
  const challenge = random.digits(10);
  const url = new URL(webhookUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  const response = await fetcher(url, { method: 'GET', signal: AbortSignal.timeout(20_000) });
  const body = await response.text();
  return {
    verified: response.status === 200 && body === challenge,
    status: response.status,
    challenge,
  };
}
