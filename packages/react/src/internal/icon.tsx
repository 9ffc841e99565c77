// Outline icons on a 24-unit grid, drawn with the current text colour. Each is decorative: the text next
// to it carries the meaning, so it stays hidden from assistive technology.
const paths = {
  phone:
    'M6.5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16.5 16.5 0 0 1 4.5 5.5a2 2 0 0 1 2-2z',
  hangUp: 'M3 14.5c5-4.5 13-4.5 18 0l-1.8 2.6-3.7-1.3v-2.6a12 12 0 0 0-7 0v2.6l-3.7 1.3z',
  incoming: 'M17 7 7 17M7 9v8h8',
  outgoing: 'M7 17 17 7M9 7h8v8',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M7 7l10 10M17 7 7 17',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18M12 7.5V12l3 2',
  alert: 'M12 3.5 2.5 20h19zM12 10v4.5M12 17.5v.01',
  shieldCheck:
    'M12 3l7.5 3v5.5c0 4.6-3.2 8-7.5 9.5-4.3-1.5-7.5-4.9-7.5-9.5V6zM8.5 12l2.5 2.5 4.5-4.5',
  shieldCross:
    'M12 3l7.5 3v5.5c0 4.6-3.2 8-7.5 9.5-4.3-1.5-7.5-4.9-7.5-9.5V6zM9.5 9.5l5 5M14.5 9.5l-5 5',
  send: 'M3.5 11.5 20.5 4l-7 16.5-2.5-6.5z',
  person: 'M12 4a3.5 3.5 0 1 0 0 7 3.5 3.5 0 1 0 0-7M5 20c.8-3.8 3.6-6 7-6s6.2 2.2 7 6',
  history: 'M4 12a8 8 0 1 0 2.3-5.7L4 8.5M4 4v4.5h4.5M12 8v4l3 2',
} as const;

export type IconName = keyof typeof paths;

// Arrows and the paper plane point along the reading direction, so they mirror in right-to-left text.
const mirrored: ReadonlySet<IconName> = new Set<IconName>(['incoming', 'outgoing', 'send']);

export function Icon({ name, className }: { name: IconName; className?: string }) {
  const classes = ['wacall-icon', mirrored.has(name) ? 'wacall-icon--mirror' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <svg
      className={classes}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
