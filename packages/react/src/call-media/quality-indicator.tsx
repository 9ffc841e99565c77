import type { CallQuality } from '@wacall/webrtc';
import type { WacallMessages } from '../i18n/messages';
import { Icon } from '../internal/icon';
import { callQualityLevel } from './call-quality-level';

const tones = { good: 'success', fair: 'warning', poor: 'danger' } as const;

export interface QualityIndicatorProps {
  quality: CallQuality;
  text: WacallMessages['callMedia'];
}

/** The connection in one word with signal bars; the figures behind it follow for screen readers and on hover. */
export function QualityIndicator({ quality, text }: QualityIndicatorProps) {
  const level = callQualityLevel(quality);
  const word =
    level === 'good' ? text.qualityGood : level === 'fair' ? text.qualityFair : text.qualityPoor;
  const detail = text.qualityDetail(quality);
  return (
    <span className="wacall-quality" data-quality={level} data-tone={tones[level]} title={detail}>
      <Icon name="signal" />
      <span>{word}</span>
      <span className="wacall-visually-hidden">: {detail}</span>
    </span>
  );
}
