import { defineStore } from 'pinia';

export const useAuthStore = defineStore('auth', {
  state: () => ({ token: null as string | null }),
  actions: {
    signOut() {
      this.token = null;
    },
  },
});
