import { stringify } from 'csv-stringify/sync';

export type ExportFormat = 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json'];

type Cell = string | number | null;

/**
 * Writes records to stdout as CSV (a header, then one line per record, RFC 4180 quoting) or as a JSON
 * array with one record per line, page by page, so exports of any size stream instead of being built
 * in memory. Waits for stdout to drain when it is a slow pipe.
 */
export class ExportWriter<T extends { [K in keyof T]: Cell }> {
  private written = 0;

  constructor(
    private readonly format: ExportFormat,
    private readonly columns: readonly (keyof T & string)[],
    private readonly out: NodeJS.WritableStream = process.stdout,
  ) {}

  async write(records: readonly T[]): Promise<void> {
    if (records.length === 0) return;
    if (this.format === 'csv') {
      const header = this.written === 0;
      const rows = records.map((record) => this.columns.map((column) => record[column] ?? ''));
      await this.emit(stringify(rows, { header, columns: [...this.columns] }));
    } else {
      const lines = records.map((record) => JSON.stringify(this.pick(record)));
      await this.emit(`${this.written === 0 ? '[\n' : ',\n'}${lines.join(',\n')}`);
    }
    this.written += records.length;
  }

  /** Closes the document; an export of nothing is a header alone, or `[]`. */
  async end(): Promise<number> {
    if (this.format === 'csv') {
      if (this.written === 0)
        await this.emit(stringify([], { header: true, columns: [...this.columns] }));
    } else {
      await this.emit(this.written === 0 ? '[]\n' : '\n]\n');
    }
    return this.written;
  }

  private pick(record: T): Record<string, Cell> {
    return Object.fromEntries(
      this.columns.map((column): [string, Cell] => [column, (record[column] as Cell) ?? null]),
    );
  }

  private emit(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const flushed = this.out.write(text, (error) => (error ? reject(error) : undefined));
      if (flushed) resolve();
      else this.out.once('drain', () => resolve());
    });
  }
}
