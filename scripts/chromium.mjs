// How every browser test, story run and browser bench here starts Chromium: Debian's build, never a
// downloaded browser, headless, with nothing that phones home (the machines reach no other network).

/** `/usr/bin/chromium` unless `CHROMIUM_PATH` says otherwise. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * For calls with audio: a fake microphone that is always allowed, WebRTC over the loopback interface
 * (the simulated relay listens on 127.0.0.1), and remote audio that plays without a click.
 */
export const chromiumMediaArgs = [
  ...chromiumArgs,
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];
