/* global document, performance -- this page runs in the browser */
// The benchmark page: the same 50 activity texts as ActivityTimeline and as a plain <ul>, each mounted and
// then re-rendered with one new activity on top. Bundled by ../react-timeline.bench.mjs; runs in Chromium.
import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ActivityTimeline, WacallMessagesProvider } from '@wacall/react';

const NOW = Date.UTC(2026, 2, 3, 14, 5);
const samples = [
  ['call.answered_by_agent', { seconds: 4 }, 'Picked up by Sam Lee after 4 s'],
  ['call.ended_by_agent', { durationSeconds: 312 }, 'Ended by Sam Lee after 5:12'],
  ['call.missed_no_answer', { seconds: 30 }, 'Missed: no agent answered within 30 s'],
  ['permission_request.sent', { channel: 'free_form' }, 'Call permission request sent by Sam Lee'],
  ['permission.granted', { permanent: false }, 'The customer granted temporary call permission'],
  ['call.rejected_by_customer', { seconds: 5 }, 'Rejected by the customer after 5 s'],
  ['call_invite.sent', { channel: 'template' }, 'Call invite sent by Sam Lee as a template'],
  [
    'call.dropped',
    { side: 'customer', durationSeconds: 48 },
    'Dropped after 0:48: network problem',
  ],
];

const UPDATES = 20;

function activity(index) {
  const [kind, params, text] = samples[(index + UPDATES) % samples.length];
  // Two hours apart, so 50 activities span five days and several day groups.
  const at = NOW - (index + UPDATES) * 7_200_000;
  return {
    id: `a${index}`,
    at,
    kind,
    params,
    customer: '34600111222',
    text: `${text} (#${index})`,
  };
}

// Index 0 is the newest; the updates add activities -1, -2, … on top, one at a time, like a live feed.
const history = Array.from({ length: 50 + UPDATES }, (_, index) => activity(index - UPDATES));
const latest = (newest) => history.slice(UPDATES - newest);

function Timeline({ activities }) {
  return h(
    WacallMessagesProvider,
    { locale: 'en-US', timeZone: 'UTC' },
    h(ActivityTimeline, { activities, now: NOW }),
  );
}

// The same latest 50 texts, with nothing else: what any list costs React and the browser.
function PlainList({ activities }) {
  return h(
    'ul',
    null,
    activities.slice(0, 50).map((a) => h('li', { key: a.id }, a.text)),
  );
}

const subjects = { timeline: Timeline, baseline: PlainList };
const rowSelectors = { timeline: '.wacall-activity', baseline: 'li' };

// Render synchronously, then force style and layout: the work the browser must finish before it can paint.
function renderedAndLaidOut(root, element, container) {
  const start = performance.now();
  flushSync(() => root.render(element));
  void container.getBoundingClientRect().height;
  void document.body.offsetHeight;
  return performance.now() - start;
}

/**
 * Mounts one subject with 50 activities into a fresh container, then adds one new activity on top
 * `UPDATES` times; returns the mount time and the mean time per update (ms), then cleans up.
 */
globalThis.runOnce = (name) => {
  const Subject = subjects[name];
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const mount = renderedAndLaidOut(root, h(Subject, { activities: latest(0) }), container);
  const rows = container.querySelectorAll(rowSelectors[name]).length;
  let updates = 0;
  for (let newest = 1; newest <= UPDATES; newest++) {
    updates += renderedAndLaidOut(root, h(Subject, { activities: latest(newest) }), container);
  }
  const first = container.querySelector(rowSelectors[name])?.textContent ?? '';
  root.unmount();
  container.remove();
  return { mount, update: updates / UPDATES, rows, first };
};
