export { default } from '@citybrain/eslint-config';
