// The repo's shared config (typed linting) plus React hooks and Next.js rules for the pages.
import base from '@citybrain/eslint-config';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';

export default [
  ...base,
  { ignores: ['next-env.d.ts'] },
  {
    files: ['app/**/*.{ts,tsx}', 'src/wall/**/*.{ts,tsx}', 'src/duty/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
    },
  },
];
