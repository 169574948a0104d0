// The modules that typed doc examples can import, relative to the example
// project's root. Each is what a real project would hold there, cut down to what
// the example needs.
export const projectFiles: Record<string, string> = {
  'main.ts': `import { createPinia } from 'pinia';

import router from './router.js';

declare const app: { use(plugin: unknown): typeof app };
app.use(router).use(createPinia());

export const routes = [{ path: '/settings', component: () => import('./views/settings.js') }];
`,
  'stores/auth.ts': `import { defineStore } from 'pinia';

export const useAuthStore = defineStore('auth', {
  state: () => ({ token: '' }),
});
`,
  'stores/user.ts': `import { defineStore } from 'pinia';

export default defineStore('user', {
  state: () => ({ name: '' }),
});
`,
  'dev-helpers.ts': `/** Marks code that is still to be written. */
export function pending(feature: string): never {
  throw new Error(\`TODO: \${feature}\`);
}
`,
  'tasks.ts': `export interface Task {
  title: string;
  done: boolean;
}

/** Creates a to-do item: a domain function that happens to be called \`todo\`. */
export function todo(title: string): Task {
  return { title, done: false };
}
`,
  'services.ts': `export interface Pool {
  query(sql: string): Promise<unknown[]>;
}
export interface Registry {
  lookup(name: string): string | undefined;
}
export interface Redis {
  get(key: string): Promise<string | null>;
}
export interface Config {
  url: string;
  locale: string;
}
export interface Encryption {
  encrypt(data: string): string;
}
export interface AuthClient {
  verify(token: string): Promise<boolean>;
}
`,
};
