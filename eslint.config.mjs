import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["client/out/**", "bundled/**", ".tools/**", "node_modules/**"] },
  ...tseslint.configs.strict,
  {
    files: ["client/src/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
