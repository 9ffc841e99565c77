/** Options shared by `answerIncomingCall()` and `startOutgoingCall()`. */
export interface CallMediaOptions {
  /**
   * The agent's microphone: constraints for `getUserMedia` (e.g. `{ deviceId: { exact: id } }`), or a
   * track you opened yourself. Default: the default microphone with echo cancellation. A track you
   * pass stays yours: hanging up does not stop it.
   */
  microphone?: MediaTrackConstraints | MediaStreamTrack;
  /** Play the customer's audio through a hidden `<audio>` element. Default `true`. */
  playRemoteAudio?: boolean;
  /** How long to wait for ICE candidates before sending the SDP anyway. Default 3 000 ms. */
  gatherTimeoutMs?: number;
  /** How often the `level` event reports the customer's audio level. Default 200 ms. */
  levelIntervalMs?: number;
  /** How often the `quality` event reports RTT, jitter, loss and MOS. Default 2 000 ms. */
  qualityIntervalMs?: number;
  /** Extra `RTCPeerConnection` configuration (e.g. `iceServers` of your own). */
  rtcConfiguration?: RTCConfiguration;
  /** For tests and non-browser hosts: the `RTCPeerConnection` class to use. */
  RTCPeerConnection?: typeof RTCPeerConnection;
  /** For tests and non-browser hosts: replaces `navigator.mediaDevices.getUserMedia`. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
}
