/**
 * A polite, visually hidden status region. It is always in the page, so screen readers are already
 * listening when its text changes; the first text it renders with is not announced.
 */
export function LiveRegion({ children }: { children?: string }) {
  return (
    <span className="wacall-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {children}
    </span>
  );
}
