import { expect } from '@open-wc/testing';
import { PackageError, PackageErrorCode } from '../../src/package/index.js';
import { storageError } from '../../src/storage/storage-error.js';

describe('storageError', () => {
  it('names a full quota as quota-exceeded, with the package size, keeping the cause', () => {
    const cause = new DOMException('Quota exceeded.', 'QuotaExceededError');
    const error = storageError(cause, 150 * 1024 * 1024) as PackageError;
    expect(error).to.be.instanceOf(PackageError);
    expect(error.code).to.equal(PackageErrorCode.QuotaExceeded);
    expect(error.message)
      .to.contain('150 MB')
      .and.contain('quota is full')
      .and.contain('nothing was written');
    expect(error.cause).to.equal(cause);
  });

  it('reports other IndexedDB failures as storage errors', () => {
    const error = storageError(new DOMException('Disk gone.', 'UnknownError'), 1) as PackageError;
    expect(error.code).to.equal(PackageErrorCode.Storage);
    expect(error.message).to.contain('UnknownError: Disk gone.');
  });

  it('passes other errors through', () => {
    const other = new TypeError('x');
    expect(storageError(other, 1)).to.equal(other);
  });
});
