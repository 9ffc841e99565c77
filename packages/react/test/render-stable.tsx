import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { WacallMessagesProvider } from '../src/i18n/messages-context';

function English({ children }: { children?: ReactNode }) {
  return (
    <WacallMessagesProvider locale="en-US" timeZone="UTC">
      {children}
    </WacallMessagesProvider>
  );
}

/**
 * Renders in English with the provider as a wrapper, so `rerender()` updates the component in place
 * (a hook keeps its state) instead of mounting a new tree.
 */
export function renderStable(ui: ReactElement) {
  return render(ui, { wrapper: English });
}
