import {
  IceFailedError,
  InvalidSdpError,
  MicrophoneDeniedError,
  MicrophoneNotFoundError,
} from '@wacall/webrtc';
import { describe, expect, it } from 'vitest';
import { englishMessages } from '../i18n/messages';
import { isCallMediaError, mediaErrorText } from './media-error-text';

const text = englishMessages.callMedia;

describe('mediaErrorText', () => {
  it('tells the agent what to do about each media error', () => {
    expect(mediaErrorText(new MicrophoneDeniedError(), text)).toBe(text.microphoneDenied);
    expect(mediaErrorText(new MicrophoneNotFoundError(), text)).toBe(text.microphoneNotFound);
    expect(mediaErrorText(new IceFailedError('connection_failed'), text)).toBe(text.iceFailed);
    expect(mediaErrorText(new InvalidSdpError('remote_offer', []), text)).toBe(text.invalidSdp);
  });

  it('passes a backend’s message through, after the failure', () => {
    expect(mediaErrorText(new Error('The call was answered elsewhere.'), text)).toBe(
      'The call audio failed. The call was answered elsewhere.',
    );
    expect(mediaErrorText(undefined, text)).toBe('The call audio failed.');
  });

  it('tells media errors from other failures', () => {
    expect(isCallMediaError(new MicrophoneDeniedError())).toBe(true);
    expect(isCallMediaError(new Error('offline'))).toBe(false);
  });
});
