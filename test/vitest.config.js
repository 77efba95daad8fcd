'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
var config_1 = require('vitest/config');
// End-to-end tests start real processes: run files one at a time on this 2-core machine.
exports.default = (0, config_1.defineConfig)({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
