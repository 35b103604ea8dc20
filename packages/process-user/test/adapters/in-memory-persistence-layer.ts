import {
  IdempotencyItemAlreadyExistsError,
  IdempotencyItemNotFoundError,
} from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, type IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';

/**
 * A Powertools idempotency persistence layer in memory, with the DynamoDB layer's semantics: a put
 * fails with `IdempotencyItemAlreadyExistsError` (carrying the existing record) while a record for the
 * key exists that has not expired and is not an in-progress record whose in-progress expiry passed.
 */
export class InMemoryPersistenceLayer extends BasePersistenceLayer {
  readonly records = new Map<string, IdempotencyRecord>();
  readonly operations: string[] = [];

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    this.operations.push('get');
    const record = this.records.get(idempotencyKey);
    if (!record) throw new IdempotencyItemNotFoundError();
    return record;
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    this.operations.push('put');
    const existing = this.records.get(record.idempotencyKey);
    if (existing && !InMemoryPersistenceLayer.isReplaceable(existing)) {
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        existing,
      );
    }
    this.records.set(record.idempotencyKey, record);
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    this.operations.push('update');
    this.records.set(record.idempotencyKey, record);
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.operations.push('delete');
    this.records.delete(record.idempotencyKey);
  }

  /** The DynamoDB layer's condition: the key does not exist, or it expired, or its in-progress run did. */
  private static isReplaceable(existing: IdempotencyRecord): boolean {
    const now = Date.now();
    if (existing.expiryTimestamp !== undefined && existing.expiryTimestamp < now / 1000) return true;
    return (
      existing.getStatus() === 'INPROGRESS' &&
      existing.inProgressExpiryTimestamp !== undefined &&
      existing.inProgressExpiryTimestamp < now
    );
  }
}
