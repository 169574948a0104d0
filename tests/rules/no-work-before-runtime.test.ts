// The rule's cases, one module per runtime (each registers its RuleTester suites).
import './no-work-before-runtime/angular.js';
import './no-work-before-runtime/electron.js';
import './no-work-before-runtime/electron-cjs.js';
import './no-work-before-runtime/fastify.js';
import './no-work-before-runtime/pinia.js';
import './no-work-before-runtime/user.js';
import './no-work-before-runtime/vue.js';
import './no-work-before-runtime/workers.js';
