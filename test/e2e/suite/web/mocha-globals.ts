// What the test files import from 'mocha' in the web bundle: mocha's browser build defines
// describe, it, before and after on the global scope when the runner sets it up (web/index.ts).
type Global = Record<'describe' | 'it' | 'before' | 'after' | 'beforeEach' | 'afterEach', (...args: unknown[]) => unknown>;
const global = () => globalThis as unknown as Global;

export const describe = (...args: unknown[]) => global().describe(...args);
export const it = (...args: unknown[]) => global().it(...args);
export const before = (...args: unknown[]) => global().before(...args);
export const after = (...args: unknown[]) => global().after(...args);
export const beforeEach = (...args: unknown[]) => global().beforeEach(...args);
export const afterEach = (...args: unknown[]) => global().afterEach(...args);
