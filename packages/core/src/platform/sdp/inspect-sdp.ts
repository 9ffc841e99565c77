import type { SdpCandidate, SdpMediaSection, SdpSummary } from './sdp-summary';

/**
 * Reads an SDP into a small typed summary (media sections, codecs, DTLS and ICE attributes,
 * candidates, line endings). Never throws: unreadable lines are skipped, so check the result with
 * `checkOfferSdp()` / `checkAnswerSdp()`.
 */
export function inspectSdp(sdp: string): SdpSummary {
  const crlf = sdp.split('\r\n').length - 1;
  const lf = sdp.split('\n').length - 1 - crlf;
  const trimmed = sdp.trim();
  const session = emptySection('session');
  const media: SdpMediaSection[] = [];
  let current = session;
  const fmtp = new Map<SdpMediaSection, Map<number, string>>();
  let iceLite = false;
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      const [kind = '', port = '', protocol = ''] = line.slice(2).split(' ');
      current = { ...emptySection(kind), port: Number(port), protocol };
      media.push(current);
      continue;
    }
    if (line === 'a=ice-lite') iceLite = true;
    else if (line.startsWith('a=')) readAttribute(current, line.slice(2), fmtp);
  }
  for (const section of media) {
    section.fingerprint ??= session.fingerprint;
    section.setup ??= session.setup;
    section.iceUfrag ??= session.iceUfrag;
    section.icePwd ??= session.icePwd;
    for (const codec of section.codecs) {
      const parameters = fmtp.get(section)?.get(codec.payloadType);
      if (parameters !== undefined) codec.parameters = parameters;
    }
  }
  return {
    lineEndings: crlf && lf ? 'mixed' : crlf ? 'crlf' : lf ? 'lf' : 'none',
    jsonEncoded: trimmed.startsWith('{') || trimmed.startsWith('"'),
    startsWithVersion: trimmed.startsWith('v=0'),
    iceLite,
    media,
  };
}

function emptySection(kind: string): SdpMediaSection {
  return {
    kind,
    port: 0,
    protocol: '',
    codecs: [],
    candidates: [],
    endOfCandidates: false,
    crypto: false,
  };
}

function readAttribute(
  section: SdpMediaSection,
  attribute: string,
  fmtp: Map<SdpMediaSection, Map<number, string>>,
): void {
  const colon = attribute.indexOf(':');
  const name = colon < 0 ? attribute : attribute.slice(0, colon);
  const value = colon < 0 ? '' : attribute.slice(colon + 1);
  const [first = '', second = ''] = value.split(' ');
  switch (name) {
    case 'rtpmap': {
      const [codec = '', rate = '', channels] = second.split('/');
      section.codecs.push({
        payloadType: Number(first),
        name: codec,
        clockRate: Number(rate),
        ...(channels ? { channels: Number(channels) } : {}),
      });
      break;
    }
    case 'fmtp': {
      const byType = fmtp.get(section) ?? new Map<number, string>();
      byType.set(Number(first), value.slice(first.length + 1));
      fmtp.set(section, byType);
      break;
    }
    case 'fingerprint':
      section.fingerprint = { algorithm: first.toLowerCase(), value: second };
      break;
    case 'candidate': {
      const candidate = readCandidate(value);
      if (candidate) section.candidates.push(candidate);
      break;
    }
    case 'setup':
    case 'mid':
      section[name] = value;
      break;
    case 'ice-ufrag':
      section.iceUfrag = value;
      break;
    case 'ice-pwd':
      section.icePwd = value;
      break;
    case 'end-of-candidates':
      section.endOfCandidates = true;
      break;
    case 'crypto':
      section.crypto = true;
      break;
    case 'sendrecv':
    case 'sendonly':
    case 'recvonly':
    case 'inactive':
      section.direction = name;
  }
}

function readCandidate(value: string): SdpCandidate | undefined {
  const [foundation, component, transport, priority, address, port, , type] = value.split(' ');
  if (!address || !type) return undefined;
  return {
    foundation: foundation ?? '',
    component: Number(component),
    transport: (transport ?? '').toLowerCase(),
    priority: Number(priority),
    address,
    port: Number(port),
    type,
    family: address.endsWith('.local') ? 'mdns' : address.includes(':') ? 'ipv6' : 'ipv4',
  };
}
