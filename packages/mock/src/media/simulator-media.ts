import { createMediaPeer, type MediaPeer, type MediaPeerOptions } from './media-peer';

/**
 * The simulator's media side: one relay peer per call. Peers are prepared before the (synchronous)
 * call state machine runs, then attached to the call it creates, and closed when the call ends.
 */
export class SimulatorMedia {
  private readonly peers = new Map<string, MediaPeer>();
  private readonly answered = new Set<string>();
  private pending: { peer: MediaPeer; sdp: string } | undefined;

  constructor(private readonly options: MediaPeerOptions) {}

  /** Meta's offer for an incoming call, from a fresh peer; attach it once the call has an id. */
  async createOffer(): Promise<{ peer: MediaPeer; sdp: string }> {
    const peer = await createMediaPeer(this.options);
    return { peer, sdp: await peer.createOffer() };
  }

  /**
   * Answers a business offer ahead of `connect`; `takeAnswer()` hands it to the call. An offer the
   * peer cannot use leaves no answer, so the endpoint's own SDP checks report it.
   */
  async prepareAnswer(offerSdp: unknown): Promise<void> {
    if (typeof offerSdp !== 'string') return;
    const peer = await createMediaPeer(this.options);
    try {
      this.pending = { peer, sdp: await peer.answer(offerSdp) };
    } catch {
      await peer.close();
    }
  }

  /** The prepared answer, for the call `callId` that `connect` just created. */
  takeAnswer(callId: string): string | undefined {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return undefined;
    this.attach(callId, pending.peer);
    return pending.sdp;
  }

  /** Closes a prepared answer that no call took (the connect request was refused). */
  async discardPending(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    await pending?.peer.close();
  }

  attach(callId: string, peer: MediaPeer): void {
    this.peers.set(callId, peer);
  }

  /** Applies the business's answer (`pre_accept` or `accept`, the same SDP) once per call. */
  async applyAnswer(callId: string, answerSdp: unknown): Promise<void> {
    const peer = this.peers.get(callId);
    if (!peer || this.answered.has(callId) || typeof answerSdp !== 'string') return;
    this.answered.add(callId);
    await peer.acceptAnswer(answerSdp);
  }

  peer(callId: string): MediaPeer | undefined {
    return this.peers.get(callId);
  }

  /** Ends the media of a call; its counters stay readable through `peer()`. */
  close(callId: string): void {
    void this.peers.get(callId)?.close();
  }

  async closeAll(): Promise<void> {
    await this.discardPending();
    await Promise.all([...this.peers.values()].map((peer) => peer.close()));
  }
}
