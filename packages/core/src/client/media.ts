import * as z from 'zod/mini';
import { WacallResponseError } from '../errors/wacall-response-error';
import type { RequestOptions } from './client-options';
import { readResponse } from './read-response';
import type { ResourceContext } from './resource-context';
import { checkPattern, issuesFor } from './validate';

/** Where a media file (a call recording, a transcript) can be fetched, and what it is. */
export interface MediaInfo {
  /** Valid for about 5 minutes; fetch it with the access token (`media.download` does). */
  url: string;
  mimeType: string;
  sha256: string;
  /** Bytes. */
  fileSize: number;
}

export interface DownloadedMedia {
  data: ArrayBuffer;
  mimeType: string;
}

/** `client.media`: media ids from webhooks (recordings, transcripts, voicemails) to bytes. */
export interface MediaResource {
  /** `GET /{media-id}`: a fresh download URL and the file's type, hash and size. Retried. */
  get(mediaId: string, options?: RequestOptions): Promise<MediaInfo>;
  /** Gets a fresh URL, then the bytes through an authenticated GET. Retried. */
  download(mediaId: string, options?: RequestOptions): Promise<DownloadedMedia>;
}

const MediaResponse = z.looseObject({
  url: z.string().check(z.minLength(1)),
  mime_type: z.string(),
  sha256: z.optional(z.string()),
  file_size: z.optional(
    z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d+$/))]), z.transform(Number)),
  ),
});

/** @internal Builds `client.media`. */
export function createMediaResource(context: ResourceContext): MediaResource {
  const get = async (operation: string, mediaId: string, options?: RequestOptions) => {
    const issues = issuesFor(operation);
    checkPattern(
      issues,
      'mediaId',
      mediaId,
      /^\d{1,40}$/,
      'must be a numeric media id.',
      "Pass the id from the webhook, e.g. event.media.id of 'call.recording_available'.",
    );
    issues.throwIfAny();
    const result = await context.send(
      { operation, method: 'GET', path: mediaId, repeatable: true },
      options,
    );
    const body = readResponse(MediaResponse, result, operation);
    const info: MediaInfo = {
      url: body.url,
      mimeType: body.mime_type,
      sha256: body.sha256 ?? '',
      fileSize: body.file_size ?? 0,
    };
    return info;
  };
  return {
    get: (mediaId, options) => get('media.get', mediaId, options),
    async download(mediaId, options) {
      const operation = 'media.download';
      const info = await get(operation, mediaId, options);
      const result = await context.send(
        { operation, method: 'GET', path: mediaId, url: info.url, binary: true, repeatable: true },
        options,
      );
      if (!(result.body instanceof ArrayBuffer)) {
        throw new WacallResponseError(operation, result.status, ['body: expected bytes']);
      }
      return { data: result.body, mimeType: info.mimeType || result.contentType || '' };
    },
  };
}
