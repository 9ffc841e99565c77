import type { CallMediaOptions } from './media-options';

/**
 * A peer connection for the platform: one audio transport (BUNDLE, RTCP-mux) and the browser's
 * default ECDSA certificate, whose SHA-256 fingerprint the platform wants.
 */
export function createPeerConnection(options: CallMediaOptions): RTCPeerConnection {
  const PeerConnection = options.RTCPeerConnection ?? globalThis.RTCPeerConnection;
  return new PeerConnection({
    bundlePolicy: 'max-bundle',
    rtcpMuxPolicy: 'require',
    ...options.rtcConfiguration,
  });
}
