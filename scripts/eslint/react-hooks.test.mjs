// Run with `node --test scripts/eslint/`: the local hooks rules against code they must accept and refuse.
import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import reactHooks from './react-hooks.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

tester.run('rules-of-hooks', reactHooks.rules['rules-of-hooks'], {
  valid: [
    'function Panel() { const [a] = useState(0); useEffect(() => {}, []); return a; }',
    'function useCounter() { return React.useState(0); }',
    'const Panel = memo(function () { useState(0); return null; });',
    'const Field = forwardRef((props, ref) => { useImperativeHandle(ref, () => ({}), []); return null; });',
    'function Panel() { const x = useMemo(() => 1, []); if (!x) return null; return x; }',
    "it('renders', () => { renderHook(() => useCounter()); });",
    'function Panel({ text }) { return text.useLabel(); }',
    "it('ticks', () => { vi.useFakeTimers(); });",
  ],
  invalid: [
    {
      code: 'function Panel({ on }) { if (on) { useState(0); } return null; }',
      errors: [{ message: /called conditionally/ }],
    },
    {
      code: 'function Panel({ on }) { const a = on && useMemo(() => 1, []); return a; }',
      errors: [{ message: /called conditionally/ }],
    },
    {
      code: 'function Panel({ items }) { for (const i of items) useState(i); return null; }',
      errors: [{ message: /called conditionally/ }],
    },
    {
      code: 'function Panel({ on }) { if (!on) return null; const [a] = useState(0); return a; }',
      errors: [{ message: /after an early return/ }],
    },
    {
      code: 'function Panel() { useEffect(() => { useState(0); }, []); return null; }',
      errors: [{ message: /a nested function/ }],
    },
    {
      code: 'function render() { return useState(0); }',
      errors: [{ message: /"render", which is neither a component nor a hook/ }],
    },
    { code: 'const state = useState(0);', errors: [{ message: /module level/ }] },
  ],
});

tester.run('exhaustive-deps', reactHooks.rules['exhaustive-deps'], {
  valid: [
    'function Panel({ id }) { useEffect(() => { load(id); }, [id]); return null; }',
    'function Panel(props) { useEffect(() => { load(props.id); }, [props.id]); return null; }',
    'function Panel() { const [n, setN] = useState(0); useEffect(() => { setN(1); }, []); return n; }',
    'function Panel() { const ref = useRef(null); useEffect(() => { ref.current = 1; }, []); return null; }',
    'const limit = 3; function Panel() { useEffect(() => { load(limit); }, []); return null; }',
    'function Panel() { useEffect(() => { const local = 1; load(local); }, []); return null; }',
    'function Panel({ id }) { useEffect(() => { load(id); }); return null; }',
  ],
  invalid: [
    {
      code: 'function Panel({ id }) { useEffect(() => { load(id); }, []); return null; }',
      errors: [
        {
          message:
            "React Hook useEffect has a missing dependency: 'id'. Include it, or move the value out of the component if it never changes.",
        },
      ],
    },
    {
      code: 'function Panel({ a, b }) { const f = useCallback(() => a + b, [a]); return f; }',
      errors: [{ message: /missing dependency: 'b'/ }],
    },
    {
      code: 'function useThing(x) { const y = x * 2; return useMemo(() => ({ x, y }), []); }',
      errors: [{ message: /missing dependencies: 'x', 'y'/ }],
    },
    {
      code: 'function Panel() { const [n] = useState(0); useEffect(() => { log(n); }, []); return n; }',
      errors: [{ message: /missing dependency: 'n'/ }],
    },
  ],
});
