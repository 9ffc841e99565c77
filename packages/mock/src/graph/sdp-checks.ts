/** The platform's checks of an SDP the business sends with connect, pre_accept or accept. */

/**
 * What the platform would find wrong with an SDP the business sent (empty when it is acceptable).
 * `srtp` is the number's `srtp_key_exchange_protocol`: DTLS needs a fingerprint, SDES a crypto line.
 */
export function findSdpProblems(sdp: unknown, srtp: 'DTLS' | 'SDES' = 'DTLS'): string[] {
  if (typeof sdp !== 'string' || sdp.trim() === '')
    return ['session.sdp must be a non-empty string'];
  if (sdp.trimStart().startsWith('{')) {
    return [
      'session.sdp is a JSON object; send the SDP text itself (the legacy connection.webrtc format is not accepted here)',
    ];
  }
  if (!sdp.startsWith('v=0')) return ['session.sdp must start with "v=0"'];
  const lines = sdp.split(/\r?\n/);
  const has = (prefix: string) => lines.some((line) => line.startsWith(prefix));
  const problems: string[] = [];
  const media = lines.filter((line) => line.startsWith('m='));
  if (media.length !== 1 || !media[0]?.startsWith('m=audio ')) {
    problems.push('session.sdp must contain exactly one m=audio section');
  }
  if (!has('a=ice-ufrag:') || !has('a=ice-pwd:')) {
    problems.push('session.sdp lacks ICE credentials (a=ice-ufrag and a=ice-pwd)');
  }
  if (srtp === 'DTLS' && !has('a=fingerprint:')) {
    problems.push('session.sdp lacks a DTLS a=fingerprint line');
  }
  if (srtp === 'SDES' && !has('a=crypto:')) {
    problems.push('session.sdp lacks an SDES a=crypto line (the number uses SDES key exchange)');
  }
  if (!lines.some((line) => /^a=rtpmap:\d+ opus\/48000\/2$/i.test(line.trim()))) {
    problems.push('session.sdp does not offer Opus (a=rtpmap:<pt> opus/48000/2)');
  }
  return problems;
}
