export declare function writeLambdaZip(
  zipPath: string,
  files: ReadonlyArray<{ path: string; name: string }>,
): Promise<void>;
