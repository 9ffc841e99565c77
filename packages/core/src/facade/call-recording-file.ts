import type { DownloadedMedia } from '../client/media';

/** A call's recording, downloaded: OGG/Opus bytes as Meta keeps them (7 days). */
export interface CallRecordingFile extends DownloadedMedia {
  mediaId: string;
}
