export { buildApp } from './app.ts';
export { createConsoleComponents, type ConsoleComponents } from './wiring.ts';
export { ConsoleConfig } from './config.ts';
