import type { Decorator, Preview } from '@storybook/react-vite';
import { WacallMessagesProvider } from '../packages/react/src/index';
import '../packages/react/src/styles.css';
import './preview.css';
import { expectNoAxeViolations } from './axe-check';

// The theme is set on <html> so dialogs portalled to <body> share it.
const withThemeAndLocale: Decorator = (Story, context) => {
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  context.canvasElement.ownerDocument.documentElement.setAttribute('data-theme', theme);
  // A fixed locale and zone keep every date in the stories (and their assertions) the same on any machine.
  return (
    <WacallMessagesProvider locale="en-US" timeZone="UTC">
      <Story />
    </WacallMessagesProvider>
  );
};

const preview: Preview = {
  decorators: [withThemeAndLocale],
  globalTypes: {
    theme: {
      description: 'Colour theme of the components',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  // Every story, in the browser and in the test run, must pass axe once its play function is done.
  afterEach: async ({ canvasElement }) => {
    await expectNoAxeViolations(canvasElement.ownerDocument.body);
  },
};

export default preview;
