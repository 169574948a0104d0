// Incident: the router module asks the auth store for the session while it
// loads. main.ts imports the router before it calls `app.use(pinia)`, so Pinia
// throws '"getActivePinia()" was called but there was no active Pinia' and the
// app renders a blank page. Call `useAuthStore()` inside the guard instead.
import { createRouter, createWebHistory } from 'vue-router';

import { useAuthStore } from './stores/auth.js';

const auth = useAuthStore();

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: () => import('./views/HomeView.vue') },
    { path: '/account', component: () => import('./views/AccountView.vue'), meta: { requiresAuth: true } },
  ],
});

router.beforeEach((to) => (to.meta['requiresAuth'] === true && auth.token === null ? '/login' : true));
