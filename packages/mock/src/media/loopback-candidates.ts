/**
 * Keeps only the `a=candidate` lines whose address is in `addresses`, so a simulated peer never
 * asks a browser to send media to any other interface of the machine.
 */
export function keepCandidates(sdp: string, addresses: readonly string[]): string {
  return sdp
    .split('\r\n')
    .filter((line) => {
      if (!line.startsWith('a=candidate:')) return true;
      const address = line.split(' ')[4];
      return address !== undefined && addresses.includes(address);
    })
    .join('\r\n');
}
