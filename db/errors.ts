/** Errors a user (or an admin's file system) can cause at the database's door. */
export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'too_new' | 'not_a_database' | 'unreadable' | 'migration_failed',
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
