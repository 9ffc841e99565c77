import axe from 'axe-core';

// Component-level rules only: landmarks and the page's single <h1> belong to the host page, not to a story.
const pageLevelRules = ['region', 'page-has-heading-one', 'landmark-one-main'];

/** Runs axe on `root` and throws a readable list of every violation it finds. */
export async function expectNoAxeViolations(root: Element): Promise<void> {
  const results = await axe.run(root, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: Object.fromEntries(pageLevelRules.map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
  });
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`,
        )
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`axe found ${results.violations.length} accessibility violation(s):\n${report}`);
}
