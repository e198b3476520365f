// The blocks' JS is plain browser ES2017: no framework, no globals but each init function.
import globals from "globals";

export default [
  {
    files: ["xblocks/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      "no-undef": "error",
      "no-unused-vars": ["error", { varsIgnorePattern: "^Seminar" }],
      "strict": ["error", "function"],
      "eqeqeq": "error",
      "no-implicit-globals": "error",
    },
  },
];
