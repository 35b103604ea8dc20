import type { BuildOptions } from 'esbuild';

export declare const REQUIRE_BANNER: string;
export declare const LAMBDA_TARGET: string;
export declare function lambdaEsbuildOptions(options: {
  entry: string;
  outfile: string;
  alias?: Record<string, string>;
}): BuildOptions;
export declare function createIncrementalBuild(options: {
  entry: string;
  outfile: string;
  alias?: Record<string, string>;
}): Promise<{ rebuild(): Promise<void>; dispose(): Promise<void> }>;
