import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8');

interface Rule {
  selector: string;
  media?: string;
  style: CSSStyleDeclaration;
}

const selectors = (rule: Rule) => rule.selector.split(',').map((one) => one.trim());

/** Every style rule of the stylesheet with the media condition it sits under, as the browser parses it. */
function rules(): Rule[] {
  const element = document.createElement('style');
  element.textContent = css;
  document.head.append(element);
  const sheet = element.sheet as CSSStyleSheet;
  const found: Rule[] = [];
  for (const rule of Array.from(sheet.cssRules)) {
    if (rule instanceof CSSStyleRule)
      found.push({ selector: rule.selectorText, style: rule.style });
    if (rule instanceof CSSMediaRule) {
      for (const inner of Array.from(rule.cssRules)) {
        if (inner instanceof CSSStyleRule) {
          found.push({
            selector: inner.selectorText,
            media: rule.media.mediaText,
            style: inner.style,
          });
        }
      }
    }
  }
  element.remove();
  return found;
}

describe('styles.css', () => {
  it('sets color-scheme on the components’ own elements only, never on the host page', () => {
    const setting = rules().filter((rule) => rule.style.getPropertyValue('color-scheme') !== '');
    expect(setting.map(selectors)).toEqual([["[class^='wacall-']", "[class*=' wacall-']"]]);
  });

  it('is light unless a container opts into dark', () => {
    const dark = rules().filter(
      (rule) => rule.style.getPropertyValue('--wacall-color-scheme').trim() === 'dark',
    );
    expect(dark.map(({ selector, media }) => ({ selector, media }))).toEqual([
      { selector: "[data-theme='dark']", media: undefined },
      { selector: "[data-theme='system']", media: '(prefers-color-scheme: dark)' },
    ]);
    const root = rules().find((rule) => selectors(rule).includes(':root'));
    expect(root?.style.getPropertyValue('--wacall-color-scheme').trim()).toBe('light');
  });

  it('defines every theming variable the dark theme overrides in the light defaults too', () => {
    const names = (style: CSSStyleDeclaration) =>
      Array.from(style).filter((name) => name.startsWith('--wacall-'));
    const all = rules();
    const light = new Set(names(all.find((rule) => selectors(rule).includes(':root'))!.style));
    const dark = names(all.find((rule) => rule.selector === "[data-theme='dark']")!.style);
    expect(dark.filter((name) => !light.has(name))).toEqual([]);
  });
});
