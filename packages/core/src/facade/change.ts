import type { StoreWrite } from '../store/store';
import type { FeedMessage } from './feed-message';

/** What one transaction writes and announces; parts are built separately and joined. */
export interface Change {
  writes: StoreWrite[];
  publish: FeedMessage[];
}

export const noChange = (): Change => ({ writes: [], publish: [] });

export function joinChanges(...changes: Change[]): Change {
  return {
    writes: changes.flatMap((change) => change.writes),
    publish: changes.flatMap((change) => change.publish),
  };
}
