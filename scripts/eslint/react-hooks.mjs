// The two rules of React's hooks, as a small local ESLint plugin (the registry's
// eslint-plugin-react-hooks is not in this workspace's offline store). It checks what React's
// "Rules of Hooks" page states, and the dependency lists of effects, callbacks and memos:
// - rules-of-hooks: a hook is called at the top level of a component or another hook, never in a
//   condition, a loop, a nested function or after an early return;
// - exhaustive-deps: every value of the component that an effect, callback or memo reads is in its
//   dependency list, except what React keeps stable (useState/useReducer setters, useRef objects).

const isHookName = (name) => /^use[A-Z0-9]/.test(name);
const isComponentName = (name) => /^[A-Z]/.test(name);
// React 19's `use` may be called conditionally by design.
// `useX()` or `Namespace.useX()` (e.g. `React.useState`); `vi.useFakeTimers()` or `text.useLabel()` are
// methods of a value, not hooks.
const hookNameOf = (callee) => {
  if (callee.type === 'Identifier') return callee.name;
  if (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    /^[A-Z]/.test(callee.object.name) &&
    callee.property.type === 'Identifier'
  )
    return callee.property.name;
  return undefined;
};
const isFunction = (node) =>
  node.type === 'FunctionDeclaration' ||
  node.type === 'FunctionExpression' ||
  node.type === 'ArrowFunctionExpression';

/** The name a function is known by: its own, its variable's, or the component wrapped by memo/forwardRef. */
function functionName(fn) {
  if (fn.id) return fn.id.name;
  let node = fn;
  // `memo(function X() {})`, `forwardRef((props, ref) => …)` assigned to a variable.
  while (
    node.parent?.type === 'CallExpression' &&
    ['memo', 'forwardRef'].includes(hookNameOf(node.parent.callee) ?? '')
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier')
    return parent.id.name;
  if (parent?.type === 'Property' && parent.key.type === 'Identifier') return parent.key.name;
  if (parent?.type === 'MethodDefinition' && parent.key.type === 'Identifier')
    return parent.key.name;
  if (node !== fn) return 'Component';
  return undefined;
}

function insideComponentOrHook(fn) {
  for (let node = fn.parent; node; node = node.parent) {
    if (!isFunction(node)) continue;
    const name = functionName(node);
    if (name !== undefined && (isComponentName(name) || isHookName(name))) return true;
  }
  return false;
}

const conditional = new Set([
  'IfStatement',
  'ConditionalExpression',
  'SwitchCase',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'TryStatement',
  'CatchClause',
]);

/** Whether a statement list holds a `return` of its own function (not of a nested one). */
function containsReturn(node) {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'ReturnStatement') return true;
  if (isFunction(node)) return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value) ? value.some(containsReturn) : value?.type && containsReturn(value))
      return true;
  }
  return false;
}

const rulesOfHooks = {
  meta: {
    type: 'problem',
    docs: { description: 'Call hooks only at the top level of components and other hooks.' },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const name = hookNameOf(node.callee);
        if (!name || !isHookName(name)) return;
        let child = node;
        let parent = node.parent;
        while (parent && !isFunction(parent)) {
          const inBranch =
            conditional.has(parent.type) &&
            !(parent.type === 'IfStatement' && child === parent.test) &&
            !(parent.type === 'ConditionalExpression' && child === parent.test);
          const inShortCircuit =
            (parent.type === 'LogicalExpression' && child === parent.right) ||
            (parent.type === 'ChainExpression' && child !== node) ||
            (parent.type === 'AssignmentPattern' && child === parent.right);
          if (inBranch || inShortCircuit) {
            context.report({
              node,
              message: `React Hook "${name}" is called conditionally. Hooks must run in the same order on every render: call it unconditionally and branch on its result.`,
            });
            return;
          }
          child = parent;
          parent = parent.parent;
        }
        if (!parent) {
          context.report({
            node,
            message: `React Hook "${name}" is called at module level. Call it inside a component or a custom hook.`,
          });
          return;
        }
        const owner = functionName(parent);
        const reactive = (name) =>
          name !== undefined && (isComponentName(name) || isHookName(name));
        // An anonymous callback outside any component (a test's `renderHook(() => useX())`) is the
        // caller's business; inside a component it runs at another time than the render.
        if (!owner && !insideComponentOrHook(parent)) return;
        if (!reactive(owner)) {
          context.report({
            node,
            message: `React Hook "${name}" is called in ${owner ? `"${owner}"` : 'a nested function'}, which is neither a component nor a hook. Call it at the top level of the component and pass its result in.`,
          });
          return;
        }
        if (parent.body.type !== 'BlockStatement') return;
        // The top-level statement of the function that holds the call.
        let own = node;
        while (own.parent !== parent.body) own = own.parent;
        for (const statement of parent.body.body) {
          if (statement === own) break;
          if (containsReturn(statement)) {
            context.report({
              node,
              message: `React Hook "${name}" is called after an early return, so it does not run on every render. Move it above the return.`,
            });
            return;
          }
        }
      },
    };
  },
};

