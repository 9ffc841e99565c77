import { useId, type CSSProperties } from 'react';
import { meterPosition } from './meter-position';

export interface LevelMeterProps {
  label: string;
  /** RMS level, 0–1. */
  level: number;
  /** Which side of the call, for styling: `microphone` or `customer`. */
  source: 'microphone' | 'customer';
}

/** A labelled audio level bar; `role="meter"` gives assistive tech the value without announcing it. */
export function LevelMeter({ label, level, source }: LevelMeterProps) {
  const labelId = useId();
  const position = meterPosition(level);
  const percent = Math.round(position * 100);
  return (
    <span className="wacall-meter" data-source={source} data-active={percent > 0 || undefined}>
      <span id={labelId} className="wacall-meter__label">
        {label}
      </span>
      <span
        role="meter"
        className="wacall-meter__track"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        style={{ '--wacall-level': position } as CSSProperties}
      >
        <span className="wacall-meter__fill" />
      </span>
    </span>
  );
}
