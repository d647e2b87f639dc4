/**
 * Where rooms are kept: one SQLite file in the data folder, through @hocuspocus/extension-sqlite
 * (its table and queries). What this adds: every write is awaited (a server that stops stores its
 * last changes before it closes the file), a busy timeout and write-ahead logging (several
 * instances on one machine may share the file), errors logged instead of crashing the process, and
 * the file closed on stop.
 */
import { SQLite, schema, selectQuery, upsertQuery } from '@hocuspocus/extension-sqlite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';

/** The database file in the data folder. */
export const DATABASE_FILE = 'sagaboard.sqlite';

export class RoomStore extends SQLite {
  /** Settles once the file is open and its table made (Hocuspocus calls onConfigure when it starts). */
  readonly ready: Promise<void>;
  private opened!: { resolve: () => void; reject: (error: unknown) => void };

  constructor(dataDir: string) {
    super({ database: join(dataDir, DATABASE_FILE) });
    mkdirSync(dataDir, { recursive: true });
    this.ready = new Promise((resolve, reject) => (this.opened = { resolve, reject }));
    this.configuration.fetch = async ({ documentName }) => {
      await this.ready;
      const row = await this.query<{ data: Uint8Array } | undefined>((db, done) => db.get(selectQuery, { $name: documentName }, done));
      return row?.data ?? null;
    };
    this.configuration.store = async ({ documentName, state }) => {
      await this.ready;
      await this.query((db, done) => db.run(upsertQuery, { $name: documentName, $data: state }, done));
    };
  }

  override async onConfigure(): Promise<void> {
    const db = new sqlite3.Database(this.configuration.database);
    db.on('error', (error) => console.error('SQLite:', error.message));
    db.configure('busyTimeout', 5_000);
    this.db = db;
    try {
      await this.query((d, done) => d.run('PRAGMA journal_mode = WAL', done));
      await this.query((d, done) => d.run(this.configuration.schema || schema, done));
      this.opened.resolve();
    } catch (error) {
      this.opened.reject(error);
      throw error;
    }
  }

  async onDestroy(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) await new Promise<void>((resolve) => db.close(() => resolve()));
  }

  private query<T = void>(run: (db: sqlite3.Database, done: (error: Error | null, row?: T) => void) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      if (!this.db) return reject(new Error('the room store is closed'));
      run(this.db, (error, row) => (error ? reject(error) : resolve(row as T)));
    });
  }
}
