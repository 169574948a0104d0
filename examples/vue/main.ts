// The app's entry. It imports the router, so router.ts runs (and calls the
// auth store) before the last line installs Pinia.
import { createPinia } from 'pinia';

import { router } from './router.js';

declare const app: { use(plugin: unknown): typeof app; mount(selector: string): void };

app.use(router).use(createPinia()).mount('#app');
