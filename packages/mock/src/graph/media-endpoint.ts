/** `GET /{media-id}` and the authenticated download of its bytes (Meta "Call recording" page, 2026-05-31). */
import type { StoredMedia } from '../world/state';
import type { World } from '../world/world';
import { SimulatedGraphError } from './simulated-graph-error';
import { unsupportedRequest } from './graph-errors';

/** Where the bytes of a media file are served: beside `GET /{version}/{media-id}` on the same origin. */
export function mediaContentUrl(graphBase: string, id: string): string {
  return `${graphBase}/${id}/content`;
}

// Meta keeps call recordings and transcripts for 7 days.
const RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** A stored, unexpired media file, or Graph's "does not exist" error. */
export function mediaFile(context: Pick<World, 'mediaFiles' | 'clock'>, id: string): StoredMedia {
  const file = context.mediaFiles.get(id);
  if (file === undefined || context.clock.now() - file.createdAt > RETENTION_MS) {
    throw new SimulatedGraphError(
      100,
      `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      { ...unsupportedRequest, title: 'Unsupported get request' },
    );
  }
  return file;
}

/** The media's fresh URL (on the simulator's own origin, so the token stays with it) and facts. */
export function mediaInfo(
  context: Pick<World, 'mediaFiles' | 'clock'>,
  id: string,
  graphBase: string,
) {
  const file = mediaFile(context, id);
  return {
    body: {
      messaging_product: 'whatsapp',
      url: mediaContentUrl(graphBase, file.id),
      mime_type: file.mimeType,
      sha256: file.sha256,
      file_size: file.bytes.length,
      id: file.id,
    },
    updates: [],
  };
}
