export { default } from '@citybrain/devstack/vitest-config';
