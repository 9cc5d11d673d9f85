/** The target API's declarations, generated at build time (src/app/editor/apiDts.ts). */
declare module "virtual:dm-playground-api" {
  /** Paths inside the virtual `node_modules/dm-playground/` package -> declaration text. */
  const files: Record<string, string>;
  export default files;
}
