/**
 * The version `kpi-scorecard --version` prints. A constant rather than a read of package.json at
 * run time: the bundle in lib/cli-bundle/ runs from wherever it is installed, and a test keeps
 * this equal to package.json's version and to the manifest's (test/cli/bin.test.ts).
 */
export const VERSION = "0.1.0";
