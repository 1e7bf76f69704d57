import packageJson from "../package.json" with { type: "json" };

/** batch-advisor's version, inlined by the Action's bundle so nothing is read at run time. */
export const VERSION: string = packageJson.version;
