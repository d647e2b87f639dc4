// Lint rules: TypeScript and React hooks hygiene, and the direction of dependencies between layers.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_PACKAGES = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', '@xyflow/*'];
const UI_FOLDERS = ['**/store/**', '**/canvas/**', '**/panels/**', '**/app/**'];

/** The pure core (model, simulation, analysis, exports, persistence, CLI) runs in Node: no UI, no layout engine. */
const pureCore = {
  patterns: [
    { group: UI_PACKAGES, message: 'The pure core must not import UI libraries (see shared/style.md).' },
    { group: ['elkjs', 'elkjs/*'], message: 'Layout lives in src/layout, not in the pure core.' },
    { group: UI_FOLDERS, message: 'The pure core must not import UI code.' },
  ],
};

/** The rules, the simulator and the analysis know designs, not how a live board shares them. */
const noSharing = { group: ['yjs', 'y-protocols', 'y-protocols/*', '@hocuspocus/*', '**/collab/**'], message: 'Live boards live in src/collab and server/; the model does not know them.' };

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/model/**', 'src/simulation/**', 'src/analysis/**', 'src/export/**', 'src/persistence/**', 'src/cli/**', 'src/collab/**'],
    rules: { 'no-restricted-imports': ['error', pureCore] },
  },
  {
    files: ['src/model/**', 'src/simulation/**', 'src/analysis/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...pureCore.patterns, noSharing] }] },
  },
  {
    files: ['src/layout/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...UI_PACKAGES, ...UI_FOLDERS], message: 'Layout is UI-free.' }] }] },
  },
);
