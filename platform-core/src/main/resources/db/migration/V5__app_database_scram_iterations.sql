-- The SCRAM iteration count of each app role's verifier. Rows made before the platform computed
-- the verifier itself (16 iterations, see ScramVerifier) have PostgreSQL's 4096, which cost a
-- young app JVM about 40 ms of CPU per new connection; null marks them, and the next time the
-- app's database is ensured (every spec build) its role gets a verifier of the same password
-- with the platform's count.
alter table app_database add column scram_iterations integer;
