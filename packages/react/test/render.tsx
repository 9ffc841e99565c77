import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { WacallMessagesProvider } from '../src/i18n/messages-context';

/** Renders with a fixed locale and zone, so dates read the same on every machine. */
export function renderInEnglish(ui: ReactElement) {
  return render(
    <WacallMessagesProvider locale="en-US" timeZone="UTC">
      {ui}
    </WacallMessagesProvider>,
  );
}

/** The text of every element an element's aria-describedby points to. */
export function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The polite live region inside `root`. */
export function liveRegion(root: HTMLElement): HTMLElement {
  const region = root.querySelector<HTMLElement>('[role="status"][aria-live="polite"]');
  if (!region) throw new Error('No polite live region rendered');
  return region;
}

/** Resolves or rejects later, when the test says so. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
