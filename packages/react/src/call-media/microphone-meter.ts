import type { MicrophoneMeter } from './types';

/**
 * Measures the agent's microphone with Web Audio (RMS of the waveform, 0–1), so the agent sees that
 * the customer can hear them. Where Web Audio is missing (server, jsdom) there is no meter.
 */
export function meterMicrophone(track: MediaStreamTrack): MicrophoneMeter | undefined {
  if (typeof AudioContext === 'undefined' || typeof MediaStream === 'undefined') return undefined;
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    read() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return Math.min(1, Math.sqrt(sum / samples.length));
    },
    close() {
      source.disconnect();
      void context.close();
    },
  };
}
