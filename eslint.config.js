// Lint with layer boundaries: what each folder may import is enforced here, not left to review.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_MODULES = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
  'http',
  'https',
  'net',
]
const nodeImports = [...NODE_MODULES, ...NODE_MODULES.map((m) => `node:${m}`)]

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // shared/ is pure: no Node, no DOM, no Electron, no native modules.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeImports, 'electron', 'react', 'react-dom', 'sharp', 'tesseract.js'].map((name) => ({
            name,
            message: 'shared/ must stay pure (no Node, DOM, Electron or native modules).',
          })),
          patterns: [{ group: ['node:*', '**/electron/**', '**/renderer/**', '**/bin/**'], message: 'shared/ imports nobody.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'setTimeout', 'fetch'],
    },
  },
  {
    // Services and the CLI run without Electron: they must never import it.
    files: ['electron/services/**/*.ts', 'bin/**/*.ts', 'bin/**/*.js'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services and the CLI must run without Electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'No UI code here.' }],
        },
      ],
    },
  },
  {
    // The renderer is browser code: no Node, no Electron; it reaches the main process via api.ts only.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeImports, 'electron', 'sharp', 'tesseract.js'].map((name) => ({
            name,
            message: 'The renderer runs in a sandboxed browser.',
          })),
          patterns: [
            {
              group: ['node:*', '**/electron/**', '**/bin/**'],
              message: 'The renderer talks to the main process only through renderer/src/api.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // One IPC door each way (architecture.md): ipcMain only in ipc/register.ts, ipcRenderer only in the preload.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/register.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Only electron/main/ipc/register.ts touches ipcMain (the renderer: the preload).',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'electron', property: 'ipcMain', message: 'Only electron/main/ipc/register.ts touches ipcMain.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js', '*.config.js', '*.config.ts', 'test/**/*.ts', 'test/**/*.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // CommonJS preloads for child processes under test (they must patch built-ins before ESM loads).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
