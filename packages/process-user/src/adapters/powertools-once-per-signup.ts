import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { OncePerSignup } from '../ports.js';

/**
 * OncePerSignup backed by Powertools idempotency (a DynamoDB table in production): the first run for
 * a key is recorded, and a run for the same key within `windowSeconds` returns without acting.
 * A run still in progress elsewhere makes this one throw, so its message is retried later.
 */
export class PowertoolsOncePerSignup implements OncePerSignup {
  private readonly config: IdempotencyConfig;
  private readonly idempotentRun: (request: { key: string }, action: () => Promise<void>) => Promise<unknown>;

  constructor(persistenceStore: BasePersistenceLayer, windowSeconds: number) {
    this.config = new IdempotencyConfig({ expiresAfterSeconds: windowSeconds });
    // Only the first argument ({ key }) is hashed into the idempotency key.
    this.idempotentRun = makeIdempotent(
      async (_request: { key: string }, action: () => Promise<void>) => {
        await action();
        return { welcomedAt: new Date().toISOString() };
      },
      { persistenceStore, config: this.config, dataIndexArgument: 0 },
    );
  }

  /** Lets an in-progress record expire with the invocation, should the function die mid-run. */
  registerLambdaContext(context: Context): void {
    this.config.registerLambdaContext(context);
  }

  async run(key: string, action: () => Promise<void>): Promise<'ran' | 'duplicate'> {
    let ran = false;
    await this.idempotentRun({ key }, async () => {
      ran = true;
      await action();
    });
    return ran ? 'ran' : 'duplicate';
  }
}
