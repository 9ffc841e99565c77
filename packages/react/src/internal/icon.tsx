import { cx } from './cx';

// The glyphs live in styles.css as SVG masks: one empty element per icon keeps long lists cheap to lay
// out. Each icon is decorative (the text beside it carries the meaning), so it is hidden from assistive tech.
export type IconName =
  | 'phone'
  | 'hangUp'
  | 'incoming'
  | 'outgoing'
  | 'check'
  | 'cross'
  | 'clock'
  | 'alert'
  | 'shieldCheck'
  | 'shieldCross'
  | 'send'
  | 'person'
  | 'history'
  | 'microphone'
  | 'microphoneOff'
  | 'signal';

// Arrows and the paper plane point along the reading direction, so they mirror in right-to-left text.
const mirrored: ReadonlySet<IconName> = new Set<IconName>(['incoming', 'outgoing', 'send']);

/** The classes that draw an icon's glyph, plus mirroring in right-to-left text where the icon needs it. */
export function glyphClass(name: IconName): string {
  return mirrored.has(name) ? `wacall-glyph--${name} wacall-icon--mirror` : `wacall-glyph--${name}`;
}

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return <span className={cx('wacall-icon', glyphClass(name), className)} aria-hidden="true" />;
}
