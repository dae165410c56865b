// Filled in by the database test harness: prepares a migrated template database when
// TEST_DATABASE_URL points at a real PostgreSQL.
export default async function setup(): Promise<void> {}