// Hooks whose first argument is a callback and whose dependency list is at this index.
const depsIndex = {
  useEffect: 1,
  useLayoutEffect: 1,
  useInsertionEffect: 1,
  useCallback: 1,
  useMemo: 1,
  useImperativeHandle: 2,
};

/** Whether the variable holds something React keeps the same across renders. */
function isStable(variable) {
  const definition = variable.defs[0];
  if (!definition || definition.type !== 'Variable') return false;
  const declarator = definition.node;
  const init = declarator.init;
  if (init?.type !== 'CallExpression') return false;
  const hook = hookNameOf(init.callee);
  if (hook === 'useRef' && declarator.id.type === 'Identifier') return true;
  if (
    ['useState', 'useReducer', 'useActionState'].includes(hook) &&
    declarator.id.type === 'ArrayPattern'
  ) {
    return (
      declarator.id.elements[1]?.type === 'Identifier' &&
      declarator.id.elements[1].name === variable.name
    );
  }
  if (hook === 'useTransition' && declarator.id.type === 'ArrayPattern') {
    return (
      declarator.id.elements[1]?.type === 'Identifier' &&
      declarator.id.elements[1].name === variable.name
    );
  }
  return false;
}

/** `a`, `a.b`, `a?.b.c`: the identifier a dependency entry starts from. */
function rootName(node) {
  let current = node;
  while (current) {
    if (current.type === 'Identifier') return current.name;
    if (current.type === 'MemberExpression') current = current.object;
    else if (current.type === 'ChainExpression') current = current.expression;
    else if (current.type === 'TSNonNullExpression') current = current.expression;
    else return undefined;
  }
  return undefined;
}

const exhaustiveDeps = {
  meta: {
    type: 'problem',
    docs: { description: 'List every reactive value an effect, callback or memo reads.' },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        const name = hookNameOf(node.callee);
        const index = name === undefined ? undefined : depsIndex[name];
        if (index === undefined) return;
        const callback = node.arguments[index - 1];
        const deps = node.arguments[index];
        if (!callback || !isFunction(callback) || deps?.type !== 'ArrayExpression') return;
        let component = node.parent;
        while (component && !isFunction(component)) component = component.parent;
        if (!component) return;
        const componentScope = sourceCode.getScope(component);
        const listed = new Set(deps.elements.map((element) => element && rootName(element)));
        const missing = new Set();
        const callbackScope = sourceCode.getScope(callback);
        const visit = (scope) => {
          for (const reference of scope.through) {
            const variable = reference.resolved;
            if (!variable || reference.isTypeReference) continue;
            // Reactive: declared in the component (its parameters, body or a block of it).
            let declaredIn = variable.scope;
            while (declaredIn && declaredIn !== componentScope) declaredIn = declaredIn.upper;
            if (!declaredIn) continue;
            if (variable.scope === callbackScope || isStable(variable)) continue;
            if (!listed.has(variable.name)) missing.add(variable.name);
          }
        };
        visit(callbackScope);
        if (missing.size > 0) {
          const names = [...missing].sort();
          context.report({
            node: deps,
            message: `React Hook ${name} has ${names.length === 1 ? 'a missing dependency' : 'missing dependencies'}: ${names.map((n) => `'${n}'`).join(', ')}. Include ${names.length === 1 ? 'it' : 'them'}, or move the value out of the component if it never changes.`,
          });
        }
      },
    };
  },
};

export default {
  meta: { name: 'wacall-react-hooks' },
  rules: { 'rules-of-hooks': rulesOfHooks, 'exhaustive-deps': exhaustiveDeps },
};
