export { openDatabase, type Database, type OpenDatabaseOptions } from './open-database';
export { resolveDatabaseTarget, DatabaseUrlError, DEFAULT_SQLITE_FILE, type DatabaseTarget, type Provider } from './database-target';
export { migrateDatabase, readMigrations, planMigrations, MigrationError, type MigrationFile } from './migrate';
export type { PrismaOutboxStore } from './outbox/prisma-outbox-store';
export { PLATFORMS, type Platform, type StoreRecord, type StoreRegistry } from './stores/store-registry';
export type { DeletedStoreData } from './stores/delete-store-data';
export type { SessionRecord, SessionStore } from './sessions/session-store';
export type { ComplianceRequestRecord, ComplianceStore, NewComplianceRequest } from './compliance/compliance-store';
export type { DataExportStore, DataExportSummary, NewDataExport } from './compliance/data-export-store';
