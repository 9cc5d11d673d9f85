import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "dist",
      "dist-*",
      "node_modules",
      "public",
      "golden",
      "test-results",
      "test-results-*",
      "playwright-report",
      "e2e-artifacts",
      ".scratch",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine runs in Node and in a worker: it must not reach for the UI or the DOM.
    files: ["src/engine/**/*.ts"],
    ignores: ["src/engine/**/*.test.ts"],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "react",
            "react-*",
            "zustand",
            "zustand/*",
            "d3",
            "d3-*",
            "../app/*",
            "../shell/*",
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "navigator", "self"],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The engine runs on virtual time." },
        { object: "Math", property: "random", message: "The engine is seeded; use its PRNG." },
        { object: "performance", property: "now", message: "The engine runs on virtual time." },
      ],
    },
  },
);
