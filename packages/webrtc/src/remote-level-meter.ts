/** Reads the loudness of a stream, 0–1 (RMS of the waveform), for a level meter. */
export interface LevelMeter {
  read(): number;
  close(): void;
}

/**
 * Measures the customer's audio with Web Audio. Chromium computes the inbound `audioLevel` stat
 * only while something plays the track out, which a muted or headless page never does.
 */
export function createLevelMeter(stream: MediaStream): LevelMeter | undefined {
  if (typeof AudioContext === 'undefined') return undefined;
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    read() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return Math.min(1, Math.sqrt(sum / samples.length));
    },
    close() {
      void context.close();
    },
  };
}
