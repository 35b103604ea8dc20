import type { Options } from 'tsup';

export declare function lambdaBundle(overrides?: Partial<Options>): Options;
